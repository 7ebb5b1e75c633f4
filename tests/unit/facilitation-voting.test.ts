import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addNote, castVote, configureVoting, createUndoManager, deleteNote, proposeOwner, readBoard, removeSegment, removeStage,
  retractVote, setVotingOpen, sortStageByVotes, votesLeft, votesUsed,
} from '../../shared/src/index.js';
import { ALICE, expectOneTransaction, expectRejected, me, noteIds, smallBoard, sync, system } from './helpers.js';

function votingBoard(config = { votesPerPerson: 3, capPerNote: null as number | null, hideResults: false }) {
  const b = smallBoard();
  const n1 = addNote(b.doc, { stageId: b.stageA, text: 'one' }, ALICE, me);
  const n2 = addNote(b.doc, { stageId: b.stageA, text: 'two' }, ALICE, me);
  const n3 = addNote(b.doc, { stageId: b.stageA, text: 'three' }, ALICE, me);
  configureVoting(b.doc, config, system);
  setVotingOpen(b.doc, true, system);
  return { ...b, n1, n2, n3 };
}

describe('voting configuration', () => {
  it('configures (closed by default), opens and closes, keeping open across reconfiguration', () => {
    const { doc } = smallBoard();
    expectRejected(doc, () => setVotingOpen(doc, true, me));
    expectOneTransaction(doc, me, () => configureVoting(doc, { votesPerPerson: 5, capPerNote: 2, hideResults: true }, me));
    expect(readBoard(doc).session.voting).toEqual({ open: false, votesPerPerson: 5, capPerNote: 2, hideResults: true });
    expectOneTransaction(doc, me, () => setVotingOpen(doc, true, me));
    configureVoting(doc, { votesPerPerson: 6, capPerNote: null, hideResults: false }, me);
    expect(readBoard(doc).session.voting).toEqual({ open: true, votesPerPerson: 6, capPerNote: null, hideResults: false });
  });

  it('rejects bad rules', () => {
    const { doc } = smallBoard();
    for (const votesPerPerson of [0, 51, 2.5, Number.NaN]) {
      expectRejected(doc, () => configureVoting(doc, { votesPerPerson, capPerNote: null, hideResults: false }, me));
    }
    for (const capPerNote of [0, 1.5, -1]) {
      expectRejected(doc, () => configureVoting(doc, { votesPerPerson: 5, capPerNote, hideResults: false }, me));
    }
    expectRejected(doc, () => configureVoting(doc, { votesPerPerson: 5, capPerNote: null, hideResults: 1 as unknown as boolean }, me));
  });
});

describe('casting and retracting dots', () => {
  it('counts dots per member and note, with dots left', () => {
    const { doc, n1, n2 } = votingBoard();
    expectOneTransaction(doc, me, () => castVote(doc, n1, 'ann', me));
    castVote(doc, n1, 'ann', me);
    castVote(doc, n2, 'bob', me);
    const board = readBoard(doc);
    expect(board.votesByNote.get(n1)!.total).toBe(2);
    expect(board.votesByNote.get(n1)!.byMember.get('ann')).toBe(2);
    expect(doc.getMap('votes').get(`${n1}:ann`)).toBe(2);
    expect(votesUsed(board, 'ann')).toBe(2);
    expect(votesUsed(doc, 'ann')).toBe(2);
    expect(votesLeft(board, 'ann')).toBe(1);
    expect(votesLeft(doc, 'bob')).toBe(2);
    expect(votesLeft(doc, 'nobody')).toBe(3);

    expectOneTransaction(doc, me, () => retractVote(doc, n1, 'ann', me));
    expect(doc.getMap('votes').get(`${n1}:ann`)).toBe(1);
    retractVote(doc, n1, 'ann', me);
    expect(doc.getMap('votes').has(`${n1}:ann`)).toBe(false); // deleted at zero, never 0
    expect(votesLeft(doc, 'ann')).toBe(3);
    expectRejected(doc, () => retractVote(doc, n1, 'ann', me));
  });

  it('refuses a dot when voting is closed or unconfigured, none are left, or the cap is reached', () => {
    const { doc, n1, n2, n3 } = votingBoard({ votesPerPerson: 3, capPerNote: 2, hideResults: false });
    castVote(doc, n1, 'ann', me);
    castVote(doc, n1, 'ann', me);
    expectRejected(doc, () => castVote(doc, n1, 'ann', me), 'note-cap-reached');
    castVote(doc, n2, 'ann', me);
    expectRejected(doc, () => castVote(doc, n3, 'ann', me), 'no-dots-left');
    expect(votesLeft(doc, 'ann')).toBe(0);
    castVote(doc, n1, 'bob', me); // others are unaffected

    setVotingOpen(doc, false, system);
    expectRejected(doc, () => castVote(doc, n3, 'bob', me));
    expectRejected(doc, () => retractVote(doc, n1, 'bob', me));
    expectRejected(doc, () => castVote(doc, 'nope', 'bob', me), 'not-found');
    expectRejected(doc, () => castVote(doc, n1, 'a:b', me));

    const { doc: fresh, n1: f1 } = votingBoard();
    fresh.getMap('session').delete('voting');
    expectRejected(fresh, () => castVote(fresh, f1, 'ann', me));
    expect(votesLeft(fresh, 'ann')).toBe(0);
  });

  it('dots on a deleted note are free again; removing notes deletes their votes and proposals', () => {
    const { doc, n1, n2, stageA, stageB, segmentId } = votingBoard();
    castVote(doc, n1, 'ann', me);
    castVote(doc, n2, 'ann', me);
    proposeOwner(doc, n1, 'ann', 'sales', me);
    expectOneTransaction(doc, me, () => deleteNote(doc, n1, me));
    expect([...doc.getMap('votes').keys()]).toEqual([`${n2}:ann`]);
    expect(doc.getMap('proposals').size).toBe(0);
    expect(votesLeft(doc, 'ann')).toBe(2);

    const onB = addNote(doc, { stageId: stageB, text: 'b' }, ALICE, me);
    castVote(doc, onB, 'bob', me);
    proposeOwner(doc, onB, 'bob', 'engineering', me);
    expectOneTransaction(doc, me, () => removeStage(doc, stageA, me));
    expect([...doc.getMap('votes').keys()]).toEqual([`${onB}:bob`]);
    removeSegment(doc, segmentId, me);
    expect(doc.getMap('votes').size).toBe(0);
    expect(doc.getMap('proposals').size).toBe(0);
    expect(readBoard(doc).problems).toEqual([]);
  });

  it('two replicas casting dots concurrently (different members) converge with both counted', () => {
    const { doc, n1, n2 } = votingBoard();
    const peer = new Y.Doc();
    sync(doc, peer);
    castVote(doc, n1, 'ann', me);
    castVote(doc, n1, 'ann', me);
    castVote(peer, n1, 'bob', me);
    castVote(peer, n2, 'bob', me);
    retractVote(peer, n2, 'bob', me);
    sync(doc, peer);
    sync(peer, doc);
    const a = readBoard(doc);
    const b = readBoard(peer);
    expect(a.votesByNote.get(n1)!.total).toBe(3);
    expect(b.votesByNote.get(n1)!.total).toBe(3);
    expect([...a.votesByNote.get(n1)!.byMember].sort()).toEqual([...b.votesByNote.get(n1)!.byMember].sort());
    expect(a.votesByNote.has(n2)).toBe(false);
    expect(b.votesByNote.has(n2)).toBe(false);
    expect(votesLeft(a, 'bob')).toBe(2);
    expect(votesLeft(b, 'ann')).toBe(1);
  });
});

describe('undo of dots', () => {
  it('undoing a dot cast after an earlier retract leaves no dot (not the retracted count)', () => {
    const { doc, n1 } = votingBoard();
    const undo = createUndoManager(doc, me);
    castVote(doc, n1, 'ann', me);
    undo.stopCapturing();
    retractVote(doc, n1, 'ann', me);
    undo.stopCapturing();
    castVote(doc, n1, 'ann', me);
    undo.undo();
    expect(doc.getMap('votes').has(`${n1}:ann`)).toBe(false);
    expect(readBoard(doc).problems).toEqual([]);
  });
});

describe('sortStageByVotes', () => {
  it('orders a stage by total dots, ties keeping their current order, in one transaction', () => {
    const { doc, stageA, stageB, n1, n2, n3 } = votingBoard({ votesPerPerson: 10, capPerNote: null, hideResults: true });
    const n4 = addNote(doc, { stageId: stageA, text: 'four' }, ALICE, me);
    const other = addNote(doc, { stageId: stageB, text: 'elsewhere' }, ALICE, me);
    castVote(doc, n3, 'ann', me);
    castVote(doc, n3, 'bob', me);
    castVote(doc, n2, 'ann', me);
    castVote(doc, n4, 'cid', me);
    castVote(doc, other, 'cid', me);
    castVote(doc, other, 'cid', me);
    castVote(doc, other, 'cid', me);
    expect(noteIds(doc, stageA)).toEqual([n1, n2, n3, n4]);
    expectOneTransaction(doc, me, () => sortStageByVotes(doc, stageA, me));
    expect(noteIds(doc, stageA)).toEqual([n3, n2, n4, n1]);
    expect(readBoard(doc).notesByStage.get(stageA)!.map((n) => n.order)).toEqual([1, 2, 3, 4]);
    expect(noteIds(doc, stageB)).toEqual([other]);
    expectRejected(doc, () => sortStageByVotes(doc, 'nope', me), 'not-found');
  });
});
