import type { TableRow } from './tableRows.js';

export const SORT_KEYS = [
  'board', 'segment', 'stage', 'kind', 'text', 'author', 'department', 'votes', 'rank', 'owners', 'status',
  'responsible', 'merged',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface TableSort {
  key: SortKey;
  dir: SortDir;
}

export const DEFAULT_SORT: TableSort = { key: 'board', dir: 'asc' };

export function isSortKey(v: unknown): v is SortKey {
  return (SORT_KEYS as readonly unknown[]).includes(v);
}

/** Direction a column starts in when first clicked: counts biggest first, names A to Z. */
export function firstDir(key: SortKey): SortDir {
  return key === 'votes' || key === 'owners' || key === 'merged' ? 'desc' : 'asc';
}

const collator = new Intl.Collator(['it', 'en'], { sensitivity: 'base', numeric: true });
const STATUS_ORDER = { open: 0, accepted: 1, parked: 2 } as const;

/**
 * Values compared for each key. Segment and stage sort by the board's order
 * (their position in reading order), not their names. Hidden votes (null)
 * sort as the lowest.
 */
function compareBy(key: SortKey, names: (departmentKey: string) => string): (a: TableRow, b: TableRow) => number {
  switch (key) {
    case 'board':
    case 'segment':
    case 'stage': return (a, b) => a.index - b.index;
    case 'kind': return (a, b) => collator.compare(a.kind, b.kind);
    case 'text': return (a, b) => collator.compare(a.text, b.text);
    case 'author': return (a, b) => collator.compare(a.authorName, b.authorName);
    case 'department': return (a, b) => collator.compare(names(a.department), names(b.department));
    case 'votes': return (a, b) => (a.votes ?? -1) - (b.votes ?? -1);
    // Rank 1 is the most dots: ascending rank = most dots first.
    case 'rank': return (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity);
    case 'owners': return (a, b) => (a.tally[0]?.count ?? 0) - (b.tally[0]?.count ?? 0);
    case 'status': return (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'responsible': return (a, b) => collator.compare(names(a.responsible), names(b.responsible));
    case 'merged': return (a, b) => a.mergedCount - b.mergedCount;
  }
}

/**
 * A sorted copy. Equal values keep the board's reading order whatever the
 * direction, so ties never reshuffle while people vote or type.
 */
export function sortRows(rows: readonly TableRow[], sort: TableSort, names: (key: string) => string = (k) => k): TableRow[] {
  const cmp = compareBy(sort.key, names);
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * cmp(a, b) || a.index - b.index);
}
