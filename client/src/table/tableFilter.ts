import { NOTE_KINDS, NOTE_STATUSES, type NoteKind, type NoteStatus } from '../../../shared/src/index.js';
import { foldText } from './foldText.js';
import type { TableRow } from './tableRows.js';

/** What the table shows: every field optional; an empty filter shows every note. */
export interface TableFilter {
  segment?: string;
  stage?: string;
  kind?: NoteKind;
  status?: NoteStatus;
  /** A department that is responsible, supporting, or proposed by someone. */
  owner?: string;
  author?: string;
  /** The author's department. */
  department?: string;
  /** No responsible department confirmed and nobody proposed one. */
  noOwner?: boolean;
  /** See isContested (tableRows.ts). */
  contested?: boolean;
  /** Free text: every word must occur (accent-insensitive) in the text, author or merged texts. */
  q?: string;
}

export const EMPTY_FILTER: TableFilter = {};

export function isKind(v: unknown): v is NoteKind {
  return (NOTE_KINDS as readonly unknown[]).includes(v);
}
export function isStatus(v: unknown): v is NoteStatus {
  return (NOTE_STATUSES as readonly unknown[]).includes(v);
}

export function hasOwner(row: TableRow, key: string): boolean {
  return row.responsible === key || row.supporting.includes(key) || row.tally.some((t) => t.department === key);
}

/** Rows the filter keeps, in their given order. */
export function filterRows(rows: readonly TableRow[], f: TableFilter): TableRow[] {
  const words = f.q ? foldText(f.q).split(/\s+/).filter(Boolean) : [];
  return rows.filter((r) =>
    (f.segment === undefined || r.segmentId === f.segment)
    && (f.stage === undefined || r.stageId === f.stage)
    && (f.kind === undefined || r.kind === f.kind)
    && (f.status === undefined || r.status === f.status)
    && (f.owner === undefined || hasOwner(r, f.owner))
    && (f.author === undefined || r.authorId === f.author)
    && (f.department === undefined || r.department === f.department)
    && (!f.noOwner || (r.responsible === '' && r.tally.length === 0))
    && (!f.contested || r.contested)
    && words.every((w) => r.haystack.includes(w)));
}

/** How many filter fields are set (the "clear filters" button shows it). */
export function activeFilterCount(f: TableFilter): number {
  return Object.values(f).filter((v) => v !== undefined && v !== false && v !== '').length;
}
