import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addDepartment, addNote, castVote, configureVoting, confirmOwners, createUndoManager, mergeNotes, ownerTally,
  proposeOwner, readBoard, removeDepartment, setNoteStatus, setVotingOpen, type NoteStatus,
} from '../../shared/src/index.js';
import { ALICE, expectOneTransaction, expectRejected, me, smallBoard, system } from './helpers.js';

const BOB = { id: 'bob', name: 'Bob', department: 'engineering' };

describe('owner proposals and confirmation', () => {
  it('one proposal per person per note: propose, change, withdraw', () => {
    const { doc, stageA } = smallBoard();
    const n = addNote(doc, { stageId: stageA, text: 'x' }, ALICE, me);
    expectOneTransaction(doc, me, () => proposeOwner(doc, n, 'ann', 'sales', me));
    proposeOwner(doc, n, 'ann', 'engineering', me);
    expect([...readBoard(doc).proposalsByNote.get(n)!]).toEqual([['ann', 'engineering']]);
    expect(doc.getMap('proposals').get(`${n}:ann`)).toBe('engineering');
    expectOneTransaction(doc, me, () => proposeOwner(doc, n, 'ann', null, me));
    expect(readBoard(doc).proposalsByNote.has(n)).toBe(false);
    expectRejected(doc, () => proposeOwner(doc, n, 'ann', 'finance', me));
    expectRejected(doc, () => proposeOwner(doc, 'nope', 'ann', 'sales', me), 'not-found');
    expectRejected(doc, () => proposeOwner(doc, n, 'a:b', 'sales', me));
  });

  it('tallies one proposal per person: the author’s pick while writing until she proposes, everyone’s proposals', () => {
    const { doc, stageA } = smallBoard();
    addDepartment(doc, { name: 'Marketing' }, system, 'marketing');
    // Two picks: a board from before the one-proposal rule; both count for the author until she proposes.
    const n = addNote(doc, { stageId: stageA, text: 'x', owners: ['sales', 'engineering'] }, ALICE, me);
    proposeOwner(doc, n, 'bob', 'engineering', me);
    expect(ownerTally(readBoard(doc), n)).toEqual([{ department: 'engineering', count: 2 }, { department: 'sales', count: 1 }]);
    proposeOwner(doc, n, 'alice', 'sales', me); // the author's proposal replaces her picks while writing
    proposeOwner(doc, n, 'cid', 'engineering', me);
    proposeOwner(doc, n, 'dan', 'marketing', me);
    expect(ownerTally(readBoard(doc), n)).toEqual([
      { department: 'engineering', count: 2 },
      { department: 'sales', count: 1 },
      { department: 'marketing', count: 1 },
    ]);
    expect(ownerTally(readBoard(doc), 'nope')).toEqual([]);
    // A department removed: gone from owners and proposals, left out of the tally.
    removeDepartment(doc, 'engineering', system);
    expect(ownerTally(readBoard(doc), n)).toEqual([{ department: 'sales', count: 1 }, { department: 'marketing', count: 1 }]);
    expect([...doc.getMap('proposals').values()].sort()).toEqual(['marketing', 'sales']);
  });

  it('confirmOwners sets responsible and supporting (without the responsible one)', () => {
    const { doc, stageA } = smallBoard();
    addDepartment(doc, { name: 'Marketing' }, system, 'marketing');
    const n = addNote(doc, { stageId: stageA, text: 'x' }, ALICE, me, 1);
    expectOneTransaction(doc, me, () =>
      confirmOwners(doc, n, { responsible: 'sales', supporting: ['engineering', 'sales', 'engineering', 'marketing'] }, me, 9));
    expect(readBoard(doc).notesById.get(n)).toMatchObject({
      responsible: 'sales', supporting: ['engineering', 'marketing'], updatedAt: 9,
    });
    confirmOwners(doc, n, { responsible: '', supporting: [] }, me);
    expect(readBoard(doc).notesById.get(n)).toMatchObject({ responsible: '', supporting: [] });
    expectRejected(doc, () => confirmOwners(doc, n, { responsible: 'finance', supporting: [] }, me));
    expectRejected(doc, () => confirmOwners(doc, n, { responsible: 'sales', supporting: ['finance'] }, me));
    expectRejected(doc, () => confirmOwners(doc, 'nope', { responsible: '', supporting: [] }, me), 'not-found');

    confirmOwners(doc, n, { responsible: 'marketing', supporting: ['engineering'] }, me);
    removeDepartment(doc, 'marketing', system);
    removeDepartment(doc, 'engineering', system);
    expect(readBoard(doc).notesById.get(n)).toMatchObject({ responsible: '', supporting: [] });
  });
});

describe('setNoteStatus', () => {
  it('marks a note accepted, parked or open', () => {
    const { doc, stageA } = smallBoard();
    const n = addNote(doc, { stageId: stageA, text: 'x' }, ALICE, me);
    expectOneTransaction(doc, me, () => setNoteStatus(doc, n, 'accepted', me, 7));
    expect(readBoard(doc).notesById.get(n)).toMatchObject({ status: 'accepted', updatedAt: 7 });
    setNoteStatus(doc, n, 'parked', me);
    expect(readBoard(doc).notesById.get(n)!.status).toBe('parked');
    expectRejected(doc, () => setNoteStatus(doc, n, 'done' as NoteStatus, me));
    expectRejected(doc, () => setNoteStatus(doc, 'nope', 'open', me), 'not-found');
  });
});

describe('mergeNotes', () => {
  function mergeBoard() {
    const b = smallBoard();
    const { doc, stageA, stageB } = b;
    const undo = createUndoManager(doc, me);
    const target = addNote(doc, { stageId: stageA, text: 'Call the buyer', owners: ['sales'] }, ALICE, system, 1);
    const s1 = addNote(doc, { stageId: stageA, text: 'Phone the customer', kind: 'best practice', owners: ['engineering'] }, BOB, system, 2);
    const s2 = addNote(doc, { stageId: stageB, text: 'Ring them', kind: 'question' }, { id: 'cid', name: 'Cid', department: '' }, system, 3);
    configureVoting(doc, { votesPerPerson: 5, capPerNote: 2, hideResults: false }, system);
    setVotingOpen(doc, true, system);
    castVote(doc, target, 'ann', system);
    castVote(doc, target, 'ann', system);
    castVote(doc, s1, 'ann', system);
    castVote(doc, s1, 'bob', system);
    castVote(doc, s2, 'cid', system);
    proposeOwner(doc, target, 'ann', 'sales', system);
    proposeOwner(doc, s1, 'ann', 'engineering', system);
    proposeOwner(doc, s1, 'bob', 'engineering', system);
    proposeOwner(doc, s2, 'bob', 'sales', system);
    proposeOwner(doc, s2, 'cid', 'sales', system);
    return { ...b, undo, target, s1, s2 };
  }

  it('keeps every text, author, dot and proposal, and deletes the sources, in one transaction', () => {
    const { doc, target, s1, s2 } = mergeBoard();
    expectOneTransaction(doc, me, () => mergeNotes(doc, target, [s1, s2], me, 99));
    const board = readBoard(doc);
    expect(board.problems).toEqual([]);
    expect(board.notesById.has(s1)).toBe(false);
    expect(board.notesById.has(s2)).toBe(false);
    const note = board.notesById.get(target)!;
    // The target's author's pick stays hers; bob's pick on his source is already his proposal there.
    expect(note).toMatchObject({ text: 'Call the buyer', owners: ['sales'], updatedAt: 99 });
    expect(note.merged).toEqual([
      { id: s1, text: 'Phone the customer', kind: 'best practice', authorId: 'bob', authorName: 'Bob', authorDepartment: 'engineering' },
      { id: s2, text: 'Ring them', kind: 'question', authorId: 'cid', authorName: 'Cid', authorDepartment: '' },
    ]);
    // Dots summed per member (ann: 2 + 1 = 3, over the cap of 2: caps are not enforced on merge).
    const tally = board.votesByNote.get(target)!;
    expect(tally.total).toBe(5);
    expect(Object.fromEntries(tally.byMember)).toEqual({ ann: 3, bob: 1, cid: 1 });
    // ann already proposed on the target: hers stays; bob's first source wins.
    expect(Object.fromEntries(board.proposalsByNote.get(target)!)).toEqual({ ann: 'sales', bob: 'engineering', cid: 'sales' });
    expect([...doc.getMap('votes').keys()].every((k) => k.startsWith(`${target}:`))).toBe(true);
    expect([...doc.getMap('proposals').keys()].every((k) => k.startsWith(`${target}:`))).toBe(true);
  });

  it('a source author\'s pick while writing becomes their proposal on the target, and still counts once', () => {
    const { doc, stageA } = smallBoard();
    const target = addNote(doc, { stageId: stageA, text: 'Call the buyer', owners: ['sales'] }, ALICE, system, 1);
    const dan = { id: 'dan', name: 'Dan', department: '' };
    const s1 = addNote(doc, { stageId: stageA, text: 'Phone them', owners: ['engineering'] }, dan, system, 2);
    const s2 = addNote(doc, { stageId: stageA, text: 'Ring them', owners: ['engineering'] }, ALICE, system, 3);
    mergeNotes(doc, target, [s1, s2], me);
    const board = readBoard(doc);
    // Alice's own pick on the target wins over her pick on a source: one proposal per person.
    expect(Object.fromEntries(board.proposalsByNote.get(target)!)).toEqual({ dan: 'engineering' });
    expect(ownerTally(board, target)).toEqual([{ department: 'sales', count: 1 }, { department: 'engineering', count: 1 }]);
  });

  it('carries the notes merged into a source along', () => {
    const { doc, target, s1, s2 } = mergeBoard();
    mergeNotes(doc, s1, [s2], me);
    mergeNotes(doc, target, [s1], me);
    expect(readBoard(doc).notesById.get(target)!.merged.map((m) => m.id)).toEqual([s1, s2]);
  });

  it('one undo step restores the sources, their dots and proposals, and the target', () => {
    const { doc, undo, target, s1, s2 } = mergeBoard();
    const before = readBoard(doc);
    const plain = (b: typeof before) => ({
      notes: [...b.notesById.values()].sort((x, y) => (x.id < y.id ? -1 : 1)),
      votes: [...b.votesByNote].map(([k, v]) => [k, v.total, Object.fromEntries(v.byMember)]).sort(),
      proposals: [...b.proposalsByNote].map(([k, v]) => [k, Object.fromEntries(v)]).sort(),
    });
    mergeNotes(doc, target, [s1, s2], me);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    const after = readBoard(doc);
    expect(after.problems).toEqual([]);
    expect(plain(after)).toEqual(plain(before));
    undo.redo();
    expect(readBoard(doc).notesById.has(s1)).toBe(false);
    expect(readBoard(doc).votesByNote.get(target)!.total).toBe(5);
  });

  it('validates its input without writing', () => {
    const { doc, target, s1 } = mergeBoard();
    expectRejected(doc, () => mergeNotes(doc, target, [], me));
    expectRejected(doc, () => mergeNotes(doc, target, [target], me));
    expectRejected(doc, () => mergeNotes(doc, target, [s1, s1], me));
    expectRejected(doc, () => mergeNotes(doc, target, [s1, 'nope'], me), 'not-found');
    expectRejected(doc, () => mergeNotes(doc, 'nope', [s1], me), 'not-found');
    doc.getMap<Y.Map<unknown>>('notes').get(s1)!.set('kind', 'rant');
    expectRejected(doc, () => mergeNotes(doc, target, [s1], me));
  });
});
