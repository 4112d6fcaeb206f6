import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RowPage } from './viewer';

/** Where a page starts and how long it is. */
export interface PageCut {
  page: number;
  pageSize: number;
}

/**
 * The total of a list whose page holds `onPage` rows: a page shorter than `pageSize` (or an empty first page) ends
 * the list, so its total is its offset plus its rows and needs no count; otherwise `count` is asked.
 */
export async function totalOf(onPage: number, cut: PageCut, count: () => Promise<number>): Promise<number> {
  const offset = (cut.page - 1) * cut.pageSize;
  const endsHere = onPage > 0 ? onPage < cut.pageSize : cut.page === 1;
  return endsHere ? offset + onPage : count();
}

/** How many rows `qb` selects: count(*) over its FROM, joins and WHERE, without its order, page or columns. */
export async function countRows(qb: SelectQueryBuilder<ObjectLiteral>): Promise<number> {
  const row = await qb.clone().orderBy().skip(undefined).take(undefined).offset(undefined).limit(undefined).select('count(*)', 'n').getRawOne<{ n: string }>();
  return Number(row?.n ?? 0);
}

/**
 * One page of `qb`'s records and their total. Every list here reads one row per record (its joins are many-to-one),
 * so the page is a plain LIMIT/OFFSET — no DISTINCT id pre-query, as `skip`/`take` would make — and PostgreSQL can
 * stop at the page's last row along an index. The total is a separate count(*), asked only when the page cannot
 * tell it (`totalOf`): a window count in the page's own statement would read and sort every matching row, every
 * column, before returning the first (134 ms against 13 + 2 ms at 20,000 requests).
 */
export async function pageOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, cut: PageCut): Promise<RowPage<T>> {
  const rows = await qb.clone().offset((cut.page - 1) * cut.pageSize).limit(cut.pageSize).getMany();
  return { rows, total: await totalOf(rows.length, cut, () => countRows(qb)) };
}
