/**
 * Zoom by steps people recognise (pure, so it is cheap to test). The zoom
 * buttons, Ctrl+plus/minus and one Ctrl+wheel notch of a mouse each move one
 * step; a trackpad pinch (Ctrl+wheel with small deltas) and a touch pinch zoom
 * continuously. Below 25% the steps go on down to MIN_SCALE for large boards
 * seen whole.
 */
import { clampScale, MAX_SCALE, MIN_SCALE } from './useViewport.js';

export const ZOOM_STEPS = [0.1, 0.15, 0.2, 0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3] as const;

/** Zooms within 2% of a step count as being on it (a fitted 0.249 zooms in to 0.33, not to 0.25). */
const SAME = 0.02;

/** The next step in `direction` (+1 in, -1 out) from `scale`, which need not be on a step. */
export function zoomStep(scale: number, direction: 1 | -1): number {
  if (direction > 0) {
    const next = ZOOM_STEPS.find((s) => s > scale * (1 + SAME));
    return next ?? MAX_SCALE;
  }
  const lower = [...ZOOM_STEPS].reverse().find((s) => s < scale * (1 - SAME));
  return lower ?? MIN_SCALE;
}

/**
 * A mouse wheel notch is about 100 pixels (Chrome, Firefox) or a line or more
 * (deltaMode 1); a trackpad pinch sends many small events (|deltaY| of a few
 * pixels). Anything at or above this is a notch.
 */
export const NOTCH_DELTA = 40;

/** Line or page deltas (Firefox on some systems). */
const DOM_DELTA_PIXEL = 0;

/**
 * The zoom after one Ctrl+wheel event: a mouse notch moves one step per
 * notch (deltaY < 0 zooms in); a trackpad pinch zooms smoothly by its delta.
 */
export function wheelZoom(scale: number, deltaY: number, deltaMode = DOM_DELTA_PIXEL): number {
  if (deltaY === 0) return scale;
  if (deltaMode !== DOM_DELTA_PIXEL || Math.abs(deltaY) >= NOTCH_DELTA) {
    const notches = deltaMode !== DOM_DELTA_PIXEL ? 1 : Math.max(1, Math.round(Math.abs(deltaY) / 100));
    let s = scale;
    for (let i = 0; i < notches; i++) s = zoomStep(s, deltaY < 0 ? 1 : -1);
    return s;
  }
  return clampScale(scale * Math.exp(-deltaY * 0.01));
}
