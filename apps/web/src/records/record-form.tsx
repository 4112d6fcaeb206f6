import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormFooter } from '../forms/form-footer';
import { UnsavedChangesGuard } from '../forms/unsaved-changes-guard';
import type { useEntityForm } from '../forms/use-entity-form';

/** What a page hands a record's form, new and edit alike. */
export interface RecordFormProps<I> {
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: I) => void;
  onCancel: () => void;
}

type EntityForm = ReturnType<typeof useEntityForm<object, unknown>>;

interface RecordFormShellProps extends Omit<RecordFormProps<unknown>, 'onSubmit'> {
  form: Pick<EntityForm, 'formRef' | 'submit' | 'unsaved' | 'hasClientErrors' | 'serverRest'>;
  /** The form's sections (`FormSection`), top to bottom. */
  children: ReactNode;
}

/**
 * A record's form: its sections, then the error summary and the buttons. Leaving with unsaved edits asks first;
 * the form is named by its submit label, so "Save changes" and "Create draft" forms are told apart.
 */
export function RecordForm({ form, submitLabel, pending, error, onCancel, children }: RecordFormShellProps) {
  return (
    <form ref={form.formRef} onSubmit={form.submit} noValidate aria-label={submitLabel}>
      <UnsavedChangesGuard when={form.unsaved} />
      <Stack gap="lg">
        {children}
        <FormFooter
          hasClientErrors={form.hasClientErrors}
          error={error}
          rest={form.serverRest}
          submitLabel={submitLabel}
          pending={pending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
