import { Center, Loader } from '@mantine/core';
import { useTranslation } from '../i18n';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" role="status" aria-label={t('common.loading')}>
      <Loader />
    </Center>
  );
}

// Here, not with the detail kit (detail-layout.tsx): the routes show it while a page's code loads, so it is in the
// entry, and the kit's DataList need not be.
/** A page's loader inside its frame, which stays on screen. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-label={t('common.loading')}>
      <Loader />
    </Center>
  );
}
