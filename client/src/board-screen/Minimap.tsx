import { useEffect, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardLayout } from '../board-base/layout.js';
import { contains, visibleRect } from '../board-base/cull.js';
import { fitViewport, PHONE_WIDTH, type Viewport } from '../board-base/useViewport.js';
import { NOTE_STYLE } from '../board-base/noteStyle.js';

/** Largest size of the minimap, in CSS pixels. */
const MAX_W = 220;
const MAX_H = 160;
/** A board is "large" when seeing it whole takes a zoom below this: then the minimap helps. */
const LARGE_BELOW = 0.45;

/** Whether a minimap is worth showing: a laptop or bigger, a large board, not all of it in view. */
export function minimapWanted(layout: BoardLayout, v: Viewport, width: number, height: number): boolean {
  if (width < PHONE_WIDTH || layout.stages.length === 0) return false;
  if (fitViewport(layout.bounds, width, height).scale >= LARGE_BELOW) return false;
  return !contains(visibleRect(v, width, height), layout.bounds);
}

/**
 * The whole board small in a corner with the part in view outlined: click or
 * drag in it to move the view there (the zoom stays). Drawn on a plain canvas:
 * the board once per layout change, the outline on each view change.
 */
export function Minimap({ layout, viewport, width, height, onCentre }: {
  layout: BoardLayout;
  viewport: Viewport;
  /** The canvas's size on screen. */
  width: number;
  height: number;
  /** Move the view so this world point is in the middle. */
  onCentre: (x: number, y: number) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const { bounds } = layout;
  const k = Math.min(MAX_W / Math.max(1, bounds.w), MAX_H / Math.max(1, bounds.h));
  const w = Math.max(1, Math.round(bounds.w * k));
  const h = Math.max(1, Math.round(bounds.h * k));

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = w * dpr;
    canvas.height = h * dpr;
    ctx.setTransform(dpr * k, 0, 0, dpr * k, -bounds.x * k * dpr, -bounds.y * k * dpr);
    ctx.fillStyle = '#e8edf3';
    ctx.fillRect(bounds.x, bounds.y, bounds.w, bounds.h);
    for (const lane of layout.lanes) {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(lane.x, lane.y, lane.w, lane.h);
      ctx.fillStyle = lane.segment.color;
      ctx.fillRect(lane.header.x, lane.header.y, lane.header.w, lane.header.h);
    }
    ctx.fillStyle = '#f1f5f9';
    for (const s of layout.stages) ctx.fillRect(s.x, s.y, s.w, s.h);
    for (const n of layout.notes) {
      ctx.fillStyle = NOTE_STYLE[n.note.kind].edge;
      ctx.fillRect(n.x, n.y, n.w, n.h);
    }
    // The part in view.
    const r = visibleRect(viewport, width, height);
    ctx.strokeStyle = '#0284c7';
    ctx.lineWidth = 2 / k;
    ctx.fillStyle = 'rgba(2, 132, 199, 0.12)';
    ctx.fillRect(r.x, r.y, r.w, r.h);
    ctx.strokeRect(r.x, r.y, r.w, r.h);
  }, [layout, bounds, viewport, width, height, k, w, h]);

  const centreAt = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    onCentre(bounds.x + (e.clientX - box.left) / k, bounds.y + (e.clientY - box.top) / k);
  };

  return (
    <canvas ref={ref} className="minimap" data-testid="minimap" style={{ width: w, height: h }}
      role="img" aria-label={t('minimap.label')} title={t('minimap.help')}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        centreAt(e);
      }}
      onPointerMove={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) centreAt(e);
      }} />
  );
}
