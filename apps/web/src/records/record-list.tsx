import type { ReactNode } from 'react';
import { ListFooter, ListStates, type ListParams, type ListStatesProps } from '../components/list-controls';

interface RecordListProps<T> extends Omit<ListStatesProps<T>, 'children'> {
  list: Pick<ListParams<string>, 'setPage' | 'setPageSize'>;
  /** The register of one page of records, e.g. a `RequestsTable`. */
  children: (items: T[]) => ReactNode;
}

/** A paged list of records: its loading, error and empty states, the page's register, then the page controls. */
export function RecordList<T>({ list, children, ...states }: RecordListProps<T>) {
  return (
    <ListStates {...states}>
      {(page) => (
        <>
          {children(page.items)}
          <ListFooter page={page} list={list} />
        </>
      )}
    </ListStates>
  );
}
