import { Button, Center, EmptyState } from '@mantine/core';
import { Link } from '../router';
import { CompassIcon } from '../components/icons';
import { usePageTitle } from '../components/use-page-title';
import { useTranslation } from '../i18n';

/** Any address the routes table does not know, signed in or not. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Center mih="100vh" p="md" component="main">
      <EmptyState icon={<CompassIcon />} withIndicatorBackground maw={480}>
        <EmptyState.Title order={1}>{t('notFound.title')}</EmptyState.Title>
        <EmptyState.Description>{t('notFound.description')}</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to="/">
            {t('common.goHome')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
