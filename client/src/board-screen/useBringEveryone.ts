import { useCallback, type RefObject } from 'react';
import { setSpotlight, type SpotlightTarget } from '../../../shared/src/index.js';
import type { BoardActions } from '../board-base/BoardContext.js';
import type { BoardLayout, Rect } from '../board-base/layout.js';
import { serverNow } from '../session/useServerClock.js';

/**
 * Facilitator: moves everyone's view to a target. The spotlight is stamped
 * with the server's clock (our offset applied) so every device agrees which
 * spotlight is newest. Our own view follows for segments and stages; for a
 * viewport target it already is our view ("bring everyone here").
 */
export function useBringEveryone(
  run: BoardActions['run'], myId: string, clockOffset: number,
  layoutRef: RefObject<BoardLayout>, showRect: (r: Rect) => void,
): (target: SpotlightTarget) => void {
  return useCallback((target: SpotlightTarget) => {
    run((d, o) => setSpotlight(d, target, myId, serverNow(clockOffset), o));
    if (target.kind === 'segment') {
      const lane = layoutRef.current.lanes.find((l) => l.segment.id === target.id);
      if (lane) showRect(lane);
    } else if (target.kind === 'stage') {
      const stage = layoutRef.current.stagesById.get(target.id);
      if (stage) showRect(stage);
    }
  }, [run, myId, clockOffset, layoutRef, showRect]);
}
