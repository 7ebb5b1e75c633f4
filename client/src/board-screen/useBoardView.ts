import { useCallback, useEffect, useRef, useState, type SetStateAction } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useFollow } from '../presence/useFollow.js';
import { usePublishView } from '../presence/usePublishView.js';
import { type Spotlight } from '../../../shared/src/index.js';
import { useSpotlight } from '../session/useSpotlight.js';
import type { BoardLayout, Rect } from '../board-base/layout.js';
import { fromSharedView, toSharedView, viewportForRect, type SharedView, type Size } from '../board-base/sharedView.js';
import { useViewAnimation } from './useViewAnimation.js';
import { fitViewport, initialViewport, useViewport, zoomAround, type Viewport } from '../board-base/useViewport.js';
import { zoomStep } from '../board-base/zoomSteps.js';
import { keepOnBoard, placeAt, type Place } from '../board-base/place.js';

export interface BoardViewInput {
  layout: BoardLayout;
  synced: boolean;
  awareness: Awareness;
  myId: string;
  spotlight: Spotlight | null;
  /** Segment of our breakout group: the view opens there and moves there when it changes. */
  groupSegmentId: string | undefined;
  /** Viewers on a projector do not publish their view. */
  publish: boolean;
  /** Someone else's spotlight moved us: where to (for a notice), when the place is known. */
  onBrought?: (s: Spotlight, place: Place | undefined) => void;
}

/** First view: the whole board (a close-up on phones), or our group's segment. */
function firstView(l: BoardLayout, groupSegmentId: string | undefined, width: number, height: number): Viewport {
  const lane = groupSegmentId ? l.lanes.find((x) => x.segment.id === groupSegmentId) : undefined;
  if (lane && width >= 720) return viewportForRect(lane, { width, height });
  const first = lane ? l.stages.find((s) => s.segmentId === lane.segment.id) : l.stages[0];
  return initialViewport(l.bounds, first, width, height);
}

/**
 * Where this screen looks: the first fit, our own pan/zoom, and the moves
 * others cause (spotlight, following someone, our breakout group). Any pan or
 * zoom of our own stops following and cancels a move in progress.
 */
export function useBoardView({ layout, synced, awareness, myId, spotlight, groupSegmentId, publish, onBrought }: BoardViewInput) {
  const { viewport, setViewport: setRaw } = useViewport();
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const sizeRef = useRef(size);
  const layoutRef = useRef(layout);
  useEffect(() => {
    layoutRef.current = layout;
  }, [layout]);
  const { animateTo, cancel } = useViewAnimation(setRaw);

  /** Someone else's view, kept on the board (never a screen of empty canvas). */
  const landing = useCallback((view: SharedView) =>
    fromSharedView(keepOnBoard(view, layoutRef.current.bounds, sizeRef.current), sizeRef.current), []);

  const { followed, follow, stop: stopFollow } = useFollow(awareness, (view) => animateTo(landing(view), 300));

  /** Our own pan and zoom: stop following, stop any animation. */
  const setViewport = useCallback((next: SetStateAction<Viewport>) => {
    cancel();
    stopFollow();
    setRaw(next);
  }, [cancel, stopFollow, setRaw]);

  const rectView = useCallback((r: Rect) => viewportForRect(r, sizeRef.current), []);

  const targetOf = useCallback((s: Spotlight): Viewport | undefined => {
    const l = layoutRef.current;
    const t = s.target;
    if (t.kind === 'viewport') return landing(t);
    if (t.kind === 'segment') {
      const lane = l.lanes.find((x) => x.segment.id === t.id);
      return lane ? rectView(lane) : undefined;
    }
    const stage = l.stagesById.get(t.id);
    return stage ? rectView(stage) : undefined;
  }, [rectView, landing]);

  /** The place a spotlight takes us to: its stage or segment, or what lies under its centre. */
  const placeOf = (s: Spotlight): Place | undefined => {
    const l = layoutRef.current;
    const t = s.target;
    if (t.kind === 'viewport') {
      const c = keepOnBoard(t, l.bounds, sizeRef.current);
      return placeAt(l, c.x, c.y);
    }
    if (t.kind === 'segment') {
      const lane = l.lanes.find((x) => x.segment.id === t.id);
      return lane && { segmentId: lane.segment.id, name: lane.segment.name };
    }
    const stage = l.stagesById.get(t.id);
    return stage && { stageId: stage.stage.id, segmentId: stage.segmentId, name: stage.stage.name };
  };

  useSpotlight(spotlight, synced, (s) => {
    if (s.by === myId) return;
    const target = targetOf(s);
    if (!target) return;
    stopFollow();
    animateTo(target);
    onBrought?.(s, placeOf(s));
  });

  // The first view, set while rendering (React's "adjusting state when a prop changes"), not in an
  // effect: the render that first holds the board must not lay out its notes at the placeholder
  // zoom first. With 300 notes that built and measured some 60 full notes, thrown away a frame later.
  const [fitted, setFitted] = useState(false);
  if (!fitted && size.width > 0 && (layout.stages.length > 0 || synced)) {
    setFitted(true);
    setRaw(firstView(layout, groupSegmentId, size.width, size.height));
  }

  // A new breakout group after the first view: take us there.
  const lastGroup = useRef(groupSegmentId);
  useEffect(() => {
    if (groupSegmentId === lastGroup.current || !synced) return;
    lastGroup.current = groupSegmentId;
    const lane = layout.lanes.find((x) => x.segment.id === groupSegmentId);
    if (lane && fitted) {
      stopFollow();
      animateTo(rectView(lane));
    }
  }, [groupSegmentId, synced, layout, animateTo, rectView, stopFollow, fitted]);

  const onSize = useCallback((width: number, height: number) => {
    sizeRef.current = { width, height };
    setSize({ width, height });
  }, []);

  const shared: SharedView | undefined = size.width > 0 ? toSharedView(viewport, size) : undefined;
  usePublishView(awareness, publish ? shared : undefined);

  const fit = useCallback(() => {
    setViewport(fitViewport(layoutRef.current.bounds, sizeRef.current.width, sizeRef.current.height));
  }, [setViewport]);
  /** One zoom step in or out (zoomSteps.ts), around the centre of the screen. */
  const zoomStepBy = useCallback((direction: 1 | -1) => {
    setViewport((v) => zoomAround(v, sizeRef.current.width / 2, sizeRef.current.height / 2, zoomStep(v.scale, direction) / v.scale));
  }, [setViewport]);
  /** Animate to a world rectangle (our own spotlight of a segment or stage). */
  const showRect = useCallback((r: Rect) => {
    stopFollow();
    animateTo(rectView(r));
  }, [animateTo, rectView, stopFollow]);

  return {
    viewport, setViewport, size, sizeRef, onSize, fit, zoomStepBy, showRect, shared,
    followed, follow, stopFollow,
  };
}
