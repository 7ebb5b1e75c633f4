import type { SpotlightTarget } from '../../../shared/src/index.js';
import { stageAt, type BoardLayout } from '../board-base/layout.js';

/** Where the list goes for a spotlight: a segment, maybe one of its stages, and the name to tell people. */
export interface ListPlace {
  segmentId: string;
  /** Absent for a whole segment: the list keeps its stage there, or shows the first. */
  stageId?: string;
  name: string;
}

/**
 * The list's equivalent of a spotlight target. A "Bring everyone here"
 * viewport becomes the stage under its centre, or the nearest stage when the
 * centre is on empty canvas, so a list never lands nowhere.
 */
export function spotlightPlace(layout: BoardLayout, target: SpotlightTarget): ListPlace | undefined {
  if (target.kind === 'segment') {
    const lane = layout.lanes.find((l) => l.segment.id === target.id);
    return lane ? { segmentId: lane.segment.id, name: lane.segment.name } : undefined;
  }
  const box = target.kind === 'stage'
    ? layout.stagesById.get(target.id)
    : stageAt(layout, target.x, target.y) ?? nearest(layout, target.x, target.y);
  return box ? { segmentId: box.segmentId, stageId: box.stage.id, name: box.stage.name } : undefined;
}

function nearest(layout: BoardLayout, x: number, y: number) {
  let best: (typeof layout.stages)[number] | undefined;
  let bestDistance = Infinity;
  for (const s of layout.stages) {
    const d = Math.hypot(s.x + s.w / 2 - x, s.y + s.h / 2 - y);
    if (d < bestDistance) {
      bestDistance = d;
      best = s;
    }
  }
  return best;
}
