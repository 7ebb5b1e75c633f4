import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  DISCUSSION_AGENDA_MAX, addNote, castVote, configureVoting, createUndoManager, decideDiscussed, deleteNote,
  discussGoTo, discussNext, discussPrevious, discussionProgress, mergeNotes, ownerProposers, ownerTally,
  proposeOwner, rankBoard, readBoard, setDiscussionTimebox, setPhase, setVotingOpen, startDiscussion,
  stopDiscussion, timeboxRemainingMs, upsertMember,
} from '../../shared/src/index.js';
import { ALICE, expectOneTransaction, expectRejected, me, smallBoard, system } from './helpers.js';

function board() {
  const b = smallBoard();
  const ids = ['one', 'two', 'three', 'four'].map((text, i) =>
    addNote(b.doc, { stageId: i < 2 ? b.stageA : b.stageB, text, owners: i === 0 ? ['sales'] : [] }, ALICE, system));
  return { ...b, ids };
}
const discussion = (doc: Y.Doc) => readBoard(doc).session.discussion;
const progress = (doc: Y.Doc) => discussionProgress(readBoard(doc), discussion(doc)!);

describe('starting a discussion', () => {
  it('stores the agenda, position and server time in one transaction', () => {
    const { doc, ids } = board();
    expectOneTransaction(doc, me, () => startDiscussion(doc, ids, 5_000, me, { timeboxSeconds: 90 }));
    expect(discussion(doc)).toEqual({ noteIds: ids, index: 0, passed: [], noteStartedAt: 5_000, timeboxSeconds: 90 });
    expect(progress(doc)).toMatchObject({ position: 1, total: 4, discussed: 0, done: false, hasPrevious: false });
    expect(progress(doc).note?.id).toBe(ids[0]);
    expect(readBoard(doc).problems).toEqual([]);
  });

  it('from the vote phase moves the board to assign and closes voting, in the same transaction', () => {
    const { doc, ids } = board();
    configureVoting(doc, { votesPerPerson: 3, capPerNote: null, hideResults: true }, system);
    setVotingOpen(doc, true, system);
    setPhase(doc, 'vote', system);
    castVote(doc, ids[2]!, 'bob', system);
    const agenda = rankBoard(readBoard(doc)).map((r) => r.note.id);
    expect(agenda[0]).toBe(ids[2]);
    expectOneTransaction(doc, me, () => startDiscussion(doc, agenda, 1, me));
    const { session } = readBoard(doc);
    expect(session.phase).toBe('assign');
    expect(session.voting).toMatchObject({ open: false, hideResults: true });
    // Other phases are left alone.
    setPhase(doc, 'review', system);
    startDiscussion(doc, agenda, 2, me);
    expect(readBoard(doc).session.phase).toBe('review');
  });

  it('refuses an empty, repeated, too long or unknown agenda and bad time boxes, writing nothing', () => {
    const { doc, ids } = board();
    expectRejected(doc, () => startDiscussion(doc, [], 1, me), 'agenda-empty');
    expectRejected(doc, () => startDiscussion(doc, [ids[0]!, ids[0]!], 1, me), 'invalid-input');
    expectRejected(doc, () => startDiscussion(doc, Array.from({ length: DISCUSSION_AGENDA_MAX + 1 }, (_, i) => `n${i}`), 1, me),
      'agenda-too-long');
    expectRejected(doc, () => startDiscussion(doc, ['nope'], 1, me), 'note-not-found');
    expectRejected(doc, () => startDiscussion(doc, ids, Number.NaN, me), 'invalid-input');
    for (const bad of [5, 3601, 12.5]) expectRejected(doc, () => startDiscussion(doc, ids, 1, me, { timeboxSeconds: bad }), 'invalid-timebox');
  });
});

describe('stepping through the agenda', () => {
  it('next passes the note (it counts as discussed), previous and go-to move without passing', () => {
    const { doc, ids } = board();
    startDiscussion(doc, ids, 0, me);
    expectOneTransaction(doc, me, () => discussNext(doc, 1_000, me));
    expect(discussion(doc)).toMatchObject({ index: 1, passed: [ids[0]], noteStartedAt: 1_000 });
    expect(progress(doc)).toMatchObject({ position: 2, discussed: 1, hasPrevious: true });
    expectOneTransaction(doc, me, () => discussPrevious(doc, 2_000, me));
    expect(discussion(doc)).toMatchObject({ index: 0, passed: [ids[0]], noteStartedAt: 2_000 });
    expectRejected(doc, () => discussPrevious(doc, 3_000, me), 'not-on-agenda');
    expectOneTransaction(doc, me, () => discussGoTo(doc, ids[3]!, 3_000, me));
    expect(progress(doc)).toMatchObject({ position: 4, discussed: 1 });
    expectRejected(doc, () => discussGoTo(doc, 'elsewhere', 3_000, me), 'not-on-agenda');
    discussNext(doc, 4_000, me);
    expect(progress(doc)).toMatchObject({ done: true, note: undefined, discussed: 2, total: 4 });
    expectRejected(doc, () => discussNext(doc, 5_000, me), 'not-on-agenda');
  });

  it('skips notes removed or merged meanwhile, and they leave the counts', () => {
    const { doc, ids } = board();
    startDiscussion(doc, ids, 0, me);
    deleteNote(doc, ids[1]!, system);
    mergeNotes(doc, ids[3]!, [ids[2]!], system);
    expect(progress(doc)).toMatchObject({ position: 1, total: 2 });
    discussNext(doc, 1, me);
    // ids[1] and ids[2] are gone: the next existing note is ids[3].
    expect(discussion(doc)!.index).toBe(3);
    expect(progress(doc)).toMatchObject({ position: 2, total: 2, discussed: 1 });
    // The current note removed: the screens show the next existing one, and previous skips the gaps.
    deleteNote(doc, ids[3]!, system);
    expect(progress(doc)).toMatchObject({ done: true, total: 1 });
    discussPrevious(doc, 2, me);
    expect(progress(doc).note?.id).toBe(ids[0]);
  });

  it('a stop ends the discussion and keeps the decisions on the notes', () => {
    const { doc, ids } = board();
    expectRejected(doc, () => stopDiscussion(doc, me), 'no-discussion');
    expectRejected(doc, () => discussNext(doc, 1, me), 'no-discussion');
    startDiscussion(doc, ids, 0, me);
    decideDiscussed(doc, { responsible: 'sales', supporting: [], status: 'accepted' }, 1, me);
    expectOneTransaction(doc, me, () => stopDiscussion(doc, me));
    expect(discussion(doc)).toBeNull();
    expect(readBoard(doc).notesById.get(ids[0]!)).toMatchObject({ status: 'accepted', responsible: 'sales' });
  });
});

describe('deciding the current note', () => {
  it('confirms owners, accepts or parks and advances in ONE transaction (one undo step)', () => {
    const { doc, ids } = board();
    startDiscussion(doc, ids, 0, me);
    const undo = createUndoManager(doc, me);
    expectOneTransaction(doc, me, () => decideDiscussed(doc,
      { responsible: 'engineering', supporting: ['sales', 'engineering', 'sales'], status: 'accepted' }, 7_000, me));
    const first = readBoard(doc).notesById.get(ids[0]!)!;
    expect(first).toMatchObject({ status: 'accepted', responsible: 'engineering', supporting: ['sales'], updatedAt: 7_000 });
    expect(discussion(doc)).toMatchObject({ index: 1, passed: [], noteStartedAt: 7_000 });
    undo.stopCapturing();
    decideDiscussed(doc, { responsible: '', supporting: [], status: 'parked' }, 8_000, me);
    expect(readBoard(doc).notesById.get(ids[1]!)!.status).toBe('parked');
    expect(progress(doc)).toMatchObject({ discussed: 2, position: 3, total: 4 });

    // Undo takes back the last decision whole: status, owners and position.
    undo.undo();
    expect(readBoard(doc).notesById.get(ids[1]!)!.status).toBe('open');
    expect(discussion(doc)!.index).toBe(1);
    expect(readBoard(doc).notesById.get(ids[0]!)!.status).toBe('accepted');
    undo.destroy();
  });

  it('a passed note decided later counts once', () => {
    const { doc, ids } = board();
    startDiscussion(doc, ids, 0, me);
    discussNext(doc, 1, me);
    discussPrevious(doc, 2, me);
    decideDiscussed(doc, { responsible: 'sales', supporting: [], status: 'accepted' }, 3, me);
    expect(progress(doc).discussed).toBe(1);
  });

  it('refuses unknown departments or statuses before writing anything', () => {
    const { doc, ids } = board();
    startDiscussion(doc, ids, 0, me);
    expectRejected(doc, () => decideDiscussed(doc, { responsible: 'legal', supporting: [], status: 'accepted' }, 1, me), 'not-a-department');
    expectRejected(doc, () => decideDiscussed(doc, { responsible: 'sales', supporting: ['legal'], status: 'accepted' }, 1, me), 'not-a-department');
    expectRejected(doc, () => decideDiscussed(doc, { responsible: 'sales', supporting: [], status: 'open' as 'parked' }, 1, me), 'unknown-note-status');
  });
});

describe('time box', () => {
  it('counts on the server clock and restarts when set', () => {
    const { doc, ids } = board();
    startDiscussion(doc, ids, 10_000, me);
    expect(timeboxRemainingMs(discussion(doc)!, 20_000)).toBeNull();
    expectOneTransaction(doc, me, () => setDiscussionTimebox(doc, 60, 30_000, me));
    expect(timeboxRemainingMs(discussion(doc)!, 40_000)).toBe(50_000);
    expect(timeboxRemainingMs(discussion(doc)!, 99_000)).toBe(0);
    discussNext(doc, 100_000, me);
    expect(timeboxRemainingMs(discussion(doc)!, 100_000)).toBe(60_000);
    setDiscussionTimebox(doc, null, 100_500, me);
    expect(discussion(doc)!.timeboxSeconds).toBeNull();
    expectRejected(doc, () => setDiscussionTimebox(doc, 0, 1, me), 'invalid-timebox');
  });
});

describe('owner proposals on the current note', () => {
  it('names who proposed each department, counting one person once, as the tally does', () => {
    const { doc, ids } = board();
    upsertMember(doc, 'bob', { name: 'Bob', department: '', role: 'participant', joinedAt: 1, removed: false }, system);
    upsertMember(doc, 'alice', { name: 'Alice', department: 'sales', role: 'participant', joinedAt: 1, removed: false }, system);
    proposeOwner(doc, ids[0]!, 'bob', 'sales', system);
    proposeOwner(doc, ids[0]!, 'alice', 'sales', system); // the author again: counts once
    proposeOwner(doc, ids[0]!, 'carol', 'engineering', system); // not a member: counted, not named
    const snap = readBoard(doc);
    expect(ownerTally(snap, ids[0]!)).toEqual([{ department: 'sales', count: 2 }, { department: 'engineering', count: 1 }]);
    expect(ownerProposers(snap, ids[0]!)).toEqual(new Map([['sales', ['Alice', 'Bob']]]));
    expect(ownerProposers(snap, 'gone').size).toBe(0);
    // The author's own proposal replaces the pick made while writing (one proposal per person per note).
    proposeOwner(doc, ids[0]!, 'alice', 'engineering', system);
    expect(ownerProposers(readBoard(doc), ids[0]!)).toEqual(new Map([['sales', ['Bob']], ['engineering', ['Alice']]]));
  });
});

describe('reading session.discussion', () => {
  const good = { noteIds: ['a', 'b'], index: 1, passed: ['a'], noteStartedAt: 1, timeboxSeconds: null };
  it.each([
    ['not an object', 'x'],
    ['ids not a list', { ...good, noteIds: 'a' }],
    ['a bad id', { ...good, noteIds: ['a:b'] }],
    ['a repeated id', { ...good, noteIds: ['a', 'a'] }],
    ['index past the end', { ...good, index: 3 }],
    ['fractional index', { ...good, index: 0.5 }],
    ['no start time', { ...good, noteStartedAt: null }],
    ['time box out of range', { ...good, timeboxSeconds: 4000 }],
    ['passed not a list', { ...good, passed: null }],
  ])('skips and reports %s', (_, value) => {
    const doc = new Y.Doc();
    doc.getMap('session').set('discussion', value);
    const snap = readBoard(doc);
    expect(snap.session.discussion).toBeNull();
    expect(snap.problems).toContainEqual(expect.objectContaining({ collection: 'session', id: 'discussion' }));
  });

  it('keeps a valid one, dropping passed ids that are not on the agenda', () => {
    const doc = new Y.Doc();
    doc.getMap('session').set('discussion', { ...good, passed: ['a', 'zzz'], timeboxSeconds: 60, extra: 1 });
    expect(readBoard(doc).session.discussion).toEqual({ ...good, passed: ['a'], timeboxSeconds: 60 });
  });
});
