import type * as Y from 'yjs';
import type { Origin } from '../origin.js';
import { roots } from '../schema/layout.js';
import { OWNERS_MAX } from '../schema/note.js';
import {
  DISCUSSION_AGENDA_MAX, TIMEBOX_MAX_SECONDS, TIMEBOX_MIN_SECONDS, readDiscussion, readVoting, type Discussion,
} from '../schema/session.js';
import { invalid } from './errors.js';
import { confirmOwners, noteEntry, type ConfirmedOwners } from './owners.js';
import { setNoteStatus } from './note-status.js';

/**
 * "Discuss next": the facilitator steps the room through an agenda of notes.
 * The state is one plain value, `session.discussion`, replaced as a whole in
 * each operation (so every screen and a reload see one consistent position).
 * Times are the server's clock (`serverNow`, invariant 9), like the timer.
 * A note removed or merged while on the agenda is skipped, never an error:
 * moves land on the nearest agenda note that still exists.
 */

function current(doc: Y.Doc): Discussion {
  const raw = roots(doc).session.get('discussion');
  const read = raw === undefined ? undefined : readDiscussion(raw);
  if (!read || 'error' in read) invalid('no-discussion', 'No discussion is running');
  return read.value;
}

function checkNow(serverNow: number): void {
  if (!Number.isFinite(serverNow)) invalid('invalid-input', 'serverNow must be a finite number');
}

function checkTimebox(seconds: number | null): void {
  if (seconds === null) return;
  if (!Number.isInteger(seconds) || seconds < TIMEBOX_MIN_SECONDS || seconds > TIMEBOX_MAX_SECONDS) {
    invalid('invalid-timebox', `The time box must be from ${TIMEBOX_MIN_SECONDS} s to ${TIMEBOX_MAX_SECONDS / 60} min`, {
      seconds: TIMEBOX_MIN_SECONDS, max: TIMEBOX_MAX_SECONDS / 60,
    });
  }
}

function write(doc: Y.Doc, discussion: Discussion, origin: Origin): void {
  doc.transact(() => roots(doc).session.set('discussion', {
    ...discussion, noteIds: [...discussion.noteIds], passed: [...discussion.passed],
  }), origin);
}

/** First position from `from` (inclusive) in direction `step` whose note exists; `noteIds.length` going forward past the end. */
function existingFrom(doc: Y.Doc, noteIds: readonly string[], from: number, step: 1 | -1): number | undefined {
  const { notes } = roots(doc);
  for (let i = from; i >= 0 && i < noteIds.length; i += step) if (notes.has(noteIds[i]!)) return i;
  return step === 1 ? noteIds.length : undefined;
}

export interface StartDiscussionOptions {
  timeboxSeconds?: number | null;
}

/**
 * Starts a discussion of `noteIds` in that order (the ranking, or a chosen
 * list), replacing any running one. From the vote phase the board moves to
 * `assign` and voting closes, in the same transaction: participants can then
 * propose owners on the note under discussion (PHASE_ABILITIES), and the
 * totals everyone discusses are final.
 */
export function startDiscussion(
  doc: Y.Doc, noteIds: readonly string[], serverNow: number, origin: Origin, options: StartDiscussionOptions = {},
): void {
  checkNow(serverNow);
  if (!Array.isArray(noteIds) || noteIds.length === 0) invalid('agenda-empty', 'There are no notes to discuss');
  if (noteIds.length > DISCUSSION_AGENDA_MAX) {
    invalid('agenda-too-long', `At most ${DISCUSSION_AGENDA_MAX} notes in one discussion`, { max: DISCUSSION_AGENDA_MAX });
  }
  if (new Set(noteIds).size !== noteIds.length) invalid('invalid-input', 'The agenda repeats a note');
  for (const id of noteIds) noteEntry(doc, id);
  const timeboxSeconds = options.timeboxSeconds ?? null;
  checkTimebox(timeboxSeconds);
  const { session } = roots(doc);
  doc.transact(() => {
    if (session.get('phase') === 'vote') {
      session.set('phase', 'assign');
      const voting = readVoting(session.get('voting'));
      if ('value' in voting && voting.value.open) session.set('voting', { ...voting.value, open: false });
    }
    write(doc, { noteIds: [...noteIds], index: 0, passed: [], noteStartedAt: serverNow, timeboxSeconds }, origin);
  }, origin);
}

/**
 * Moves on to the next agenda note that exists. The note left without a
 * decision counts as passed (discussed); past the last note the agenda is done.
 */
export function discussNext(doc: Y.Doc, serverNow: number, origin: Origin): void {
  checkNow(serverNow);
  const d = current(doc);
  const here = existingFrom(doc, d.noteIds, d.index, 1)!;
  if (here >= d.noteIds.length) invalid('not-on-agenda', 'The agenda is done');
  const id = d.noteIds[here]!;
  const passed = d.passed.includes(id) || isDecided(doc, id) ? d.passed : [...d.passed, id];
  const index = existingFrom(doc, d.noteIds, here + 1, 1)!;
  write(doc, { ...d, index, passed, noteStartedAt: serverNow }, origin);
}

/** Back to the previous agenda note that exists. */
export function discussPrevious(doc: Y.Doc, serverNow: number, origin: Origin): void {
  checkNow(serverNow);
  const d = current(doc);
  const index = existingFrom(doc, d.noteIds, Math.min(d.index, d.noteIds.length) - 1, -1);
  if (index === undefined) invalid('not-on-agenda', 'Already at the first note');
  write(doc, { ...d, index, noteStartedAt: serverNow }, origin);
}

/** Jumps to one agenda note (a chosen order: the facilitator picks what comes up next). */
export function discussGoTo(doc: Y.Doc, noteId: string, serverNow: number, origin: Origin): void {
  checkNow(serverNow);
  const d = current(doc);
  const index = d.noteIds.indexOf(noteId);
  if (index < 0) invalid('not-on-agenda', 'That note is not on the agenda', { id: String(noteId) });
  noteEntry(doc, noteId);
  write(doc, { ...d, index, noteStartedAt: serverNow }, origin);
}

function isDecided(doc: Y.Doc, noteId: string): boolean {
  const status = roots(doc).notes.get(noteId)?.get('status');
  return status === 'accepted' || status === 'parked';
}

/** The checks confirmOwners makes, made before the transaction opens so a refusal writes nothing. */
function checkOwners(doc: Y.Doc, owners: ConfirmedOwners): void {
  const { departments } = roots(doc);
  const known = (key: unknown): boolean => typeof key === 'string' && departments.has(key);
  if (owners.responsible !== '' && !known(owners.responsible)) {
    invalid('not-a-department', `Unknown department ${String(owners.responsible)}`, { key: String(owners.responsible) });
  }
  if (!Array.isArray(owners.supporting)) invalid('invalid-input', 'supporting must be a list of departments');
  const supporting = new Set(owners.supporting.filter((k) => k !== owners.responsible));
  if (supporting.size > OWNERS_MAX) invalid('too-many-supporting', `At most ${OWNERS_MAX} supporting departments`, { max: OWNERS_MAX });
  for (const key of supporting) if (!known(key)) invalid('not-a-department', `Unknown department ${String(key)}`, { key: String(key) });
}

export interface DiscussionDecision extends ConfirmedOwners {
  status: 'accepted' | 'parked';
}

/**
 * The facilitator's one click on the current note: confirms responsible and
 * supporting, accepts or parks it, and moves on to the next note. One
 * transaction, so it is one undo step and nobody sees a half-made decision.
 */
export function decideDiscussed(doc: Y.Doc, decision: DiscussionDecision, serverNow: number, origin: Origin): void {
  checkNow(serverNow);
  if (decision.status !== 'accepted' && decision.status !== 'parked') invalid('unknown-note-status', 'Unknown note status');
  const d = current(doc);
  const here = existingFrom(doc, d.noteIds, d.index, 1)!;
  if (here >= d.noteIds.length) invalid('not-on-agenda', 'The agenda is done');
  const noteId = d.noteIds[here]!;
  checkOwners(doc, decision);
  doc.transact(() => {
    // Checked above, so neither can throw halfway through the transaction.
    confirmOwners(doc, noteId, { responsible: decision.responsible, supporting: decision.supporting }, origin, serverNow);
    setNoteStatus(doc, noteId, decision.status, origin, serverNow);
    const index = existingFrom(doc, d.noteIds, here + 1, 1)!;
    write(doc, { ...d, index, noteStartedAt: serverNow }, origin);
  }, origin);
}

/** Sets (or clears, with null) the time box per note; the current note's countdown starts again. */
export function setDiscussionTimebox(doc: Y.Doc, seconds: number | null, serverNow: number, origin: Origin): void {
  checkNow(serverNow);
  checkTimebox(seconds);
  const d = current(doc);
  write(doc, { ...d, timeboxSeconds: seconds, noteStartedAt: serverNow }, origin);
}

/** Ends the discussion. The decisions stay on the notes. */
export function stopDiscussion(doc: Y.Doc, origin: Origin): void {
  current(doc);
  doc.transact(() => roots(doc).session.delete('discussion'), origin);
}
