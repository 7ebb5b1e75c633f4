import type * as Y from 'yjs';
import { byOrderThenId } from '../order.js';
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
