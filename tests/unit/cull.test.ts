import { describe, expect, it } from 'vitest';
import { CULL_MARGIN, FULL_CULL, OVERVIEW_SCALE, contains, intersects, nextCull, visibleRect } from '../../client/src/board-base/cull.js';

const W = 1440;
const H = 900;

describe('what part of the board the canvas draws', () => {
  it('draws the visible rectangle plus a margin', () => {
    const c = nextCull(undefined, { x: -1000, y: -500, scale: 1 }, W, H);
    expect(visibleRect({ x: -1000, y: -500, scale: 1 }, W, H)).toEqual({ x: 1000, y: 500, w: W, h: H });
    expect(c.rect).toEqual({ x: 1000 - W * CULL_MARGIN, y: 500 - H * CULL_MARGIN, w: W * (1 + 2 * CULL_MARGIN), h: H * (1 + 2 * CULL_MARGIN) });
    expect(c.overview).toBe(false);
  });

  it('keeps the same cull (no re-render) while panning inside the margin, and moves it once the view leaves it', () => {
    const first = nextCull(undefined, { x: 0, y: 0, scale: 1 }, W, H);
    expect(nextCull(first, { x: -W * 0.4, y: H * 0.4, scale: 1 }, W, H)).toBe(first);
    const moved = nextCull(first, { x: -W * 0.6, y: 0, scale: 1 }, W, H);
    expect(moved).not.toBe(first);
    expect(contains(moved.rect, visibleRect({ x: -W * 0.6, y: 0, scale: 1 }, W, H))).toBe(true);
  });

  it('recomputes when zooming out past the cull, far in, or across the overview zoom', () => {
    const first = nextCull(undefined, { x: 0, y: 0, scale: 1 }, W, H);
    expect(nextCull(first, { x: 0, y: 0, scale: 0.5 }, W, H)).not.toBe(first);
    expect(nextCull(first, { x: 0, y: 0, scale: 3 }, W, H)).not.toBe(first);
    const out = nextCull(undefined, { x: 0, y: 0, scale: OVERVIEW_SCALE }, W, H);
    expect(out.overview).toBe(false);
    const further = nextCull(out, { x: 0, y: 0, scale: OVERVIEW_SCALE * 0.99 }, W, H);
    expect(further.overview).toBe(true);
  });

  it('a note touching the drawn rectangle is drawn', () => {
    const r = { x: 0, y: 0, w: 100, h: 100 };
    expect(intersects(r, { x: 99, y: 99, w: 200, h: 120 })).toBe(true);
    expect(intersects(r, { x: 100, y: 0, w: 200, h: 120 })).toBe(false);
    expect(intersects(r, { x: -200, y: -120, w: 200, h: 120 })).toBe(false);
  });
});

describe('pictures of the board', () => {
  it('the full cull holds every note, in full detail', () => {
    expect(FULL_CULL.overview).toBe(false);
    expect(intersects(FULL_CULL.rect, { x: 123_456, y: -50_000, w: 200, h: 120 })).toBe(true);
  });
});
