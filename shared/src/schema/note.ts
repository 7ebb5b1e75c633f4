import { DEPARTMENT_KEY_PATTERN, ENTITY_ID_PATTERN } from '../ids.js';
import { FieldErrors } from './fields.js';
import type { RecordMap } from './layout.js';

export const NOTE_KINDS = ['action', 'best practice', 'question'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const NOTE_TEXT_MAX = 1000;
export const AUTHOR_NAME_MAX = 60;
export const OWNERS_MAX = 10;

export const NOTE_STATUSES = ['open', 'accepted', 'parked'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/** Most notes one note can absorb by merging (each keeps up to 1000 characters of text). */
export const MERGED_MAX = 200;

/** A note that was merged into another: kept so no text or author is lost. */
export interface MergedNote {
  id: string;
  text: string;
  kind: NoteKind;
  authorId: string;
  authorName: string;
  authorDepartment: string;
}

/**
 * Stored in `notes`, keyed by note id: the fields every note has from its
 * creation (what addNote writes). The facilitation fields are in
 * NoteFacilitation.
 */
export interface NoteRecord {
  /** Key of the stage (in `stages`) the note sits in. */
  stageId: string;
  /** Sort key among the notes of one stage: notes flow in this order in the cell. */
  order: number;
  text: string;
  kind: NoteKind;
  authorId: string;
  authorName: string;
  /** Department key of the author, or '' if none was given. */
  authorDepartment: string;
  /** Proposed owner departments (department keys), in the order they were proposed. */
  owners: string[];
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

/**
 * Fields only facilitators write. Absent on a new note (and on notes written
 * before facilitation existed); they read as their defaults, so a participant's
 * new note never carries a field only facilitators may write.
 */
export interface NoteFacilitation {
  /** `open` by default. */
  status: NoteStatus;
  /** Department key confirmed by a facilitator as responsible, or '' (none yet). */
  responsible: string;
  /** Department keys confirmed as supporting (never includes `responsible`). */
  supporting: string[];
  /** Notes merged into this one, oldest merge first. */
  merged: MergedNote[];
}

/** A note as readers return it: every field, defaults filled in. */
export interface StoredNote extends NoteRecord, NoteFacilitation {}

export interface Note extends StoredNote {
  id: string;
}

export function isNoteKind(value: unknown): value is NoteKind {
  return typeof value === 'string' && (NOTE_KINDS as readonly string[]).includes(value);
}

function departmentList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= OWNERS_MAX &&
    value.every((o) => typeof o === 'string' && DEPARTMENT_KEY_PATTERN.test(o))
  );
}

function optionalDepartment(check: FieldErrors, value: unknown, field: string): string {
  return value === '' ? '' : check.pattern(value, field, DEPARTMENT_KEY_PATTERN);
}

/** Validates one entry of `merged`; undefined when it is malformed. */
function readMergedNote(value: unknown): MergedNote | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const check = new FieldErrors();
  const entry: MergedNote = {
    id: check.pattern(v.id, 'id', ENTITY_ID_PATTERN),
    text: check.string(v.text, 'text', { max: NOTE_TEXT_MAX }),
    kind: check.oneOf(v.kind, 'kind', NOTE_KINDS),
    authorId: check.pattern(v.authorId, 'authorId', ENTITY_ID_PATTERN),
    authorName: check.string(v.authorName, 'authorName', { max: AUTHOR_NAME_MAX }),
    authorDepartment: optionalDepartment(check, v.authorDepartment ?? '', 'authorDepartment'),
  };
  return check.ok ? entry : undefined;
}

export function readNote(map: RecordMap): { value: StoredNote } | { errors: string[] } {
  const check = new FieldErrors();
  const rawOwners = map.get('owners') ?? [];
  const owners = departmentList(rawOwners) ? rawOwners : [];
  if (owners !== rawOwners) check.errors.push('owners must be a list of department keys');
  const rawSupporting = map.get('supporting') ?? [];
  const supporting = departmentList(rawSupporting) ? rawSupporting : [];
  if (supporting !== rawSupporting) check.errors.push('supporting must be a list of department keys');
  const rawMerged = map.get('merged') ?? [];
  let merged: MergedNote[] = [];
  if (Array.isArray(rawMerged) && rawMerged.length <= MERGED_MAX) {
    merged = rawMerged.map(readMergedNote).filter((m): m is MergedNote => m !== undefined);
    if (merged.length !== rawMerged.length) check.errors.push('merged has a malformed entry');
  } else {
    check.errors.push(`merged must be a list of at most ${MERGED_MAX} notes`);
  }
  const value: StoredNote = {
    stageId: check.pattern(map.get('stageId'), 'stageId', ENTITY_ID_PATTERN),
    order: check.finite(map.get('order'), 'order'),
    text: check.string(map.get('text'), 'text', { max: NOTE_TEXT_MAX }),
    kind: check.oneOf(map.get('kind'), 'kind', NOTE_KINDS),
    authorId: check.pattern(map.get('authorId'), 'authorId', ENTITY_ID_PATTERN),
    authorName: check.string(map.get('authorName'), 'authorName', { max: AUTHOR_NAME_MAX }),
    authorDepartment: optionalDepartment(check, map.get('authorDepartment') ?? '', 'authorDepartment'),
    owners,
    createdAt: check.finite(map.get('createdAt'), 'createdAt'),
    updatedAt: check.finite(map.get('updatedAt'), 'updatedAt'),
    status: check.oneOf(map.get('status') ?? 'open', 'status', NOTE_STATUSES),
    responsible: optionalDepartment(check, map.get('responsible') ?? '', 'responsible'),
    supporting,
    merged,
  };
  return check.ok ? { value } : { errors: check.errors };
}
