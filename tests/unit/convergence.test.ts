import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addNote, addSegment, addStage, initializeBoard, moveNote, readBoard, remoteOrigin, removeDepartment,
  removeStage, updateNote, type BoardSnapshot,
} from '../../shared/src/index.js';
import { ALICE, me, system, sync } from './helpers.js';

const BOB = { id: 'bob', name: 'Bob', department: 'support' };
const bobOrigin = { kind: 'local', actorId: 'bob' } as const;

/** A template board and a peer that has received all of it. */
function pair() {
  const a = new Y.Doc();
  initializeBoard(a, { title: 'W', template: 'vision-workshop', language: 'en' }, system, 1);
  const b = new Y.Doc();
  sync(a, b, remoteOrigin('a'));
  const board = readBoard(a);
  const stages = board.segments[0]!.stages.map((s) => s.id);
  return { a, b, stages };
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  sync(a, b, remoteOrigin('a'));
  sync(b, a, remoteOrigin('b'));
}

/** The part of a snapshot that must be identical on every replica. */
function layout(s: BoardSnapshot) {
  return {
    meta: s.meta,
    segments: s.segments.map((g) => ({ ...g, stages: g.stages.map((st) => st.id) })),
    departments: s.departments,
    notes: [...s.notesByStage].map(([stage, notes]) => [stage, notes]).sort(),
    orphans: s.orphanNotes,
    problems: s.problems,
  };
}

function expectConverged(a: Y.Doc, b: Y.Doc): BoardSnapshot {
  const sa = readBoard(a);
  expect(layout(readBoard(b))).toEqual(layout(sa));
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
  return sa;
}

describe('two replicas exchanging updates', () => {
  it('converge after concurrent moves of different notes', () => {
    const { a, b, stages } = pair();
    const [s0, s1] = stages as [string, string];
    const n = [0, 1, 2].map((i) => addNote(a, { stageId: s0, text: `n${i}` }, ALICE, me));
    exchange(a, b);
    moveNote(a, n[2]!, s0, 0, me);
    moveNote(b, n[0]!, s1, 0, bobOrigin);
    exchange(a, b);
    const board = expectConverged(a, b);
    expect(board.notesByStage.get(s0)!.map((x) => x.id)).toEqual([n[2], n[1]]);
    expect(board.notesByStage.get(s1)!.map((x) => x.id)).toEqual([n[0]]);
  });

  it('converge after concurrent moves of the same note (one move wins everywhere)', () => {
    const { a, b, stages } = pair();
    const [s0, s1, s2] = stages as [string, string, string];
    const note = addNote(a, { stageId: s0 }, ALICE, me);
    exchange(a, b);
    moveNote(a, note, s1, 0, me);
    moveNote(b, note, s2, 0, bobOrigin);
    exchange(a, b);
    const board = expectConverged(a, b);
    expect([s1, s2]).toContain(board.notesById.get(note)!.stageId);
    expect(board.orphanNotes).toEqual([]);
  });

  it('keep both concurrent edits of different fields of one note', () => {
    const { a, b, stages } = pair();
    const note = addNote(a, { stageId: stages[0]!, text: 'draft' }, ALICE, me);
    exchange(a, b);
    updateNote(a, note, { text: 'Send samples within 48h' }, me, 10);
    updateNote(b, note, { owners: ['engineering', 'shipping'] }, bobOrigin, 11);
    updateNote(b, note, { kind: 'best practice' }, bobOrigin, 12);
    exchange(a, b);
    const board = expectConverged(a, b);
    expect(board.notesById.get(note)).toMatchObject({
      text: 'Send samples within 48h', owners: ['engineering', 'shipping'], kind: 'best practice',
    });
  });

  it('converge on concurrent appends of segments, stages and notes', () => {
    const { a, b, stages } = pair();
    const segA = addSegment(a, { name: 'From A' }, me);
    const segB = addSegment(b, { name: 'From B' }, bobOrigin);
    addStage(a, segA, { name: 'x' }, me);
    const na = addNote(a, { stageId: stages[0]! }, ALICE, me);
    const nb = addNote(b, { stageId: stages[0]! }, BOB, bobOrigin);
    exchange(a, b);
    const board = expectConverged(a, b);
    expect(board.segments).toHaveLength(5);
    expect(board.segments.slice(3).map((s) => s.id).sort()).toEqual([segA, segB].sort());
    expect(board.notesByStage.get(stages[0]!)!.map((n) => n.id).sort()).toEqual([na, nb].sort());
  });

  it('a note added while its stage is removed elsewhere becomes an orphan on both sides', () => {
    const { a, b, stages } = pair();
    removeStage(a, stages[1]!, me);
    const note = addNote(b, { stageId: stages[1]!, text: 'late' }, BOB, bobOrigin);
    exchange(a, b);
    const board = expectConverged(a, b);
    expect(board.orphanNotes.map((n) => n.id)).toEqual([note]);
    expect(board.stagesById.has(stages[1]!)).toBe(false);
  });

  it('converge when a department is removed while a note is given it as owner', () => {
    const { a, b, stages } = pair();
    const note = addNote(a, { stageId: stages[0]! }, ALICE, me);
    exchange(a, b);
    removeDepartment(a, 'finance', me);
    updateNote(b, note, { owners: ['finance', 'sales'] }, bobOrigin);
    exchange(a, b);
    const board = expectConverged(a, b);
    expect(board.departmentsByKey.has('finance')).toBe(false);
    // The concurrent owner write survives: owners may name a department that is gone,
    // which is why docs/board-schema.md tells readers to ignore such owners.
    expect(board.notesById.get(note)!.owners).toEqual(['finance', 'sales']);
  });
});
