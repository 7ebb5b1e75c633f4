import type * as Y from 'yjs';
import {
  checkChanges, checkDraftChanges, inspectUpdate, type Actor, type Verdict,
} from '../../../shared/src/index.js';

/** Decides whether one update from one person may be applied to a room's doc. */
export type UpdateGuard = (doc: Y.Doc, update: Uint8Array) => Verdict;

/**
 * The main board: inspect the update against the current doc (no copy), then
 * judge it by the permission rules. Updates with missing dependencies are
 * refused too, so yjs never parks them as pending to release later, unchecked.
 */
export function boardGuard(actor: Actor): UpdateGuard {
  return (doc, update) => {
    const inspection = inspectUpdate(doc, update);
    if (!inspection.ok) return { ok: false, rule: 'R11', reason: inspection.reason };
    return checkChanges(doc, actor, inspection.changes);
  };
}

/** A member's private drafts: only their own connection reaches it; notes only. */
export function draftsGuard(): UpdateGuard {
  return (doc, update) => {
    const inspection = inspectUpdate(doc, update);
    if (!inspection.ok) return { ok: false, rule: 'R11', reason: inspection.reason };
    return checkDraftChanges(inspection.changes);
  };
}
