/**
 * Which part of the board is drawn: the visible world rectangle plus a margin,
 * recomputed only when the view leaves it (or zooms far in, or crosses the
 * overview zoom), so panning re-renders the notes a few times per screen
 * width, not on every mouse move. Pure, so it is cheap to test.
 */
import type { Rect } from './layout.js';
import type { Viewport } from './useViewport.js';

/**
 * Below this zoom a note's text is under 7 screen pixels high (17 at 100%):
 * unreadable, so each stage is drawn as a readable summary instead (lod.ts).
 */
export const OVERVIEW_SCALE = 0.4;
/** Extra room on each side of the visible rectangle, as a fraction of its size. */
export const CULL_MARGIN = 0.5;

export interface Cull {
  /** World rectangle whose notes are drawn. */
  rect: Rect;
  /** Zoomed out: stages drawn as summaries, not note by note. */
  overview: boolean;
}

export function visibleRect(v: Viewport, width: number, height: number): Rect {
  return { x: -v.x / v.scale, y: -v.y / v.scale, w: width / v.scale, h: height / v.scale };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The cull for a view: `current` itself while it still fits, so callers can skip re-rendering. */
export function nextCull(current: Cull | undefined, v: Viewport, width: number, height: number): Cull {
  const visible = visibleRect(v, width, height);
  const overview = v.scale < OVERVIEW_SCALE;
  if (current && current.overview === overview && contains(current.rect, visible)
    // Zoomed far in since: the margin would draw many notes for nothing.
    && current.rect.w * current.rect.h <= visible.w * visible.h * (1 + 2 * CULL_MARGIN) ** 2 * 2.5) {
    return current;
  }
  const mx = visible.w * CULL_MARGIN;
  const my = visible.h * CULL_MARGIN;
  return { rect: { x: visible.x - mx, y: visible.y - my, w: visible.w + 2 * mx, h: visible.h + 2 * my }, overview };
}

/** Every note, in full detail: for pictures of the board (exports), whatever the view. */
export const FULL_CULL: Cull = {
  rect: { x: -1e9, y: -1e9, w: 2e9, h: 2e9 },
  overview: false,
};

let fullDraws = 0;
const fullListeners = new Set<() => void>();
let drawnWaiters: (() => void)[] = [];

export function subscribeFullDraw(listener: () => void): () => void {
  fullListeners.add(listener);
  return () => fullListeners.delete(listener);
}

export function fullDrawActive(): boolean {
  return fullDraws > 0;
}

/** Called by the notes layer once it holds every note in full detail. */
export function fullDrawDone(): void {
  const waiters = drawnWaiters;
  drawnWaiters = [];
  for (const w of waiters) w();
}

/**
 * Runs `capture` while the canvas holds every note in full detail (not only
 * those in view, not the zoomed-out rectangles), then goes back to the view.
 */
export async function withFullBoard<T>(capture: () => T): Promise<T> {
  const drawn = new Promise<void>((resolve) => {
    drawnWaiters.push(resolve);
    // No notes layer (empty board): nothing to wait for.
    setTimeout(resolve, 2000);
  });
  fullDraws++;
  fullListeners.forEach((l) => l());
  try {
    await drawn;
    return capture();
  } finally {
    fullDraws--;
    fullListeners.forEach((l) => l());
  }
}
