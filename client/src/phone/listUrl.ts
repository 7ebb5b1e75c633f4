/**
 * The list view in the address bar (`?view=list`), like the table's
 * `?view=table` (table/tableUrl.ts), so a link or a reload opens the list.
 * Only `view=list` is ours: turning the list off never removes another view.
 */
export function listViewInUrl(search: string): boolean {
  return new URLSearchParams(search).get('view') === 'list';
}

/** The query string for `search` with the list view on or off; other parameters are kept. */
export function listSearch(search: string, on: boolean): string {
  const p = new URLSearchParams(search);
  if (on) p.set('view', 'list');
  else if (p.get('view') === 'list') p.delete('view');
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Rewrites the address bar without a history entry; the hash (maybe the board token) is kept. */
export function writeListUrl(on: boolean): void {
  const { pathname, search, hash } = window.location;
  const next = listSearch(search, on);
  if (next !== search) history.replaceState(history.state, '', `${pathname}${next}${hash}`);
}
