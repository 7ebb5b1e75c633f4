import { describe, expect, it } from 'vitest';
import { byOrderThenId, orderAtIndex, orderBetween } from '../../shared/src/index.js';

describe('orderBetween', () => {
  it('handles open ends and midpoints', () => {
    expect(orderBetween(undefined, undefined)).toBe(1);
    expect(orderBetween(undefined, 3)).toBe(2);
    expect(orderBetween(3, undefined)).toBe(4);
    expect(orderBetween(1, 2)).toBe(1.5);
    expect(orderBetween(-4, 0)).toBe(-2);
  });

  it('stays strictly between distinct neighbours', () => {
    for (const [a, b] of [[0, 1], [1, 1.0000001], [-10, 10], [1e9, 1e9 + 1]] as const) {
      const m = orderBetween(a, b);
      expect(m).toBeGreaterThan(a);
      expect(m).toBeLessThan(b);
    }
  });
});

describe('orderAtIndex', () => {
  const list = [{ order: 1 }, { order: 2 }, { order: 3 }];
  it('gives an order that sorts at the index', () => {
    for (let index = 0; index <= list.length; index++) {
      const order = orderAtIndex(list, index);
      const sorted = [...list.map((x) => x.order), order].sort((a, b) => a - b);
      expect(sorted.indexOf(order)).toBe(index);
    }
    expect(orderAtIndex(list, 0)).toBe(0);
    expect(orderAtIndex(list, 1)).toBe(1.5);
    expect(orderAtIndex(list, 3)).toBe(4);
  });

  it('clamps out-of-range indices', () => {
    expect(orderAtIndex(list, -3)).toBe(0);
    expect(orderAtIndex(list, 99)).toBe(4);
    expect(orderAtIndex([], 5)).toBe(1);
  });
});

describe('byOrderThenId', () => {
  it('sorts by order, then by id or key', () => {
    const items = [{ id: 'b', order: 1 }, { id: 'a', order: 1 }, { id: 'c', order: 0 }];
    expect([...items].sort(byOrderThenId).map((x) => x.id)).toEqual(['c', 'a', 'b']);
    const keyed = [{ key: 'z', order: 2 }, { key: 'y', order: 2 }];
    expect([...keyed].sort(byOrderThenId).map((x) => x.key)).toEqual(['y', 'z']);
  });
});
