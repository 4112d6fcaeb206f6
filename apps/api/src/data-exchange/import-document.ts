import type { z } from 'zod';
import type { FieldIssue } from '@app/common';
import {
  EXCHANGE_COLLECTIONS,
  ExchangeCollection,
  ExchangeEnvelope,
  ImportDocument,
} from './dto/exchange-document.schemas';

type Issue = z.core.$ZodIssue;

/** A document's records as read: an invalid record is null (and reported) so the indices stay those of the body. */
export type ReadRecords = { [C in ExchangeCollection]: (ImportDocument[C][number] | null)[] };

export interface ReadDocument {
  records: ReadRecords;
  /** Ids the document declares, its invalid records' too, so a reference to a bad record is not reported twice. */
  declaredIds: Record<ExchangeCollection, Set<string>>;
  issues: FieldIssue[];
}

function fieldOf(prefix: string, path: readonly PropertyKey[]): string {
  return prefix + path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}

function toFieldIssues(prefix: string, issues: readonly Issue[]): FieldIssue[] {
  return issues.flatMap((issue): FieldIssue[] =>
    issue.code === 'unrecognized_keys'
      ? // One line per unknown field, named, rather than one for the record.
        issue.keys.map((key) => ({
          field: fieldOf(prefix, [...issue.path, key]),
          message: 'is not a field of the exchange format',
        }))
      : [{ field: fieldOf(prefix, issue.path), message: issue.message }],
  );
}

/**
 * Reads the records of a document whose outer shape the route has checked (exchangeEnvelopeSchema), every
 * record on its own, so that all bad records are reported (each with its index and field), not only the first.
 */
export function readImportDocument(envelope: ExchangeEnvelope): ReadDocument {
  const issues: FieldIssue[] = [];
  const records = {} as Record<ExchangeCollection, unknown[]>;
  const declaredIds = {} as Record<ExchangeCollection, Set<string>>;
  for (const [collection, schema] of Object.entries(EXCHANGE_COLLECTIONS) as [ExchangeCollection, z.ZodType][]) {
    declaredIds[collection] = new Set();
    records[collection] = envelope[collection].map((raw, index) => {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string') declaredIds[collection].add(id);
      const parsed = schema.safeParse(raw);
      if (parsed.success) return parsed.data;
      issues.push(...toFieldIssues(`${collection}[${index}]`, parsed.error.issues));
      return null;
    });
  }
  return { records: records as ReadRecords, declaredIds, issues };
}

/** The records once nothing was reported: none is null. */
export function completeDocument(envelope: ExchangeEnvelope, read: ReadDocument): ImportDocument {
  if (read.issues.length) throw new Error('completeDocument: the document has problems');
  return { ...envelope, ...read.records } as ImportDocument;
}

const COLLECTION_ORDER = Object.keys(EXCHANGE_COLLECTIONS);
const position = (field: string): [number, number] => {
  const [, collection, index] = /^(\w+)\[(\d+)\]/.exec(field) ?? [];
  return collection ? [COLLECTION_ORDER.indexOf(collection), Number(index)] : [-1, -1];
};

/** Record by record, in document order, as a person fixes them; a stable sort keeps each record's own order. */
export function inDocumentOrder(issues: FieldIssue[]): FieldIssue[] {
  return issues
    .map((issue) => ({ issue, at: position(issue.field) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1])
    .map(({ issue }) => issue);
}
