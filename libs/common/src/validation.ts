import { BadRequestException, StandardSchemaValidationPipe } from '@nestjs/common';
import { z } from 'zod';
import type { FieldIssue } from './domain-error';

type Issue = { message: string; path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> };

const pathOf = (issue: Issue & { keys?: string[] }): string => {
  const parts = (issue.path ?? []).map((p) => (typeof p === 'object' ? p.key : p));
  // Unknown keys are reported on the object; name the key itself.
  if (issue.keys?.length) parts.push(issue.keys[0]);
  return parts.map(String).join('.') || '(body)';
};

/** Standard Schema pipe whose 400 names each offending field: `{message, details: [{field, message}]}`. */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues) => {
      const details: FieldIssue[] = issues.map((i) => ({ field: pathOf(i as Issue), message: i.message }));
      return new BadRequestException({
        message: details.map((d) => `${d.field}: ${d.message}`).join('; '),
        details,
      });
    },
  });
}

/** `?page=&pageSize=` (max 100), DESIGN §9. */
export const paginationSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type Pagination = z.infer<typeof paginationSchema>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const uuidParam = z.uuid({ message: 'must be a UUID' });
