import { Alert, List, Text } from '@mantine/core';
import { ApiError } from '../api/client';
import { useErrorMessage } from './error-state';
import { useTranslation } from '../i18n';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Splits an API error's `details` into messages for the form's fields and messages for no field in
 * particular. `fieldOf` maps an API path (`provisions.0`, `estimatedCost.amount`) to a form field, or null.
 */
export function splitFieldErrors<F extends string>(
  error: unknown,
  fieldOf: (apiField: string) => F | null,
): { fields: FieldErrors<F>; rest: string[] } {
  const fields: FieldErrors<F> = {};
  const rest: string[] = [];
  if (!(error instanceof ApiError)) return { fields, rest };
  for (const issue of error.fieldErrors) {
    const field = fieldOf(issue.field);
    if (field && !fields[field]) fields[field] = issue.message;
    else if (!field) rest.push(`${issue.field}: ${issue.message}`);
  }
  return { fields, rest };
}

/** The form-level error: what could not be put next to a field, or the whole message when nothing could. */
export function FormErrorAlert({ error, rest }: { error: unknown; rest: string[] }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  if (!error) return null;
  const onFields = error instanceof ApiError && error.fieldErrors.length > 0;
  return (
    <Alert color="red" title={onFields ? t('form.fixFields') : t('form.saveFailed')} role="alert">
      {rest.length > 0 ? (
        <List size="sm">
          {rest.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      ) : onFields ? (
        <Text size="sm">{t('form.fixFieldsHint')}</Text>
      ) : (
        <Text size="sm">{error instanceof ApiError && !error.isNetworkError ? error.message : describe(error)}</Text>
      )}
    </Alert>
  );
}

/**
 * Moves focus and the view to the form's first field marked invalid, once React has drawn the errors. A picker
 * opens its list when focused, over its own message and the fields below: it is closed again (Escape).
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!field) return;
    field.focus({ preventScroll: true });
    if (field.getAttribute('role') === 'combobox' || field.hasAttribute('aria-haspopup')) {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    }
    field.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
}
