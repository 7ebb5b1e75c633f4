import type { SpotlightTarget } from '../../../shared/src/index.js';
import type { BoardLayout } from '../board-base/layout.js';
import { placeAt } from '../board-base/place.js';

/** Where the list goes for a spotlight: a segment, maybe one of its stages, and the name to tell people. */
export interface ListPlace {
  segmentId: string;
  /** Absent for a whole segment: the list keeps its stage there, or shows the first. */
  stageId?: string;
  name: string;
}

/**
 * The list's equivalent of a spotlight target. A "Bring everyone here"
 * viewport becomes the stage under its centre, or the nearest one when the
 * centre is on empty canvas (placeAt), so a list never lands nowhere.
 */
export function spotlightPlace(layout: BoardLayout, target: SpotlightTarget): ListPlace | undefined {
  if (target.kind === 'segment') {
    const lane = layout.lanes.find((l) => l.segment.id === target.id);
    return lane ? { segmentId: lane.segment.id, name: lane.segment.name } : undefined;
  }
  if (target.kind === 'stage') {
    const box = layout.stagesById.get(target.id);
    return box ? { segmentId: box.segmentId, stageId: box.stage.id, name: box.stage.name } : undefined;
  }
  // The canvas names the same place in its notice (board-base/place.ts).
  return placeAt(layout, target.x, target.y);
}
