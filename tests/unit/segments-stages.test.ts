import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  ROOT, SEGMENT_DESCRIPTION_MAX, SEGMENT_NAME_MAX, STAGE_NAME_MAX, BUYER_STEP_MAX,
  addNote, addSegment, addStage, moveSegment, moveStage, readBoard, removeSegment, removeStage,
  updateSegment, updateStage,
} from '../../shared/src/index.js';
import { ALICE, blankDoc, expectOneTransaction, expectRejected, me, smallBoard } from './helpers.js';

describe('segments', () => {
  it('addSegment appends with trimmed fields in one transaction', () => {
    const doc = blankDoc();
    const a = expectOneTransaction(doc, me, () => addSegment(doc, { name: ' OEM ', description: ' d ', color: '#ABCDEF' }, me));
    const b = addSegment(doc, { name: 'Channel' }, me);
    const board = readBoard(doc);
    expect(board.segments.map((s) => s.id)).toEqual([a, b]);
    expect(board.segments[0]).toMatchObject({ name: 'OEM', description: 'd', color: '#abcdef', stages: [] });
    expect(board.segments[1]!.description).toBe('');
    expect(board.segments[1]!.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(board.problems).toEqual([]);
  });

  it('addSegment rejects bad input without writing', () => {
    const doc = new Y.Doc();
    expectRejected(doc, () => addSegment(doc, { name: '' }, me));
    expectRejected(doc, () => addSegment(doc, { name: 'x'.repeat(SEGMENT_NAME_MAX + 1) }, me));
    expectRejected(doc, () => addSegment(doc, { name: 'ok', description: 'x'.repeat(SEGMENT_DESCRIPTION_MAX + 1) }, me));
    expectRejected(doc, () => addSegment(doc, { name: 'ok', color: 'red' }, me));
    expectRejected(doc, () => addSegment(doc, { name: 'ok', color: '#12345' }, me));
    expect(doc.getMap(ROOT.segments).size).toBe(0);
  });

  it('updateSegment changes only the given fields', () => {
    const { doc, segmentId } = smallBoard();
    expectOneTransaction(doc, me, () => updateSegment(doc, segmentId, { description: 'Long cycles', color: '#00FF00' }, me));
    expect(readBoard(doc).segments[0]).toMatchObject({ name: 'OEM', description: 'Long cycles', color: '#00ff00' });
    expectRejected(doc, () => updateSegment(doc, segmentId, { name: ' ' }, me));
    expectRejected(doc, () => updateSegment(doc, segmentId, { color: '#zzzzzz' }, me));
    expectRejected(doc, () => updateSegment(doc, 'nope', { name: 'x' }, me), 'not-found');
  });

  it('moveSegment puts the segment at the requested index', () => {
    const doc = new Y.Doc();
    const [a, b, c] = ['A', 'B', 'C'].map((name) => addSegment(doc, { name }, me)) as [string, string, string];
    const ids = () => readBoard(doc).segments.map((s) => s.id);
    expectOneTransaction(doc, me, () => moveSegment(doc, c, 0, me));
    expect(ids()).toEqual([c, a, b]);
    moveSegment(doc, c, 1, me);
    expect(ids()).toEqual([a, c, b]);
    moveSegment(doc, a, 99, me);
    expect(ids()).toEqual([c, b, a]);
    moveSegment(doc, a, -5, me);
    expect(ids()).toEqual([a, c, b]);
    expectRejected(doc, () => moveSegment(doc, 'nope', 0, me), 'not-found');
  });

  it('removeSegment removes its stages and their notes in one transaction, and nothing else', () => {
    const { doc, segmentId, stageA, stageB } = smallBoard();
    const other = addSegment(doc, { name: 'Other' }, me);
    const otherStage = addStage(doc, other, { name: 'Keep' }, me);
    addNote(doc, { stageId: stageA, text: 'a' }, ALICE, me);
    addNote(doc, { stageId: stageB, text: 'b' }, ALICE, me);
    const kept = addNote(doc, { stageId: otherStage, text: 'kept' }, ALICE, me);
    expectOneTransaction(doc, me, () => removeSegment(doc, segmentId, me));
    const board = readBoard(doc);
    expect(board.segments.map((s) => s.id)).toEqual([other]);
    expect([...board.stagesById.keys()]).toEqual([otherStage]);
    expect([...board.notesById.keys()]).toEqual([kept]);
    expect(board.orphanNotes).toEqual([]);
    expect(board.departments).toHaveLength(2);
    expectRejected(doc, () => removeSegment(doc, segmentId, me), 'not-found');
  });
});

describe('stages', () => {
  it('addStage appends to its own segment only', () => {
    const { doc, segmentId, stageA, stageB } = smallBoard();
    const other = addSegment(doc, { name: 'Other' }, me);
    const x = expectOneTransaction(doc, me, () => addStage(doc, other, { name: ' First ' }, me));
    const stageC = addStage(doc, segmentId, { name: 'Third', buyerStep: 'Evaluates' }, me);
    const board = readBoard(doc);
    expect(board.segments[0]!.stages.map((s) => s.id)).toEqual([stageA, stageB, stageC]);
    expect(board.segments[1]!.stages).toEqual([{ id: x, segmentId: other, name: 'First', buyerStep: '', order: 1 }]);
  });

  it('addStage rejects bad input without writing', () => {
    const { doc, segmentId } = smallBoard();
    expectRejected(doc, () => addStage(doc, 'nope', { name: 'x' }, me), 'not-found');
    expectRejected(doc, () => addStage(doc, segmentId, { name: '' }, me));
    expectRejected(doc, () => addStage(doc, segmentId, { name: 'x'.repeat(STAGE_NAME_MAX + 1) }, me));
    expectRejected(doc, () => addStage(doc, segmentId, { name: 'x', buyerStep: 'y'.repeat(BUYER_STEP_MAX + 1) }, me));
  });

  it('updateStage changes name and buyer step', () => {
    const { doc, stageA } = smallBoard();
    expectOneTransaction(doc, me, () => updateStage(doc, stageA, { buyerStep: 'Feels the pain' }, me));
    expect(readBoard(doc).stagesById.get(stageA)).toMatchObject({ name: 'Discover', buyerStep: 'Feels the pain' });
    updateStage(doc, stageA, { name: 'Find' }, me);
    expect(readBoard(doc).stagesById.get(stageA)).toMatchObject({ name: 'Find', buyerStep: 'Feels the pain' });
    expectRejected(doc, () => updateStage(doc, stageA, { name: 'x'.repeat(STAGE_NAME_MAX + 1) }, me));
    expectRejected(doc, () => updateStage(doc, 'nope', { name: 'x' }, me), 'not-found');
  });

  it('moveStage reorders within its segment and leaves other segments alone', () => {
    const { doc, segmentId, stageA, stageB } = smallBoard();
    const stageC = addStage(doc, segmentId, { name: 'C' }, me);
    const other = addSegment(doc, { name: 'Other' }, me);
    const otherStage = addStage(doc, other, { name: 'O' }, me);
    const ids = () => readBoard(doc).segments[0]!.stages.map((s) => s.id);
    expectOneTransaction(doc, me, () => moveStage(doc, stageC, 0, me));
    expect(ids()).toEqual([stageC, stageA, stageB]);
    moveStage(doc, stageC, 2, me);
    expect(ids()).toEqual([stageA, stageB, stageC]);
    moveStage(doc, stageA, 1, me);
    expect(ids()).toEqual([stageB, stageA, stageC]);
    expect(readBoard(doc).segments[1]!.stages.map((s) => s.id)).toEqual([otherStage]);
    expect(readBoard(doc).stagesById.get(stageA)!.segmentId).toBe(segmentId);
    expectRejected(doc, () => moveStage(doc, 'nope', 0, me), 'not-found');
  });

  it('moveStage lands at the index even when neighbours tie on order', () => {
    const { doc, segmentId, stageA, stageB } = smallBoard();
    const stageC = addStage(doc, segmentId, { name: 'C' }, me);
    // Simulate two stages that were appended concurrently with the same order.
    doc.getMap<Y.Map<unknown>>(ROOT.stages).get(stageB)!.set('order', 1);
    const tied = readBoard(doc).segments[0]!.stages.map((s) => s.id).slice(0, 2);
    expect(tied.sort()).toEqual([stageA, stageB].sort());
    moveStage(doc, stageC, 1, me);
    expect(readBoard(doc).segments[0]!.stages.map((s) => s.id)).toEqual([tied[0], stageC, tied[1]]);
  });

  it('removeStage removes the stage and its notes in one transaction', () => {
    const { doc, stageA, stageB } = smallBoard();
    addNote(doc, { stageId: stageA, text: 'gone' }, ALICE, me);
    addNote(doc, { stageId: stageA, text: 'gone too' }, ALICE, me);
    const kept = addNote(doc, { stageId: stageB, text: 'kept' }, ALICE, me);
    expectOneTransaction(doc, me, () => removeStage(doc, stageA, me));
    const board = readBoard(doc);
    expect([...board.stagesById.keys()]).toEqual([stageB]);
    expect([...board.notesById.keys()]).toEqual([kept]);
    expect(board.orphanNotes).toEqual([]);
    expect(board.problems).toEqual([]);
    expectRejected(doc, () => removeStage(doc, stageA, me), 'not-found');
  });
});
