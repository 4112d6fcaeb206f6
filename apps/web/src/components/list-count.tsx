import type { Paginated } from '../api/client';
import { useTranslation } from '../i18n';

// Apart from list-controls: home pages show counts without loading the list controls' components.

/** A list's total as a badge or a figure shows it: long lists are counted only so far (`totalIsLowerBound`). */
export interface ListCount {
  count: number;
  /** There are more than `count`. */
  atLeast: boolean;
}

/** The count of a page the server answered with (a query's `select`). */
export const listCount = (page: Pick<Paginated<unknown>, 'total' | 'totalIsLowerBound'>): ListCount => ({
  count: page.total,
  atLeast: page.totalIsLowerBound === true,
});

/** "132", or "1000+" when the server stopped counting. */
export function ListCountText({ value }: { value: ListCount }) {
  const { t } = useTranslation();
  return <>{value.atLeast ? t('list.countAtLeast', { count: value.count }) : value.count}</>;
}
