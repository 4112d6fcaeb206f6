import { EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/page-header';
import { HourglassIcon } from '../components/icons';
import type { SectionId } from '../navigation';

/** Stands in for a section that is not built yet, so no link leads to a page that pretends to work. */
export function ComingSoonPage({ section }: { section: SectionId }) {
  const { t } = useTranslation();
  const title = t(`sections.${section}.title`);
  return (
    <>
      <PageHeader title={title} />
      <EmptyState icon={<HourglassIcon />} withIndicatorBackground py="xl">
        <EmptyState.Title order={2}>{t('comingSoon.title')}</EmptyState.Title>
        <EmptyState.Description>{t('comingSoon.description', { section: title })}</EmptyState.Description>
      </EmptyState>
    </>
  );
}
