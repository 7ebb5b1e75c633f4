import { Layer, Rect } from 'react-konva';
import type { Rect as Box } from '../board-base/layout.js';

/** Gap between the focused note or stage and its ring, board units. */
const GAP = 6;

/**
 * The keyboard focus on the canvas (useBoardKeyboard.ts): a thick dark-blue
 * ring with a white halo, so it shows on every note colour and on the board's
 * background, at a constant screen width whatever the zoom.
 */
export function FocusRingLayer({ box }: { box: Box | undefined }) {
  if (!box) return null;
  const r = { x: box.x - GAP, y: box.y - GAP, width: box.w + GAP * 2, height: box.h + GAP * 2, cornerRadius: 10 };
  return (
    <Layer listening={false} name="focus-ring">
      <Rect {...r} stroke="#ffffff" strokeWidth={8} strokeScaleEnabled={false} listening={false} />
      <Rect {...r} stroke="#1d4ed8" strokeWidth={4} strokeScaleEnabled={false} listening={false} />
    </Layer>
  );
}
