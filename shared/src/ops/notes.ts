import type * as Y from 'yjs';
import { DEPARTMENT_KEY_PATTERN, ENTITY_ID_PATTERN, newEntityId } from '../ids.js';
import type { Origin } from '../origin.js';
import { roots, toRecordMap, type RecordMap } from '../schema/layout.js';
import {
  AUTHOR_NAME_MAX, NOTE_TEXT_MAX, OWNERS_MAX, isNoteKind, type NoteKind, type NoteRecord,
} from '../schema/note.js';
import { cleanText, invalid, notFound } from './errors.js';
import { deleteNoteTraces } from './note-traces.js';
import { appendOrder, applyRenumber, placeAt, sortedSiblings, type Placement } from './sorted.js';

export interface Author {
  id: string;
  name: string;
  /** Department key, or '' when the author did not pick one. */
  department: string;
}

export interface NoteInput {
  stageId: string;
  text?: string;
  kind?: NoteKind;
  owners?: string[];
  /** Position among the stage's notes; appended at the end when omitted. */
  index?: number;
}

function checkOwners(doc: Y.Doc, owners: string[]): string[] {
  const unique = [...new Set(owners)];
  if (unique.length > OWNERS_MAX) invalid('too-many-owners', `At most ${OWNERS_MAX} owner departments`, { max: OWNERS_MAX });
  const { departments } = roots(doc);
  for (const key of unique) {
    if (!DEPARTMENT_KEY_PATTERN.test(key) || !departments.has(key)) invalid('not-a-department', `Unknown department ${key}`, { key });
  }
  return unique;
}

function stageNotes(doc: Y.Doc, stageId: string, excludeId?: string) {
  return sortedSiblings(roots(doc).notes, (n) => n.get('stageId') === stageId, excludeId);
}

/** Adds a note to a stage and returns its id. `now` is injectable for tests. */
export function addNote(
  doc: Y.Doc, input: NoteInput, author: Author, origin: Origin, now = Date.now(),
): string {
  return insertNote(doc, doc, input, author, origin, now);
}

/**
 * Adds a private draft (private writing) to a member's drafts doc. Drafts use
 * the board's `notes` layout but their doc has no stages or departments, so
 * those are checked against `board`, the board's doc.
 */
export function addDraft(
  drafts: Y.Doc, board: Y.Doc, input: NoteInput, author: Author, origin: Origin, now = Date.now(),
): string {
  return insertNote(drafts, board, input, author, origin, now);
}

/** Writes a new note into `target`, validating stage and owners against `context`. */
function insertNote(
  target: Y.Doc, context: Y.Doc, input: NoteInput, author: Author, origin: Origin, now: number,
): string {
  if (!roots(context).stages.has(input.stageId)) notFound('Stage', input.stageId);
  if (!ENTITY_ID_PATTERN.test(author.id)) invalid('invalid-member-id', 'Author id is not valid');
  if (author.department !== '' && !DEPARTMENT_KEY_PATTERN.test(author.department)) {
    invalid('invalid-department', 'Author department is not valid');
  }
  const kind = input.kind ?? 'action';
  if (!isNoteKind(kind)) invalid('unknown-note-kind', 'Unknown note kind');
  const { notes } = roots(target);
  const siblings = stageNotes(target, input.stageId);
  const placement: Placement =
    input.index === undefined ? { order: appendOrder(siblings), renumber: [] } : placeAt(siblings, input.index);
  const id = newEntityId();
  const record: NoteRecord = {
    stageId: input.stageId,
    order: placement.order,
    text: cleanText(input.text ?? '', 'note-text', NOTE_TEXT_MAX),
    kind,
    authorId: author.id,
    authorName: cleanText(author.name, 'name', AUTHOR_NAME_MAX),
    authorDepartment: author.department,
    owners: checkOwners(context, input.owners ?? []),
    createdAt: now,
    updatedAt: now,
  };
  target.transact(() => {
    applyRenumber(notes, placement);
    notes.set(id, toRecordMap({ ...record }));
  }, origin);
  return id;
}

export interface NotePatch {
  text?: string;
  kind?: NoteKind;
  owners?: string[];
}

function noteEntry(doc: Y.Doc, id: string): RecordMap {
  const entry = roots(doc).notes.get(id);
  if (!entry) notFound('Note', id);
  return entry;
}

/** Changes text, kind or owners; writes only the fields that differ. */
export function updateNote(doc: Y.Doc, id: string, patch: NotePatch, origin: Origin, now = Date.now()): void {
  const entry = noteEntry(doc, id);
  const fields: Partial<NoteRecord> = {};
  if (patch.text !== undefined) {
    const text = cleanText(patch.text, 'note-text', NOTE_TEXT_MAX);
    if (text !== entry.get('text')) fields.text = text;
  }
  if (patch.kind !== undefined) {
    if (!isNoteKind(patch.kind)) invalid('unknown-note-kind', 'Unknown note kind');
    if (patch.kind !== entry.get('kind')) fields.kind = patch.kind;
  }
  if (patch.owners !== undefined) fields.owners = checkOwners(doc, patch.owners);
  if (Object.keys(fields).length === 0) return;
  doc.transact(() => {
    for (const [key, value] of Object.entries(fields)) entry.set(key, value);
    entry.set('updatedAt', now);
  }, origin);
}

/** Moves a note to `index` within `stageId` (its own or another stage). */
export function moveNote(
  doc: Y.Doc, id: string, stageId: string, index: number, origin: Origin, now = Date.now(),
): void {
  relocateNote(doc, doc, id, stageId, index, origin, now);
}

/** Moves a private draft (see addDraft); the stage is checked against `board`. */
export function moveDraft(
  drafts: Y.Doc, board: Y.Doc, id: string, stageId: string, index: number, origin: Origin, now = Date.now(),
): void {
  relocateNote(drafts, board, id, stageId, index, origin, now);
}

function relocateNote(
  target: Y.Doc, context: Y.Doc, id: string, stageId: string, index: number, origin: Origin, now: number,
): void {
  const entry = noteEntry(target, id);
  if (!roots(context).stages.has(stageId)) notFound('Stage', stageId);
  const placement = placeAt(stageNotes(target, stageId, id), index);
  target.transact(() => {
    applyRenumber(roots(target).notes, placement);
    if (entry.get('stageId') !== stageId) entry.set('stageId', stageId);
    entry.set('order', placement.order);
    entry.set('updatedAt', now);
  }, origin);
}

/** Deletes a note with its votes and owner proposals, in one transaction. */
export function deleteNote(doc: Y.Doc, id: string, origin: Origin): void {
  const { notes } = roots(doc);
  if (!notes.has(id)) notFound('Note', id);
  doc.transact(() => {
    deleteNoteTraces(doc, new Set([id]));
    notes.delete(id);
  }, origin);
}

/** The same as deleteNote (the name used by the facilitation spec). */
export const removeNote = deleteNote;
