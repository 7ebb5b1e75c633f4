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
  return new Y.UndoManager([r.meta, r.segments, r.stages, r.departments, r.notes], {
    trackedOrigins: new Set([origin]),
    captureTimeout: 500,
  });
}
