import { useEffect, type RefObject } from 'react';
import Konva from 'konva';
import type { Note } from '../../../shared/src/index.js';
import { CURSORS_SHAPE, type DrawnCursor } from '../presence/CursorsLayer.js';
import type { BoardLayout, Rect } from '../board-base/layout.js';
import type { SharedView } from '../board-base/sharedView.js';
import { installTestHook, type DrawnText } from './testHook.js';
import type { BoardConnection } from '../sync/useBoardSync.js';
import { worldToScreen, type Viewport } from '../board-base/useViewport.js';

/** The canvas's top-left corner in the page: world points are drawn relative to it. */
function canvasOrigin(): { left: number; top: number } {
  const host = document.querySelector('[data-testid="board-canvas"]')?.getBoundingClientRect();
  return { left: host?.left ?? 0, top: host?.top ?? 0 };
}

/** A world rectangle in page coordinates. */
function toScreenRect(v: Viewport, r: Rect | undefined): Rect | undefined {
  if (!r) return undefined;
  const o = canvasOrigin();
  const p = worldToScreen(v, r.x, r.y);
  return { x: p.x + o.left, y: p.y + o.top, w: r.w * v.scale, h: r.h * v.scale };
}

/** Konva texts drawn and on screen, with their on-screen font size (TabellaTestHook.texts). */
function drawnTexts(): DrawnText[] {
  const stage = Konva.stages[0];
  if (!stage) return [];
  const o = canvasOrigin();
  const out: DrawnText[] = [];
  for (const node of stage.find<Konva.Text>('Text')) {
    if (!node.isVisible() || node.opacity() === 0) continue;
    const lines = node.textArr.map((l) => l.text).filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const r = node.getClientRect();
    if (r.x + r.width <= 0 || r.y + r.height <= 0 || r.x >= stage.width() || r.y >= stage.height()) continue;
    out.push({
      text: lines.join(' '),
      px: node.fontSize() * Math.abs(node.getAbsoluteScale().y),
      rect: { x: r.x + o.left, y: r.y + o.top, w: r.width, h: r.height },
    });
  }
  return out;
}

/**
 * window.__tabella for browser tests (testHook.ts). Installed once per
 * connection; everything is read through refs when a test calls it, so it
 * always answers about the board as drawn now.
 */
export function useBoardTestHook(connection: BoardConnection, refs: {
  drafts: RefObject<Note[]>;
  view: RefObject<SharedView | undefined>;
  viewport: RefObject<Viewport>;
  layout: RefObject<BoardLayout>;
}): void {
  useEffect(() => installTestHook({
    snapshot: () => connection.reader.snapshot(),
    drafts: () => refs.drafts.current,
    view: () => refs.view.current,
    worldToScreen: (x, y) => {
      const o = canvasOrigin();
      const p = worldToScreen(refs.viewport.current, x, y);
      return { x: p.x + o.left, y: p.y + o.top };
    },
    noteRect: (id) => toScreenRect(refs.viewport.current, refs.layout.current.notesById.get(id)),
    stageRect: (id) => toScreenRect(refs.viewport.current, refs.layout.current.stagesById.get(id)),
    cursors: () =>
      ((Konva.stages[0]?.findOne(`.${CURSORS_SHAPE}`)?.getAttr('cursors') ?? []) as DrawnCursor[])
        .map(({ name, x, y }) => ({ name, x, y })),
    texts: drawnTexts,
  // The refs are stable; only a new connection needs a new hook.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [connection]);
}
