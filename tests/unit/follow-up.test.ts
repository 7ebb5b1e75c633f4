import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  OperationError, addFeedback, initializeBoard, readBoard, removeStage, setCommitment, systemOrigin,
} from '../../shared/src/index.js';

const origin = systemOrigin('test');

function board() {
  const doc = new Y.Doc();
  initializeBoard(doc, { title: 'T', template: 'vision-workshop', language: 'en' }, origin);
  const stages = readBoard(doc).segments.flatMap((s) => s.stages);
  return { doc, stages };
}

describe('commitments (step 6)', () => {
  it('one per stage and department, replaced by a new one, withdrawn with empty text', () => {
    const { doc, stages } = board();
    setCommitment(doc, stages[1]!.id, 'engineering', '  Reference design in 48 h ', 'Head of Engineering', origin, 5);
    setCommitment(doc, stages[0]!.id, 'fae', 'FAE at every first spec review', 'FAE lead', origin, 6);
    setCommitment(doc, stages[1]!.id, 'engineering', 'Reference design in 24 h', 'Head of Engineering', origin, 7);
    let read = readBoard(doc);
    expect(read.problems).toEqual([]);
    expect(read.commitments).toEqual([
      { stageId: stages[0]!.id, department: 'fae', text: 'FAE at every first spec review', byName: 'FAE lead', updatedAt: 6 },
      { stageId: stages[1]!.id, department: 'engineering', text: 'Reference design in 24 h', byName: 'Head of Engineering', updatedAt: 7 },
    ]);
    setCommitment(doc, stages[1]!.id, 'engineering', '   ', '', origin);
    read = readBoard(doc);
    expect(read.commitments.map((c) => c.department)).toEqual(['fae']);
  });

  it('refuses unknown stages, departments and too long text', () => {
    const { doc, stages } = board();
    expect(() => setCommitment(doc, 'nostage', 'fae', 'x', '', origin)).toThrow(OperationError);
    expect(() => setCommitment(doc, stages[0]!.id, 'nodept', 'x', '', origin)).toThrow(OperationError);
    expect(() => setCommitment(doc, stages[0]!.id, 'fae', 'x'.repeat(1001), '', origin)).toThrow(OperationError);
    expect(readBoard(doc).commitments).toEqual([]);
  });
});

describe('feedback (step 7)', () => {
  it('records a rep\'s report with the stage\'s segment, newest first', () => {
    const { doc, stages } = board();
    const segmentId = readBoard(doc).segments[0]!.id;
    const a = addFeedback(doc, { stageId: stages[2]!.id, outcome: 'worked', repName: 'Giulia' }, origin, 10);
    const b = addFeedback(doc, { stageId: stages[2]!.id, outcome: 'blocked', blocker: 'Samples took 3 weeks', department: 'shipping', comment: 'Lost the slot' }, origin, 20);
    const read = readBoard(doc);
    expect(read.problems).toEqual([]);
    expect(read.feedback.map((f) => f.id)).toEqual([b, a]);
    expect(read.feedback[0]).toMatchObject({ segmentId, stageId: stages[2]!.id, outcome: 'blocked', blocker: 'Samples took 3 weeks', department: 'shipping', repName: '' });
  });

  it('refuses a bad outcome or unknown references; removing a stage removes its feedback and commitments', () => {
    const { doc, stages } = board();
    expect(() => addFeedback(doc, { stageId: stages[0]!.id, outcome: 'meh' as 'worked' }, origin)).toThrow(OperationError);
    expect(() => addFeedback(doc, { stageId: 'gone', outcome: 'worked' }, origin)).toThrow(OperationError);
    expect(() => addFeedback(doc, { stageId: stages[0]!.id, outcome: 'worked', department: 'nodept' }, origin)).toThrow(OperationError);
    addFeedback(doc, { stageId: stages[0]!.id, outcome: 'partly' }, origin);
    addFeedback(doc, { stageId: stages[1]!.id, outcome: 'worked' }, origin);
    setCommitment(doc, stages[0]!.id, 'fae', 'FAE at every first spec review', '', origin);
    removeStage(doc, stages[0]!.id, origin);
    const read = readBoard(doc);
    expect(read.feedback.map((f) => f.stageId)).toEqual([stages[1]!.id]);
    expect(read.commitments).toEqual([]);
    expect(read.problems).toEqual([]);
  });
});
