import { useMemo } from 'react';
import type Konva from 'konva';
import type { Context } from 'konva/lib/Context';
import { Layer, Shape } from 'react-konva';
import type { Awareness } from 'y-protocols/awareness';
import { usePeers } from './usePresence.js';

const ARROW_PATH = 'M0 0 L0 22 L6 16 L11 27 L15 25 L10 15 L18 15 Z';
let arrow: Path2D | undefined;
const LABEL_FONT = 'bold 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** One remote pointer as drawn: board position, name and colour. */
export interface DrawnCursor {
  name: string;
  color: string;
  x: number;
  y: number;
}

/** Name of the shape; its `cursors` attribute holds what it draws (for the test hook). */
export const CURSORS_SHAPE = 'cursors';

function drawCursors(context: Context, shape: Konva.Shape): void {
  const cursors = shape.getAttr('cursors') as DrawnCursor[];
  const ctx = context._context;
  arrow ??= new Path2D(ARROW_PATH);
  // Constant screen size whatever the zoom: undo the board's scale around each cursor.
  const inv = 1 / (shape.getAbsoluteScale().x || 1);
  ctx.font = LABEL_FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#ffffff';
  for (const c of cursors) {
    ctx.save();
    ctx.translate(c.x, c.y);
    ctx.scale(inv, inv);
    ctx.fillStyle = c.color;
    ctx.fill(arrow);
    ctx.stroke(arrow);
    const w = Math.ceil(ctx.measureText(c.name).width) + 16;
    ctx.beginPath();
    ctx.roundRect(14, 26, w, 24, 12);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.fillText(c.name, 14 + w / 2, 38);
    ctx.restore();
  }
}

/**
 * Other people's pointers: one not-listening layer with one shape that draws
 * every cursor (arrow and name pill), at a constant screen size.
 */
export function CursorsLayer({ awareness }: { awareness: Awareness }) {
  const peers = usePeers(awareness);
  // Our own pointer changes the awareness too: the same list (no redraw) while no remote cursor moved.
  const drawn: DrawnCursor[] = [];
  for (const { presence, self } of peers) {
    if (self || !presence.cursor) continue;
    drawn.push({ name: presence.user.name || '…', color: presence.user.color, x: presence.cursor.x, y: presence.cursor.y });
  }
  const sig = JSON.stringify(drawn);
  const cursors = useMemo(() => JSON.parse(sig) as DrawnCursor[], [sig]);
  return (
    <Layer listening={false}>
      <Shape name={CURSORS_SHAPE} cursors={cursors} sceneFunc={drawCursors} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
