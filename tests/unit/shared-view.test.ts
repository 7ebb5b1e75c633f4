import { describe, expect, it } from 'vitest';
import { fromSharedView, readSharedView, toSharedView } from '../../client/src/board-base/sharedView.js';

/** The world rectangle a viewport shows on a screen of that size. */
function shown(v: { x: number; y: number; scale: number }, size: { width: number; height: number }) {
  return { x: -v.x / v.scale, y: -v.y / v.scale, w: size.width / v.scale, h: size.height / v.scale };
}

describe('a view shared with followers', () => {
  const laptop = { width: 1440, height: 790 };
  const view = { x: -200, y: 40, scale: 0.3 };
  const sent = toSharedView(view, laptop);
  const seen = shown(view, laptop);

  it('shows a follower with a wider screen at least what the sender sees, around the same centre', () => {
    // A projector under the presentation bar: wider for its height than the laptop.
    const projector = { width: 1920, height: 950 };
    const got = shown(fromSharedView(sent, projector), projector);
    expect(got.w).toBeGreaterThanOrEqual(seen.w - 1);
    expect(got.h).toBeGreaterThanOrEqual(seen.h - 1);
    expect(got.x + got.w / 2).toBeCloseTo(seen.x + seen.w / 2, 0);
    expect(got.y + got.h / 2).toBeCloseTo(seen.y + seen.h / 2, 0);
  });

  it('keeps the width rule for a taller follower (a phone shows the same width, more height)', () => {
    const phone = { width: 390, height: 700 };
    const got = shown(fromSharedView(sent, phone), phone);
    expect(Math.abs(got.w - seen.w) / seen.w).toBeLessThan(0.001);
    expect(got.h).toBeGreaterThan(seen.h);
  });

  it('reads a view without a height (a spotlight, an older client) and ignores a malformed height', () => {
    expect(readSharedView({ x: 1, y: 2, scale: 0.5 })).toEqual({ x: 1, y: 2, scale: 0.5 });
    expect(readSharedView({ x: 1, y: 2, scale: 0.5, h: -3 })).toEqual({ x: 1, y: 2, scale: 0.5 });
    expect(readSharedView({ x: 1, y: 2, scale: 0.5, h: 800 })).toEqual({ x: 1, y: 2, scale: 0.5, h: 800 });
    expect(readSharedView({ x: 1, y: 2, scale: 0 })).toBeUndefined();
  });
});
