import type * as Y from 'yjs';
import { byOrderThenId, orderAtIndex } from '../order.js';
import type { RecordMap } from '../schema/layout.js';

/**
 * Siblings of a record as (id, order) pairs sorted the way readers sort them.
 * Operations use this to compute a new `order` without a full board read.
 */
export function sortedSiblings(
  map: Y.Map<RecordMap>,
  filter: (entry: RecordMap) => boolean = () => true,
  excludeId?: string,
): { id: string; order: number }[] {
  const out: { id: string; order: number }[] = [];
  map.forEach((entry, id) => {
    if (id === excludeId || typeof entry?.get !== 'function' || !filter(entry)) return;
    const order = entry.get('order');
    if (typeof order === 'number' && Number.isFinite(order)) out.push({ id, order });
  });
  return out.sort(byOrderThenId);
}

export function lastOrder(siblings: { order: number }[]): number {
  const last = siblings[siblings.length - 1];
  return last ? last.order + 1 : 1;
}

/**
 * Order for appending a note after `siblings`. A random fraction is added so
 * that two people appending to the same stage at the same moment do not tie:
 * a tie would force the next move between them to renumber the whole stage,
 * which rewrites other people's notes (and the server refuses that from a
 * participant).
 */
export function appendOrder(siblings: { order: number }[]): number {
  return lastOrder(siblings) + jitter();
}

/** Uniform in [0, 0.5), from 16 random bits. */
function jitter(): number {
  const [a = 0, b = 0] = crypto.getRandomValues(new Uint8Array(2));
  return ((a << 8) | b) / 131072;
}

export interface Placement {
  /** Order for the placed item. */
  order: number;
  /** Siblings whose order must be rewritten too (empty in the common case). */
  renumber: { id: string; order: number }[];
}

/**
 * Where to put an item so it sorts at exactly `index` among `siblings` (sorted,
 * item excluded). Invariant: after the op the item is at `index`. The midpoint
 * of the two neighbours gives that with a single write, unless the neighbours
 * tie (two clients appended concurrently and picked the same order) or sit so
 * close that the midpoint rounds onto one of them (float exhaustion after many
 * moves into one gap): then, and only then, the siblings are renumbered 1..n
 * around the gap in the same transaction.
 */
export function placeAt(siblings: readonly { id: string; order: number }[], index: number): Placement {
  const i = Math.max(0, Math.min(Number.isFinite(index) ? Math.trunc(index) : siblings.length, siblings.length));
  const order = orderAtIndex(siblings, i);
  const before = siblings[i - 1]?.order;
  const after = siblings[i]?.order;
  if ((before === undefined || order > before) && (after === undefined || order < after)) {
    return { order, renumber: [] };
  }
  return {
    order: i + 1,
    renumber: siblings.map((s, k) => ({ id: s.id, order: k < i ? k + 1 : k + 2 })),
  };
}

/** Writes a placement's renumbered siblings; call inside the op's transaction. */
export function applyRenumber(map: Y.Map<RecordMap>, placement: Placement): void {
  for (const { id, order } of placement.renumber) map.get(id)?.set('order', order);
}
