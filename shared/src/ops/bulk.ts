import type * as Y from 'yjs';
import type { Origin } from '../origin.js';
import { roots, type RecordMap } from '../schema/layout.js';
import { NOTE_STATUSES, OWNERS_MAX, type NoteStatus } from '../schema/note.js';
import { invalid, notFound } from './errors.js';
import { mergeNotes } from './merge.js';
import { deleteNoteTraces } from './note-traces.js';
import { appendOrder, sortedSiblings } from './sorted.js';

/**
 * Facilitator actions on many notes at once (the notes table's bulk bar).
 * Invariants shared by every op here:
 * - every id is checked before anything is written: one unknown id (or a
 *   repeated one) throws an OperationError and the doc is untouched;
 * - everything is written in ONE `doc.transact(…, origin)`, so peers never
 *   see half of it and the UndoManager (which tracks `origin`) undoes it as
 *   one step;
 * - only fields the single-note op writes are written, so the server judges
 *   each note exactly as it judges the single-note op (status, responsible,
 *   supporting and merged are facilitator-only there too).
 */

function entries(doc: Y.Doc, noteIds: readonly string[]): RecordMap[] {
  if (!Array.isArray(noteIds) || noteIds.length === 0) invalid('invalid-input', 'Pick at least one note');
  if (new Set(noteIds).size !== noteIds.length) invalid('merge-repeated', 'A note is listed twice');
  const { notes } = roots(doc);
  return noteIds.map((id) => {
    const entry = typeof id === 'string' ? notes.get(id) : undefined;
    if (!entry || typeof entry.get !== 'function') notFound('Note', String(id));
    return entry;
  });
}

function checkDepartment(doc: Y.Doc, key: string): void {
  if (typeof key !== 'string' || !roots(doc).departments.has(key)) {
    invalid('not-a-department', `Unknown department ${String(key)}`, { key: String(key) });
  }
}

/** Accept, park or reopen every listed note. */
export function bulkSetStatus(
  doc: Y.Doc, noteIds: readonly string[], status: NoteStatus, origin: Origin, now = Date.now(),
): void {
  const list = entries(doc, noteIds);
  if (!(NOTE_STATUSES as readonly string[]).includes(status)) invalid('unknown-note-status', 'Unknown note status');
  doc.transact(() => {
    for (const entry of list) {
      if (entry.get('status') === status) continue; // unchanged notes stay untouched (no needless updatedAt)
      entry.set('status', status);
      entry.set('updatedAt', now);
    }
  }, origin);
}

export interface BulkOwners {
  /** Department key to confirm as responsible; `undefined` leaves each note's as it is, '' clears it. */
  responsible?: string;
  /** Supporting departments; `undefined` leaves each note's as it is. */
  supporting?: readonly string[];
}

/**
 * Confirms owners on every listed note, as confirmOwners does for one: a
 * department is responsible or supporting, never both, so the responsible one
 * is dropped from each note's supporting list.
 */
export function bulkConfirmOwners(
  doc: Y.Doc, noteIds: readonly string[], owners: BulkOwners, origin: Origin, now = Date.now(),
): void {
  const list = entries(doc, noteIds);
  const { responsible, supporting } = owners;
  if (responsible === undefined && supporting === undefined) invalid('invalid-input', 'Nothing to set');
  if (responsible !== undefined && responsible !== '') checkDepartment(doc, responsible);
  if (supporting !== undefined) {
    if (!Array.isArray(supporting)) invalid('invalid-input', 'supporting must be a list of departments');
    if (new Set(supporting).size > OWNERS_MAX) invalid('too-many-supporting', `At most ${OWNERS_MAX} supporting departments`, { max: OWNERS_MAX });
    for (const key of supporting) checkDepartment(doc, key);
  }
  doc.transact(() => {
    for (const entry of list) {
      const current = entry.get('responsible');
      const resp = responsible ?? (typeof current === 'string' ? current : '');
      const stored = entry.get('supporting');
      const base = supporting ?? (Array.isArray(stored) ? (stored as string[]) : []);
      const nextSupporting = [...new Set(base)].filter((k) => k !== resp);
      if (responsible !== undefined && current !== resp) entry.set('responsible', resp);
      entry.set('supporting', nextSupporting);
      entry.set('updatedAt', now);
    }
  }, origin);
}

/**
 * Moves every listed note to the end of `stageId`, keeping their relative
 * order (the order they are listed in). Each is appended after the stage's
 * current last note (board-schema invariant 1: largest order + 1).
 */
export function bulkMoveToStage(
  doc: Y.Doc, noteIds: readonly string[], stageId: string, origin: Origin, now = Date.now(),
): void {
  const list = entries(doc, noteIds);
  const { notes, stages } = roots(doc);
  if (typeof stageId !== 'string' || !stages.has(stageId)) notFound('Stage', String(stageId));
  const moving = new Set(noteIds);
  const siblings = sortedSiblings(notes, (n) => n.get('stageId') === stageId).filter((s) => !moving.has(s.id));
  doc.transact(() => {
    list.forEach((entry, i) => {
      const order = appendOrder(siblings);
      siblings.push({ id: noteIds[i]!, order });
      if (entry.get('stageId') !== stageId) entry.set('stageId', stageId);
      entry.set('order', order);
      entry.set('updatedAt', now);
    });
  }, origin);
}

/** Deletes every listed note with its votes and owner proposals. */
export function bulkDelete(doc: Y.Doc, noteIds: readonly string[], origin: Origin): void {
  entries(doc, noteIds);
  const { notes } = roots(doc);
  doc.transact(() => {
    deleteNoteTraces(doc, new Set(noteIds));
    for (const id of noteIds) notes.delete(id);
  }, origin);
}

/**
 * Merges the listed notes into the first one (mergeNotes: nothing is lost,
 * one transaction). The table lists the target first.
 */
export function bulkMerge(doc: Y.Doc, noteIds: readonly string[], origin: Origin, now = Date.now()): void {
  entries(doc, noteIds);
  if (noteIds.length < 2) invalid('merge-nothing', 'Pick at least two notes to merge');
  const [target, ...sources] = noteIds;
  mergeNotes(doc, target!, sources, origin, now);
}
