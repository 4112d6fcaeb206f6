import type { SelectQueryBuilder } from 'typeorm';
import { containsPattern } from '@app/common';

/**
 * What a list's search box matches: the words of title and description in any order (full text, Cyrillic too),
 * a part of a word or phrase (`ILIKE`), and a part of the reference (`MNG-2026`, `2026-007`) when the record has
 * one. `q` and `qLike` are the placeholders of the text and of its `containsPattern`. The words are the stored
 * `search_vector` column ('simple' configuration, GIN index ix_*_fts); the part of a word is `LIKE` on the stored
 * lower-cased `search_text` (what `ILIKE` on title and description does, without lower-casing every row at every
 * search); a trigram index serves it and the reference's `ILIKE` (ix_*_trgm, ix_assistance_requests_reference_trgm).
 */
export function textSearchSql(alias: string, { q, qLike, reference }: { q: string; qLike: string; reference: boolean }): string {
  return `(${reference ? `${alias}.reference ILIKE ${qLike} OR ` : ''}${alias}.search_vector @@ plainto_tsquery('simple', ${q})
      OR ${alias}.search_text LIKE lower(${qLike}))`;
}

/** The search box of a list of requests (with their references) or offers. */
export function applyTextSearch<T extends object>(qb: SelectQueryBuilder<T>, alias: string, q: string, { reference = false } = {}): void {
  qb.andWhere(textSearchSql(alias, { q: ':q', qLike: ':qLike', reference }), { q, qLike: containsPattern(q) });
}

/** Orders by `sort` (a key of `columns`, `-` in front for descending), then by id so pages never overlap. */
export function applySort<T extends object>(
  qb: SelectQueryBuilder<T>,
  columns: Record<string, string>,
  sort: string,
  idColumn: string,
  nulls: 'first when ascending' | 'last' = 'first when ascending',
): SelectQueryBuilder<T> {
  const desc = sort.startsWith('-');
  const nullsOrder = nulls === 'last' || desc ? 'NULLS LAST' : 'NULLS FIRST';
  return qb.orderBy(columns[sort.replace(/^-/, '')], desc ? 'DESC' : 'ASC', nullsOrder).addOrderBy(idColumn);
}
