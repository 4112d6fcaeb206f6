import { Button, EmptyState } from '@mantine/core';
import { Link } from '../router';
import { LockIcon } from '../components/icons';
import { usePageTitle } from '../components/use-page-title';
import { useTranslation } from '../i18n';

/** Shown inside the app frame when a signed-in user opens a section of another role. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <EmptyState icon={<LockIcon />} withIndicatorBackground py="xl">
      <EmptyState.Title order={1}>{t('forbidden.title')}</EmptyState.Title>
      <EmptyState.Description>{t('forbidden.description')}</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="light">
          {t('common.goHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
