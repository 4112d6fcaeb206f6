import { Alert, Button, Group } from '@mantine/core';
import { FormErrorAlert } from '../components/form-errors';
import { useTranslation } from '../i18n';

interface FormFooterProps {
  hasClientErrors: boolean;
  error: unknown;
  /** API error messages that belong to no field. */
  rest: string[];
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
}

/** The end of an entity form: the error summary, then Cancel and the submit button. */
export function FormFooter({ hasClientErrors, error, rest, submitLabel, pending, onCancel }: FormFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      {hasClientErrors && (
        <Alert color="red" title={t('form.fixFields')} role="alert">
          {t('form.fixFieldsHint')}
        </Alert>
      )}
      <FormErrorAlert error={error} rest={rest} />

      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
