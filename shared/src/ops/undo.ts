import * as Y from 'yjs';
import type { Origin } from '../origin.js';
import { roots } from '../schema/layout.js';

/**
 * Undo/redo of one user's own actions: tracks only transactions whose origin
 * is exactly `origin` (the local user's origin object), so remote peers'
 * changes are never undone. Edits within 500 ms merge into one step.
 */
export function createUndoManager(doc: Y.Doc, origin: Origin): Y.UndoManager {
  const r = roots(doc);
  // Roots whose entries may be absent: undoing an add deletes the entry rather
  // than restoring an older value (a vote undone back to no vote, not to a
  // count retracted earlier). `meta` and `session` are fields, kept filled.
  const collections = new Set<unknown>([
    r.segments, r.stages, r.departments, r.notes, r.members, r.groups, r.votes, r.proposals,
    r.commitments, r.feedback,
  ]);
  const scope = [
    r.meta, r.segments, r.stages, r.departments, r.notes, r.members, r.session, r.groups, r.votes, r.proposals,
    r.commitments,
  ];
  return new Y.UndoManager(scope, {
    trackedOrigins: new Set([origin]),
    captureTimeout: 500,
    deleteFilter: (item) => {
      keepFieldFilled(item, collections);
      return true;
    },
  });
}

/**
 * Invariant: undo never leaves a record field (or a meta value) without a
 * value. Undoing an update deletes our value and restores the previous one,
 * but yjs refuses the restore when a concurrent remote write of the same field
 * sits between the two (it lost to ours); deleting ours alone would empty the
 * field, and the record would fail validation and vanish from every screen.
 * Called just before yjs deletes `item` (inside the undo transaction): if it
 * is still the live value of a field, the newest earlier value that still has
 * content is written back. Whole entries of the root collections (undoing an
 * add) are deleted as usual.
 */
function keepFieldFilled(item: Y.Item, collections: Set<unknown>): void {
  if (item.parentSub === null || item.deleted || collections.has(item.parent)) return;
  const parent = item.parent as Y.AbstractType<Y.YEvent<never>>;
  if (parent._map.get(item.parentSub) !== item) return;
  for (let prev = item.left; prev !== null; prev = prev.left) {
    const values = prev.content.getContent();
    const value: unknown = values[values.length - 1];
    if (values.length > 0 && !(value instanceof Y.AbstractType)) {
      (parent as unknown as Y.Map<unknown>).set(item.parentSub, value);
      return;
    }
  }
}
