/**
 * Sort keys. Entities carry a numeric `order`; moving one between two neighbours
 * gives it the midpoint, so a move writes one field of one record and concurrent
 * moves of different entities never conflict. Ties (two clients choosing the same
 * midpoint offline) are broken by id, so every replica sorts identically; a later
 * move into such a tie renumbers the siblings (see placeAt in ops/sorted.ts).
 */
export function orderBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

export function byOrderThenId<T extends { order: number }>(
  a: T & ({ id: string } | { key: string }),
  b: T & ({ id: string } | { key: string }),
): number {
  if (a.order !== b.order) return a.order - b.order;
  const ka = 'id' in a ? a.id : a.key;
  const kb = 'id' in b ? b.id : b.key;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Order value for inserting at `index` into a list already sorted by order
 * (the item being moved must not be in `sorted`).
 */
export function orderAtIndex(sorted: readonly { order: number }[], index: number): number {
  const i = Math.max(0, Math.min(index, sorted.length));
  return orderBetween(sorted[i - 1]?.order, sorted[i]?.order);
}
