import { describe, expect, it } from 'vitest';
import { NOTCH_DELTA, ZOOM_STEPS, wheelZoom, zoomStep } from '../../client/src/board-base/zoomSteps.js';
import { MAX_SCALE, MIN_SCALE } from '../../client/src/board-base/useViewport.js';

describe('zoom steps', () => {
  it('walks the steps in and out, one at a time', () => {
    const seen = [0.25];
    while (seen.at(-1)! < 3) seen.push(zoomStep(seen.at(-1)!, 1));
    expect(seen).toEqual([0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3]);
    const back = [3];
    while (back.at(-1)! > 0.25) back.push(zoomStep(back.at(-1)!, -1));
    expect(back).toEqual([...seen].reverse());
  });

  it('goes from any zoom to the nearest step beyond it, never staying put', () => {
    expect(zoomStep(0.26, 1)).toBe(0.33);
    expect(zoomStep(0.26, -1)).toBe(0.25);
    // Within 2% of a step counts as on it: a fitted 24.9% zooms in to 33%, not to 25%.
    expect(zoomStep(0.249, 1)).toBe(0.33);
    expect(zoomStep(1.01, -1)).toBe(0.8);
    for (const s of ZOOM_STEPS) {
      if (s < MAX_SCALE) expect(zoomStep(s, 1)).toBeGreaterThan(s);
      expect(zoomStep(s, -1)).toBeLessThan(s);
    }
  });

  it('stops at the zoom limits', () => {
    expect(zoomStep(3, 1)).toBe(MAX_SCALE);
    expect(zoomStep(0.1, -1)).toBe(MIN_SCALE);
  });

  it('one mouse wheel notch is one step (the old wheel jumped 26% -> 69% -> 189%)', () => {
    expect(wheelZoom(0.26, -100)).toBe(0.33);
    expect(wheelZoom(0.33, -100)).toBe(0.5);
    expect(wheelZoom(1, 100)).toBe(0.8);
    expect(wheelZoom(1, -NOTCH_DELTA)).toBe(1.25);
    // Two notches in one event (a fast wheel): two steps.
    expect(wheelZoom(1, -200)).toBe(1.5);
    // Line deltas (deltaMode 1): a notch whatever the number.
    expect(wheelZoom(1, -3, 1)).toBe(1.25);
  });

  it('a trackpad pinch (small deltas) zooms smoothly, not by steps', () => {
    const z = wheelZoom(1, -4);
    expect(z).toBeGreaterThan(1);
    expect(z).toBeLessThan(1.05);
    expect(wheelZoom(1, 2.5)).toBeCloseTo(Math.exp(-0.025), 6);
    expect(wheelZoom(0.5, 0)).toBe(0.5);
    expect(wheelZoom(MAX_SCALE, -10)).toBe(MAX_SCALE);
  });
});
