import type { z } from 'zod';
import type { FieldIssue } from '@app/common';
import { EXCHANGE_COLLECTIONS, ExchangeCollection, exchangeEnvelopeSchema, ImportDocument } from './dto/exchange-document.schemas';

type Issue = z.core.$ZodIssue;

/** `requests[3].provisions[0]`: the record's collection and index, then the field inside it. */
export function fieldOf(prefix: string, path: readonly PropertyKey[]): string {
  let field = prefix;
  for (const part of path) field += typeof part === 'number' ? `[${part}]` : field ? `.${String(part)}` : String(part);
  return field || '(document)';
}

function toFieldIssues(prefix: string, issues: readonly Issue[]): FieldIssue[] {
  return issues.flatMap((issue): FieldIssue[] =>
    issue.code === 'unrecognized_keys'
      ? // One line per unknown field, named, rather than one for the record.
        issue.keys.map((key) => ({ field: fieldOf(prefix, [...issue.path, key]), message: 'is not a field of the exchange format' }))
      : [{ field: fieldOf(prefix, issue.path), message: issue.message }],
  );
}

/**
 * Reads a document body: its outer shape first, then every record on its own, so that all bad records are
 * reported (each with its index and field), not only the first.
 */
export function readImportDocument(body: unknown): { doc: ImportDocument; issues?: undefined } | { doc?: undefined; issues: FieldIssue[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { issues: [{ field: '(document)', message: 'must be a JSON object in the a1540-exchange format (see GET /api/v1/export)' }] };
  }
  const envelope = exchangeEnvelopeSchema.safeParse(body);
  if (!envelope.success) return { issues: toFieldIssues('', envelope.error.issues) };

  const issues: FieldIssue[] = [];
  const records: Partial<Record<ExchangeCollection, unknown[]>> = {};
  for (const [collection, schema] of Object.entries(EXCHANGE_COLLECTIONS) as [ExchangeCollection, z.ZodType][]) {
    records[collection] = envelope.data[collection].map((raw, index) => {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) issues.push(...toFieldIssues(`${collection}[${index}]`, parsed.error.issues));
      return parsed.data;
    });
  }
  if (issues.length) return { issues };
  return { doc: { ...envelope.data, ...records } as ImportDocument };
}
