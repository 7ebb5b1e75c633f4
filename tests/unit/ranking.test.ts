import { describe, expect, it } from 'vitest';
import { addNote, rankBoard, rankStage, readBoard, roots } from '../../shared/src/index.js';
import { ALICE, me, smallBoard } from './helpers.js';

/** Dots written straight into `votes` (the ranking reads totals, whoever cast them). */
function dots(doc: ReturnType<typeof smallBoard>['doc'], noteId: string, counts: number[]): void {
  counts.forEach((count, i) => roots(doc).votes.set(`${noteId}:m${i}`, count));
}

describe('ranking by dots', () => {
  it('ranks most dots first, shares a rank between ties and skips the next (1, 1, 3), in reading order within a tie', () => {
    const b = smallBoard();
    const a1 = addNote(b.doc, { stageId: b.stageA, text: 'a1' }, ALICE, me);
    const a2 = addNote(b.doc, { stageId: b.stageA, text: 'a2' }, ALICE, me);
    const b1 = addNote(b.doc, { stageId: b.stageB, text: 'b1' }, ALICE, me);
    const b2 = addNote(b.doc, { stageId: b.stageB, text: 'b2' }, ALICE, me);
    dots(b.doc, a2, [2, 1]);
    dots(b.doc, b1, [3]);
    dots(b.doc, b2, [1]);
    const board = rankBoard(readBoard(b.doc));
    expect(board.map((r) => [r.note.id, r.votes, r.rank, r.tied])).toEqual([
      [a2, 3, 1, true], [b1, 3, 1, true], [b2, 1, 3, false], [a1, 0, 4, false],
    ]);
    expect(rankStage(readBoard(b.doc), b.stageB).map((r) => [r.note.id, r.rank, r.tied])).toEqual([[b1, 1, false], [b2, 2, false]]);
    expect(rankStage(readBoard(b.doc), 'no-such-stage')).toEqual([]);
  });

  it('leaves out votes on notes that are gone and counts every dot of every member', () => {
    const b = smallBoard();
    const n = addNote(b.doc, { stageId: b.stageA, text: 'n' }, ALICE, me);
    roots(b.doc).votes.set('gone:m1', 5);
    dots(b.doc, n, [1, 1, 1]);
    expect(rankBoard(readBoard(b.doc)).map((r) => [r.note.id, r.votes, r.rank])).toEqual([[n, 3, 1]]);
  });
});
