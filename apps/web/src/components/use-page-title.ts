import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from '../i18n';

/** Sets the browser tab title to "<page> · 1540 Assistance". */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page }));
}
