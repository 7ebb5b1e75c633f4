import { useCallback, useState } from 'react';
import type { Rect } from './layout.js';

/** Screen = world * scale + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  scale: number;
}

export const MIN_SCALE = 0.08;
export const MAX_SCALE = 3;

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

export function worldToScreen(v: Viewport, x: number, y: number): { x: number; y: number } {
  return { x: x * v.scale + v.x, y: y * v.scale + v.y };
}

export function screenToWorld(v: Viewport, x: number, y: number): { x: number; y: number } {
  return { x: (x - v.x) / v.scale, y: (y - v.y) / v.scale };
}

/** Zoom by `factor` keeping the screen point (px, py) fixed. */
export function zoomAround(v: Viewport, px: number, py: number, factor: number): Viewport {
  const scale = clampScale(v.scale * factor);
  const world = screenToWorld(v, px, py);
  return { scale, x: px - world.x * scale, y: py - world.y * scale };
}

/** Whole board visible with a margin; at most 1:1 so a small board is not blown up. */
export function fitViewport(bounds: Rect, width: number, height: number, margin = 24): Viewport {
  if (bounds.w <= 0 || bounds.h <= 0 || width <= 0 || height <= 0) return { x: margin, y: margin, scale: 1 };
  const scale = clampScale(Math.min((width - margin * 2) / bounds.w, (height - margin * 2) / bounds.h, 1));
  return {
    scale,
    x: (width - bounds.w * scale) / 2 - bounds.x * scale,
    // Top-aligned: boards grow downwards as notes are added.
    y: margin - bounds.y * scale,
  };
}

/** Below this width the first view is a readable close-up, not the whole board. */
export const PHONE_WIDTH = 720;

/**
 * The first view of a board: the whole board on laptops and projectors; on a
 * phone, the first stage at a readable zoom (the whole board would be ~10%).
 */
export function initialViewport(bounds: Rect, firstStage: Rect | undefined, width: number, height: number): Viewport {
  if (width >= PHONE_WIDTH || !firstStage) return fitViewport(bounds, width, height);
  const margin = 12;
  const scale = clampScale(Math.min(1, (width - margin * 2) / firstStage.w));
  return { scale, x: margin - firstStage.x * scale, y: margin - firstStage.y * scale };
}

export function useViewport() {
  const [viewport, setViewport] = useState<Viewport>({ x: 24, y: 24, scale: 0.5 });
  const zoomAt = useCallback((px: number, py: number, factor: number) => {
    setViewport((v) => zoomAround(v, px, py, factor));
  }, []);
  return { viewport, setViewport, zoomAt };
}
