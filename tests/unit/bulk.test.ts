import { describe, expect, it } from 'vitest';
import {
  addNote, bulkConfirmOwners, bulkDelete, bulkMerge, bulkMoveToStage, bulkSetStatus, castVote, configureVoting,
  createUndoManager, proposeOwner, readBoard, setNoteStatus, setVotingOpen,
} from '../../shared/src/index.js';
import { ALICE, expectOneTransaction, expectRejected, me, noteIds, smallBoard, system } from './helpers.js';

function board(count = 3) {
  const b = smallBoard();
  const ids = Array.from({ length: count }, (_, i) => addNote(b.doc, { stageId: b.stageA, text: `n${i}` }, ALICE, me));
  return { ...b, ids };
}

describe('bulk operations on notes', () => {
  it('sets the status of every listed note in one transaction, one undo step', () => {
    const { doc, ids } = board();
    setNoteStatus(doc, ids[2]!, 'parked', system);
    const undo = createUndoManager(doc, me);
    expectOneTransaction(doc, me, () => bulkSetStatus(doc, ids, 'accepted', me, 5));
    expect(ids.map((id) => readBoard(doc).notesById.get(id)!.status)).toEqual(['accepted', 'accepted', 'accepted']);
    undo.undo();
    expect(ids.map((id) => readBoard(doc).notesById.get(id)!.status)).toEqual(['open', 'open', 'parked']);
    expect(undo.canUndo()).toBe(false);
  });

  it('validates every id first: one unknown or repeated id writes nothing', () => {
    const { doc, ids } = board();
    expectRejected(doc, () => bulkSetStatus(doc, [ids[0]!, 'nope'], 'accepted', me), 'not-found');
    expectRejected(doc, () => bulkSetStatus(doc, [ids[0]!, ids[0]!], 'accepted', me));
    expectRejected(doc, () => bulkSetStatus(doc, [], 'accepted', me));
    expectRejected(doc, () => bulkSetStatus(doc, ids, 'done' as never, me), 'unknown-note-status');
    expectRejected(doc, () => bulkConfirmOwners(doc, [...ids, 'gone'], { responsible: 'sales' }, me), 'not-found');
    expectRejected(doc, () => bulkConfirmOwners(doc, ids, { responsible: 'finance' }, me), 'not-a-department');
    expectRejected(doc, () => bulkMoveToStage(doc, ids, 'nostage', me), 'not-found');
    expectRejected(doc, () => bulkDelete(doc, ['x', ...ids], me), 'not-found');
    expectRejected(doc, () => bulkMerge(doc, [ids[0]!], me), 'merge-nothing');
  });

  it('confirms responsible and supporting; the responsible is never also supporting', () => {
    const { doc, ids } = board(2);
    const undo = createUndoManager(doc, me);
    expectOneTransaction(doc, me, () =>
      bulkConfirmOwners(doc, ids, { responsible: 'sales', supporting: ['sales', 'engineering'] }, me));
    for (const id of ids) {
      const n = readBoard(doc).notesById.get(id)!;
      expect([n.responsible, n.supporting]).toEqual(['sales', ['engineering']]);
    }
    // Only the responsible: each note keeps its supporting list.
    bulkConfirmOwners(doc, [ids[0]!], { responsible: 'engineering' }, me);
    const first = readBoard(doc).notesById.get(ids[0]!)!;
    expect([first.responsible, first.supporting]).toEqual(['engineering', []]);
    undo.undo();
    expect(readBoard(doc).notesById.get(ids[0]!)!.responsible).toBe('sales');
  });

  it('moves notes to the end of another stage in listed order, one undo step', () => {
    const { doc, ids, stageA, stageB } = board(3);
    const there = addNote(doc, { stageId: stageB, text: 'already there' }, ALICE, system);
    const undo = createUndoManager(doc, me);
    expectOneTransaction(doc, me, () => bulkMoveToStage(doc, [ids[2]!, ids[0]!], stageB, me));
    expect(noteIds(doc, stageB)).toEqual([there, ids[2], ids[0]]);
    expect(noteIds(doc, stageA)).toEqual([ids[1]]);
    undo.undo();
    expect(noteIds(doc, stageA)).toEqual(ids);
    expect(noteIds(doc, stageB)).toEqual([there]);
  });

  it('deletes notes with their dots and proposals, and undo brings them all back', () => {
    const { doc, ids } = board(2);
    configureVoting(doc, { votesPerPerson: 5, capPerNote: null, hideResults: false }, system);
    setVotingOpen(doc, true, system);
    castVote(doc, ids[0]!, 'bob', system);
    proposeOwner(doc, ids[1]!, 'bob', 'sales', system);
    const undo = createUndoManager(doc, me);
    expectOneTransaction(doc, me, () => bulkDelete(doc, ids, me));
    const after = readBoard(doc);
    expect([after.notesById.size, doc.getMap('votes').size, doc.getMap('proposals').size]).toEqual([0, 0, 0]);
    undo.undo();
    const back = readBoard(doc);
    expect(back.notesById.size).toBe(2);
    expect(back.votesByNote.get(ids[0]!)?.total).toBe(1);
    expect(back.proposalsByNote.get(ids[1]!)?.get('bob')).toBe('sales');
  });

  it('merges into the first listed note, and undoes as one step', () => {
    const { doc, ids } = board(3);
    const undo = createUndoManager(doc, me);
    expectOneTransaction(doc, me, () => bulkMerge(doc, ids, me));
    const merged = readBoard(doc);
    expect([...merged.notesById.keys()]).toEqual([ids[0]]);
    expect(merged.notesById.get(ids[0]!)!.merged.map((m) => m.text)).toEqual(['n1', 'n2']);
    undo.undo();
    expect(readBoard(doc).notesById.size).toBe(3);
  });
});
