import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { FieldErrors } from '../components/form-errors';
import { FormFooter } from '../forms/form-footer';
import { useSchemaCheck } from '../forms/schema-check';
import { UnsavedChangesGuard } from '../forms/unsaved-changes-guard';
import { useEntityForm } from '../forms/use-entity-form';
import { useTaxonomy, type TaxonomyLookup } from '../taxonomy/use-taxonomy';

/** What a page hands a record's form, new and edit alike. */
export interface RecordFormProps<I> {
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: I) => void;
  onCancel: () => void;
}

interface RecordFormOptions<R, V extends object, I> {
  /** The record being edited; none for a new one. */
  record: R | undefined;
  empty: V;
  valuesOf: (record: R, lookup: TaxonomyLookup | undefined) => V;
  inputOf: (values: V, lookup: TaxonomyLookup | undefined) => I;
  /** Which form field an API error path belongs to. */
  fieldOf: (apiField: string) => Extract<keyof V, string> | null;
  /** The API's own schema of the input (libs/contracts). */
  schema: z.ZodType;
  /** Only the fields wrong in ways the schema cannot say (too many decimals for the currency); these win. */
  refine?: (values: V, lookup: TaxonomyLookup | undefined) => FieldErrors<Extract<keyof V, string>>;
  error: unknown;
  onSubmit: (input: I) => void;
}

/**
 * A record's form state: its values from the record (or empty), checked with the API's own schema so the form
 * refuses what the server would, with the same words, before anything is sent.
 */
export function useRecordForm<R, V extends object, I>({
  record,
  empty,
  valuesOf,
  inputOf,
  fieldOf,
  schema,
  refine,
  error,
  onSubmit,
}: RecordFormOptions<R, V, I>) {
  const { lookup } = useTaxonomy();
  const check = useSchemaCheck();
  const validate = (values: V) => ({ ...check(schema, inputOf(values, lookup), fieldOf), ...refine?.(values, lookup) });
  const form = useEntityForm({
    initial: () => (record ? valuesOf(record, lookup) : empty),
    error,
    fieldOf,
    validate,
    toInput: (values: V) => inputOf(values, lookup),
    onSubmit,
  });
  return { ...form, lookup };
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
  const { formRef, submit, unsaved, hasClientErrors, serverRest } = form;
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={submitLabel}>
      <UnsavedChangesGuard when={unsaved} />
      <Stack gap="lg">
        {children}
        <FormFooter
          hasClientErrors={hasClientErrors}
          error={error}
          rest={serverRest}
          submitLabel={submitLabel}
          pending={pending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
