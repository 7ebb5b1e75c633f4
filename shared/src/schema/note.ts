import { DEPARTMENT_KEY_PATTERN, ENTITY_ID_PATTERN } from '../ids.js';
import { FieldErrors } from './fields.js';
import type { RecordMap } from './layout.js';

export const NOTE_KINDS = ['action', 'best practice', 'question'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const NOTE_TEXT_MAX = 1000;
export const AUTHOR_NAME_MAX = 60;
export const OWNERS_MAX = 10;

/** Stored in `notes`, keyed by note id. */
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

export interface Note extends NoteRecord {
  id: string;
}

export function isNoteKind(value: unknown): value is NoteKind {
  return typeof value === 'string' && (NOTE_KINDS as readonly string[]).includes(value);
}

export function readNote(map: RecordMap): { value: NoteRecord } | { errors: string[] } {
  const check = new FieldErrors();
  const rawOwners = map.get('owners') ?? [];
  let owners: string[] = [];
  if (
    Array.isArray(rawOwners) &&
    rawOwners.length <= OWNERS_MAX &&
    rawOwners.every((o) => typeof o === 'string' && DEPARTMENT_KEY_PATTERN.test(o))
  ) {
    owners = rawOwners as string[];
  } else {
    check.errors.push('owners must be a list of department keys');
  }
  const rawDepartment = map.get('authorDepartment') ?? '';
  const value: NoteRecord = {
    stageId: check.pattern(map.get('stageId'), 'stageId', ENTITY_ID_PATTERN),
    order: check.finite(map.get('order'), 'order'),
    text: check.string(map.get('text'), 'text', { max: NOTE_TEXT_MAX }),
    kind: check.oneOf(map.get('kind'), 'kind', NOTE_KINDS),
    authorId: check.pattern(map.get('authorId'), 'authorId', ENTITY_ID_PATTERN),
    authorName: check.string(map.get('authorName'), 'authorName', { max: AUTHOR_NAME_MAX }),
    authorDepartment:
      rawDepartment === '' ? '' : check.pattern(rawDepartment, 'authorDepartment', DEPARTMENT_KEY_PATTERN),
    owners,
    createdAt: check.finite(map.get('createdAt'), 'createdAt'),
    updatedAt: check.finite(map.get('updatedAt'), 'updatedAt'),
  };
  return check.ok ? { value } : { errors: check.errors };
}
