import { useCallback, useEffect, useState } from 'react';
import type { TableFilter } from './tableFilter.js';
import type { SortKey, TableSort } from './tableSort.js';
import { firstDir } from './tableSort.js';
import { parseTableParams, writeTableUrl } from './tableUrl.js';

export interface TableState {
  filter: TableFilter;
  sort: TableSort;
  /** Merges `patch` into the filter; an empty string or false clears that field. */
  setFilter: (patch: Partial<TableFilter>) => void;
  clearFilter: () => void;
  /** A column header: sorts by it, or flips the direction when it already sorts. */
  sortBy: (key: SortKey) => void;
}

function clean(f: TableFilter): TableFilter {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && v !== false)) as TableFilter;
}

/**
 * Filter and sort, started from the address bar (a shared link opens the same
 * view) and written back to it on every change (tableUrl.ts: query only, the
 * hash with the token is never touched). Leaving the table removes them.
 */
export function useTableState(): TableState {
  const [state, setState] = useState(() => parseTableParams(window.location.search));
  useEffect(() => writeTableUrl(state), [state]);
  useEffect(() => () => writeTableUrl(undefined), []);
  const setFilter = useCallback((patch: Partial<TableFilter>) =>
    setState((s) => ({ ...s, filter: clean({ ...s.filter, ...patch }) })), []);
  const clearFilter = useCallback(() => setState((s) => ({ ...s, filter: {} })), []);
  const sortBy = useCallback((key: SortKey) => setState((s) => ({
    ...s,
    sort: s.sort.key === key ? { key, dir: s.sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: firstDir(key) },
  })), []);
  return { ...state, setFilter, clearFilter, sortBy };
}
