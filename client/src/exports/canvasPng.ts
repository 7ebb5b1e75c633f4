import Konva from 'konva';
import type { Rect } from '../board-base/layout.js';
import { withFullBoard } from '../board-base/cull.js';
import { CURSORS_SHAPE } from '../presence/CursorsLayer.js';

/** Browsers refuse canvases much past 16k pixels a side; keep well inside. */
const MAX_SIDE = 12_000;
const MARGIN = 24;

/** The board's Konva stage (the one inside the board canvas host). */
function boardStage(): Konva.Stage | undefined {
  const host = document.querySelector('[data-testid="board-canvas"]');
  return Konva.stages.find((s) => host?.contains(s.container()));
}

/**
 * A PNG (data URL) of a world rectangle of the board, whatever the viewport:
 * the stage is put at scale 1 and origin 0 just for the capture and restored
 * before the browser paints again. Remote cursors are left out. Every note
 * is drawn in full for it, not only those in view (see cull.ts).
 */
export async function boardPng(world: Rect, pixelRatio = 2): Promise<string | undefined> {
  if (!boardStage()) return undefined;
  return withFullBoard(() => capture(world, pixelRatio));
}

function capture(world: Rect, pixelRatio: number): string | undefined {
  const stage = boardStage();
  if (!stage) return undefined;
  const area = { x: world.x - MARGIN, y: world.y - MARGIN, width: world.w + MARGIN * 2, height: world.h + MARGIN * 2 };
  const ratio = Math.min(pixelRatio, MAX_SIDE / Math.max(area.width, area.height));
  const saved = { x: stage.x(), y: stage.y(), sx: stage.scaleX(), sy: stage.scaleY() };
  const cursors = stage.find(`.${CURSORS_SHAPE}`);
  const shown = cursors.map((n) => n.visible());
  try {
    cursors.forEach((n) => n.visible(false));
    stage.position({ x: 0, y: 0 });
    stage.scale({ x: 1, y: 1 });
    // White behind everything: a transparent PNG looks broken in most viewers.
    const bg = new Konva.Layer({ listening: false });
    bg.add(new Konva.Rect({ ...area, fill: '#ffffff' }));
    stage.add(bg);
    bg.moveToBottom();
    try {
      return stage.toDataURL({ ...area, pixelRatio: ratio, mimeType: 'image/png' });
    } finally {
      bg.destroy();
    }
  } finally {
    stage.position({ x: saved.x, y: saved.y });
    stage.scale({ x: saved.sx, y: saved.sy });
    cursors.forEach((n, i) => n.visible(shown[i]));
    stage.batchDraw();
  }
}

/** Decodes a base64 data URL (fetching it would need `data:` in the CSP's connect-src). */
export function dataUrlBlob(dataUrl: string): Blob {
  const [head = '', data = ''] = dataUrl.split(',', 2);
  const type = /^data:([^;]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const bin = atob(data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}
