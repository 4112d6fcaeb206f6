import { describeIssue, VALIDATION_MESSAGES } from '@app/contracts';
import type { z } from 'zod';
import type { FieldErrors } from '../components/form-errors';
import { useTranslation } from '../i18n';
import { addMessages } from '../i18n/translator';

// Validation messages in English are the API's own, so a form says what the server would say; another language's
// catalogue translates them under `validation` by the same codes (its own bundle wins: no overwrite).
addMessages('en', { validation: VALIDATION_MESSAGES }, false);

/**
 * Checks a form's input with the API's own schema (libs/contracts) and words each issue as the API does, in the
 * reader's language: what the server would refuse is said next to its field before anything is sent.
 */
export function useSchemaCheck() {
  const { t } = useTranslation();
  return <F extends string>(schema: z.ZodType, input: unknown, fieldOf: (apiField: string) => F | null): FieldErrors<F> => {
    const found: FieldErrors<F> = {};
    // `reportInput`: a missing value is told from a wrong one by the issue's input, as on the server.
    const result = schema.safeParse(input, { reportInput: true });
    if (result.success) return found;
    for (const issue of result.error.issues) {
      // An issue of no field of the form is left to the server, whose answer the form shows above its buttons.
      const field = fieldOf(issue.path.map(String).join('.'));
      if (!field || found[field]) continue;
      const message = describeIssue(issue);
      found[field] = message ? t(`validation.${message.code}`, message.params) : issue.message;
    }
    return found;
  };
}
