import { useEffect, useRef, useState, type FormEvent } from 'react';
import { focusFirstInvalid, splitFieldErrors, type FieldErrors } from '../components/form-errors';

interface EntityFormOptions<V extends object, I> {
  initial: () => V;
  /** The API error of the last save, if any; its field errors are shown next to the fields. */
  error: unknown;
  /** Maps an API error path to a form field, or null when it belongs to no field. */
  fieldOf: (apiField: string) => keyof V | null;
  validate: (values: V) => FieldErrors<Extract<keyof V, string>>;
  toInput: (values: V) => I;
  onSubmit: (input: I) => void;
}

/**
 * The plumbing shared by the entity forms: values, client-side validation, API field errors, focus on the
 * first invalid field, and whether there are edits not yet saved.
 */
export function useEntityForm<V extends object, I>({
  initial,
  error,
  fieldOf,
  validate,
  toInput,
  onSubmit,
}: EntityFormOptions<V, I>) {
  type Field = Extract<keyof V, string>;
  const [values, setValues] = useState<V>(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors<Field>>({});
  // Edited and not (yet successfully) sent: leaving the page asks first (UnsavedChangesGuard).
  const [dirty, setDirty] = useState(false);
  const [sent, setSent] = useState(false);

  const set = <K extends Field>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setClientErrors((current) => ({ ...current, [field]: undefined }));
    setDirty(true);
  };

  const formRef = useRef<HTMLFormElement>(null);
  const server = splitFieldErrors(error, fieldOf as (apiField: string) => Field | null);
  useEffect(() => {
    if (!error) return;
    setSent(false);
    focusFirstInvalid(formRef.current);
  }, [error]);
  const errorOf = (field: Field) => clientErrors[field] ?? server.fields[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    setClientErrors(found);
    if (Object.values(found).some(Boolean)) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setSent(true);
    onSubmit(toInput(values));
  };

  const hasClientErrors = Object.values(clientErrors).some(Boolean);
  const unsaved = dirty && !sent;
  return { values, set, errorOf, submit, formRef, serverRest: server.rest, hasClientErrors, unsaved };
}

/** Sets one field of a form's values. */
export type FieldSetter<V> = <K extends Extract<keyof V, string>>(field: K, value: V[K]) => void;
/** The error message to show on one field, if any. */
export type FieldErrorOf<V> = (field: Extract<keyof V, string>) => string | undefined;
