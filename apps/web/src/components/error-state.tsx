import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { ApiError } from '../api/client';
import { useTranslation } from '../i18n';

export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError && error.isNetworkError) return t('errors.network');
    // A refusal of fields: their messages, without the API's paths ("background: …"), which are code, not words;
    // the form shows them next to the field they concern.
    const fieldMessages = error instanceof ApiError ? [...new Set(error.fieldErrors.map((issue) => issue.message))] : [];
    const message = fieldMessages.length > 0 ? fieldMessages.join('; ') : error instanceof Error ? error.message : String(error);
    return t('errors.generic', { message });
  };
}

interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  fullPage?: boolean;
}

export function ErrorState({ error, title, onRetry, fullPage = false }: ErrorStateProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const alert = (
    <Alert color="red" title={title ?? t('errors.title')} maw={560} w="100%">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{describe(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
  return fullPage ? (
    <Center h="100vh" p="md">
      {alert}
    </Center>
  ) : (
    alert
  );
}
