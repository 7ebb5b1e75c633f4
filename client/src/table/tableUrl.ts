import { isKind, isStatus, type TableFilter } from './tableFilter.js';
import { DEFAULT_SORT, isSortKey, type TableSort } from './tableSort.js';

/** The query-string parameters the table owns (the view, the filter, the sort). */
const FILTER_KEYS = ['segment', 'stage', 'kind', 'status', 'owner', 'author', 'department'] as const;
const TABLE_PARAMS = ['view', ...FILTER_KEYS, 'noowner', 'contested', 'q', 'sort', 'dir'];

export interface TableUrlState {
  filter: TableFilter;
  sort: TableSort;
}

/** Reads the filter and sort from a query string; unknown or malformed values are ignored. */
export function parseTableParams(search: string): TableUrlState {
  const p = new URLSearchParams(search);
  const filter: TableFilter = {};
  for (const key of FILTER_KEYS) {
    const v = p.get(key);
    if (!v) continue;
    if (key === 'kind') { if (isKind(v)) filter.kind = v; } else if (key === 'status') { if (isStatus(v)) filter.status = v; } else filter[key] = v;
  }
  if (p.get('noowner') === '1') filter.noOwner = true;
  if (p.get('contested') === '1') filter.contested = true;
  const q = p.get('q');
  if (q) filter.q = q;
  const key = p.get('sort');
  const sort: TableSort = isSortKey(key) ? { key, dir: p.get('dir') === 'desc' ? 'desc' : 'asc' } : DEFAULT_SORT;
  return { filter, sort };
}

/**
 * The query string for `search` with the table's parameters replaced by
 * `state` (or removed, when `state` is undefined: the table is closed). Other
 * parameters are kept as they are.
 */
export function tableSearch(search: string, state: TableUrlState | undefined): string {
  const p = new URLSearchParams(search);
  for (const key of TABLE_PARAMS) p.delete(key);
  if (state) {
    p.set('view', 'table');
    const { filter: f, sort } = state;
    for (const key of FILTER_KEYS) if (f[key]) p.set(key, f[key]);
    if (f.noOwner) p.set('noowner', '1');
    if (f.contested) p.set('contested', '1');
    if (f.q) p.set('q', f.q);
    if (sort.key !== DEFAULT_SORT.key || sort.dir !== DEFAULT_SORT.dir) {
      p.set('sort', sort.key);
      p.set('dir', sort.dir);
    }
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function tableViewInUrl(search: string): boolean {
  return new URLSearchParams(search).get('view') === 'table';
}

/**
 * Rewrites the address bar's query with history.replaceState (no new history
 * entry per keystroke). The hash is kept untouched: it may still hold the
 * board token.
 */
export function writeTableUrl(state: TableUrlState | undefined): void {
  const { pathname, search, hash } = window.location;
  const next = tableSearch(search, state);
  if (next !== search) history.replaceState(history.state, '', `${pathname}${next}${hash}`);
}
