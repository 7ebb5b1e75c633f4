import type { Rect } from './layout.js';
import { clampScale, type Viewport } from './useViewport.js';

/**
 * A view as other people receive it (awareness `viewport`, spotlight target):
 * `x`, `y` are the world point at the centre of the screen, `scale` the zoom
 * normalised to a REF_WIDTH-pixel-wide screen. A phone and a projector then
 * show the same part of the board (the same width of it) around the same point,
 * whatever their size; raw Konva offsets would not mean anything elsewhere.
 * `h`, when present (a presence view, not a spotlight), is the height of world
 * the sender sees: a follower whose screen is wider for its height (a
 * projector under the presentation bar) zooms out until it shows that height
 * too, so the follower never sees less of the board than the person it follows.
 */
export interface SharedView {
  x: number;
  y: number;
  scale: number;
  h?: number;
}

export const REF_WIDTH = 1000;

export interface Size {
  width: number;
  height: number;
}

export function toSharedView(v: Viewport, size: Size): SharedView {
  const w = Math.max(1, size.width);
  return {
    x: Math.round((size.width / 2 - v.x) / v.scale),
    y: Math.round((size.height / 2 - v.y) / v.scale),
    scale: Number(((v.scale * REF_WIDTH) / w).toFixed(4)),
    h: Math.round(Math.max(1, size.height) / v.scale),
  };
}

export function fromSharedView(s: SharedView, size: Size): Viewport {
  const byWidth = (s.scale * Math.max(1, size.width)) / REF_WIDTH;
  const scale = clampScale(s.h !== undefined && size.height > 0 ? Math.min(byWidth, size.height / s.h) : byWidth);
  return { scale, x: size.width / 2 - s.x * scale, y: size.height / 2 - s.y * scale };
}

/**
 * The viewport showing a world rectangle whole, centred horizontally and at
 * the top (like the first fit: what is below it stays below), at most 1.2:1.
 */
export function viewportForRect(r: Rect, size: Size, margin = 24): Viewport {
  const scale = clampScale(Math.min((size.width - margin * 2) / r.w, (size.height - margin * 2) / r.h, 1.2));
  return { scale, x: size.width / 2 - (r.x + r.w / 2) * scale, y: margin - r.y * scale };
}

export function readSharedView(value: unknown): SharedView | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { x, y, scale, h } = value as Record<string, unknown>;
  if (typeof x !== 'number' || typeof y !== 'number' || typeof scale !== 'number') return undefined;
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(scale) || scale <= 0) return undefined;
  // A malformed height is ignored, not the view: the width alone still places it.
  return typeof h === 'number' && Number.isFinite(h) && h > 0 ? { x, y, scale, h } : { x, y, scale };
}
