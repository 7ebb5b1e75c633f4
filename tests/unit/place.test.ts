import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, addSegment, addStage, localOrigin, readBoard } from '../../shared/src/index.js';
import { layoutBoard } from '../../client/src/board-base/layout.js';
import { keepOnBoard, placeAt } from '../../client/src/board-base/place.js';
import { fromSharedView, toSharedView } from '../../client/src/board-base/sharedView.js';

function board() {
  const doc = new Y.Doc();
  const o = localOrigin('f');
  const seg = addSegment(doc, { name: 'Key accounts', description: '' }, o);
  const s1 = addStage(doc, seg, { name: 'Qualify', buyerStep: '' }, o);
  const s2 = addStage(doc, seg, { name: 'Quote fast and right', buyerStep: '' }, o);
  addNote(doc, { stageId: s2, text: 'x', kind: 'action' }, { id: 'f', name: 'F', department: '' }, o);
  return { layout: layoutBoard(readBoard(doc)), seg, s1, s2 };
}

describe('where "bring everyone here" lands', () => {
  it('names the stage under the centre, the segment on its header, the nearest stage beside them', () => {
    const { layout, seg, s2 } = board();
    const stage = layout.stagesById.get(s2)!;
    expect(placeAt(layout, stage.x + 10, stage.y + 10)).toEqual({ stageId: s2, segmentId: seg, name: 'Quote fast and right' });
    const lane = layout.lanes[0]!;
    expect(placeAt(layout, lane.header.x + 5, lane.header.y + 5)).toEqual({ segmentId: seg, name: 'Key accounts' });
    // Far to the right of the last stage, and below the board: still the nearest stage.
    expect(placeAt(layout, layout.bounds.w + 5000, lane.y + 50)?.stageId).toBe(s2);
    expect(placeAt(layout, stage.x + 10, layout.bounds.h + 3000)?.stageId).toBe(s2);
  });

  it('moves a view of empty canvas back onto the board, and leaves a view of the board alone', () => {
    const { layout } = board();
    const size = { width: 1440, height: 900 };
    const onBoard = toSharedView({ x: 0, y: 0, scale: 1 }, size);
    expect(keepOnBoard(onBoard, layout.bounds, size)).toBe(onBoard);
    const lost = { x: layout.bounds.w + 20_000, y: -9000, scale: onBoard.scale };
    const kept = keepOnBoard(lost, layout.bounds, size);
    const v = fromSharedView(kept, size);
    // At least a quarter of the screen shows the board.
    const left = (layout.bounds.x + layout.bounds.w) * v.scale + v.x;
    const top = layout.bounds.y * v.scale + v.y;
    expect(left).toBeGreaterThanOrEqual(size.width / 4 - 1);
    expect(top).toBeLessThanOrEqual((size.height * 3) / 4 + 1);
  });
});
