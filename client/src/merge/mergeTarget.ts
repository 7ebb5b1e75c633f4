import type { BoardLayout } from '../board-base/layout.js';

/**
 * The note a dragged note would merge into: the one whose inner area (the
 * note minus a quarter of its size on each side) holds the dragged note's
 * centre. The margin keeps reordering possible: a drop near a note's edge,
 * or between notes, moves the note as before.
 */
export function mergeTargetAt(layout: BoardLayout, cx: number, cy: number, movingId: string): string | undefined {
  for (const n of layout.notes) {
    if (n.note.id === movingId) continue;
    const mx = n.w / 4;
    const my = n.h / 4;
    if (cx >= n.x + mx && cx <= n.x + n.w - mx && cy >= n.y + my && cy <= n.y + n.h - my) return n.note.id;
  }
  return undefined;
}
