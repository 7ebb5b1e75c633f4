/**
 * Where a shared view lands (pure): the stage or segment under its centre,
 * for "The facilitator brought you to …", and a centre kept on the board so
 * a follower never lands on empty canvas. Every screen computes the place
 * from the spotlight's centre (SharedView x, y: a world point) and its own
 * layout, so the spotlight itself carries no stage id.
 */
import type { BoardLayout, LaneBox, Rect, StageBox } from './layout.js';
import { fromSharedView, type SharedView, type Size } from './sharedView.js';

export interface Place {
  /** The stage under the centre (or nearest to it, in the lane under it), if any. */
  stageId?: string;
  segmentId: string;
  /** What to call it: the stage's name, or the segment's when the centre is on its header. */
  name: string;
}

const inside = (r: Rect, x: number, y: number) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;

/** The stage or segment at a world point; the nearest lane's when the point is between lanes. */
export function placeAt(layout: BoardLayout, x: number, y: number): Place | undefined {
  const stage = layout.stages.find((s) => inside(s, x, y));
  if (stage) {
    return { stageId: stage.stage.id, segmentId: stage.segmentId, name: stage.stage.name };
  }
  const away = (l: LaneBox) => (y >= l.y && y <= l.y + l.h ? 0 : Math.min(Math.abs(l.y - y), Math.abs(l.y + l.h - y)));
  const lane = layout.lanes.reduce<LaneBox | undefined>((best, l) => (!best || away(l) < away(best) ? l : best), undefined);
  if (!lane) return undefined;
  if (x <= lane.header.x + lane.header.w) return { segmentId: lane.segment.id, name: lane.segment.name };
  // Beside the stages of the lane: the nearest one.
  const near = layout.stages.filter((s) => s.segmentId === lane.segment.id)
    .reduce<StageBox | undefined>((best, s) => {
      const d = Math.abs(s.x + s.w / 2 - x);
      return !best || d < Math.abs(best.x + best.w / 2 - x) ? s : best;
    }, undefined);
  return near
    ? { stageId: near.stage.id, segmentId: lane.segment.id, name: near.stage.name }
    : { segmentId: lane.segment.id, name: lane.segment.name };
}

/**
 * The view with its centre moved back towards the board when it would show
 * mostly empty canvas: at least a quarter of the screen's width and height
 * stays on the board. A view already on the board is returned unchanged.
 */
export function keepOnBoard(view: SharedView, bounds: Rect, size: Size): SharedView {
  if (bounds.w <= 0 || bounds.h <= 0 || size.width <= 0) return view;
  const { scale } = fromSharedView(view, size);
  const slackX = size.width / scale / 4;
  const slackY = size.height / scale / 4;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const x = clamp(view.x, bounds.x - slackX, bounds.x + bounds.w + slackX);
  const y = clamp(view.y, bounds.y - slackY, bounds.y + bounds.h + slackY);
  return x === view.x && y === view.y ? view : { ...view, x, y };
}
