import { type ArgumentMetadata, BadRequestException, StandardSchemaValidationPipe } from '@nestjs/common';
import { describeIssue } from '@app/contracts';
import { type FieldIssue, localizedIssue, MESSAGE_SOURCE, type MessageSource } from './domain-error';

type Issue = { message: string; path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> };

const pathOf = (issue: Issue & { keys?: string[] }): string => {
  const parts = (issue.path ?? []).map((p) => (typeof p === 'object' ? p.key : p));
  // Unknown keys are reported on the object; name the key itself.
  if (issue.keys?.length) parts.push(issue.keys[0]);
  return parts.map(String).join('.') || '(body)';
};

const badRequest = (details: FieldIssue[]) =>
  new BadRequestException({ message: details.map((d) => `${d.field}: ${d.message}`).join('; '), details });

/** Where a zod issue's words are in the catalogues (`validation.*`), when they are there. */
export const issueSource = (issue: Issue): MessageSource | undefined => {
  const described = describeIssue(issue as Parameters<typeof describeIssue>[0]);
  return described ? { key: `validation.${described.code}`, params: described.params } : undefined;
};

/** The 400 of an input that failed its schema, each field named: what the validation pipe answers. */
export const invalidInput = (issues: readonly Issue[]) =>
  badRequest(
    issues.map((i) => {
      const source = issueSource(i);
      return { field: pathOf(i), message: i.message, ...(source ? { [MESSAGE_SOURCE]: source } : {}) };
    }),
  );

/**
 * The first string in a body, query or path value that holds U+0000, by its field path: PostgreSQL cannot store
 * that character in text, so it is refused here for every route instead of failing in the database.
 */
export function fieldWithNul(value: unknown, path: string[] = []): string | null {
  // Iterative, so no nesting depth a client sends can overflow the stack; each entry links to its parent, so
  // the path is only built for the field found.
  type At = { key: string; parent: At | null } | null;
  const pathOf = (at: At): string => {
    const keys: string[] = [];
    for (let a = at; a; a = a.parent) keys.unshift(a.key);
    return [...path, ...keys].join('.') || '(body)';
  };
  const pending: [unknown, At][] = [[value, null]];
  while (pending.length) {
    const [item, at] = pending.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return pathOf(at);
    } else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const here = { key, parent: at };
        if (key.includes('\u0000')) return pathOf(here);
        pending.push([child, here]);
      }
    }
  }
  return null;
}

/** Standard Schema pipe whose 400 names each offending field: `{message, details: [{field, message}]}`. */
class FieldNamingValidationPipe extends StandardSchemaValidationPipe {
  override async transform<T = unknown>(value: T, metadata: ArgumentMetadata): Promise<T> {
    if (metadata.type !== 'custom') {
      const field = fieldWithNul(value, metadata.type === 'param' && metadata.data ? [metadata.data] : []);
      if (field) throw badRequest([localizedIssue(field, 'errors.nulCharacter')]);
    }
    if (metadata.type !== 'param' || !metadata.data) return super.transform(value, metadata);
    // A path parameter's issues carry no path of their own: name the parameter (`id: must be a UUID`).
    try {
      return await super.transform(value, metadata);
    } catch (err) {
      const details = (err instanceof BadRequestException && (err.getResponse() as { details?: FieldIssue[] }).details) || null;
      if (!details) throw err;
      throw badRequest(details.map((d) => ({ ...d, field: d.field === '(body)' ? metadata.data! : `${metadata.data}.${d.field}` })));
    }
  }
}

export function createValidationPipe(): StandardSchemaValidationPipe {
  return new FieldNamingValidationPipe({
    exceptionFactory: (issues) => invalidInput(issues),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
