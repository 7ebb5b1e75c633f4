import type * as Y from 'yjs';
import {
  RULES, checkChanges, checkDraftChanges, type Actor, type Change, type Role, type Verdict,
} from '../../../shared/src/index.js';
import { limitsFor, type UpdateLimits } from './update-bounds.js';

/**
 * What one participant may add to a board while it is loaded: a whole day of
 * honest work is some tens of KB (a note is ~300 bytes), so this only stops
 * someone filling the board for everyone (issue 10: ten notes with huge
 * fields filled a board to its limit).
 */
export const PERSON_QUOTA_BYTES = 4 * 1024 * 1024;

/**
 * Decides whether one person's update may be applied to a room's doc. The
 * room applies the update to its staging replica first and hands `judge` the
 * effect (what Yjs integrated) with the board before and after it.
 */
export interface UpdateGuard {
  /** Who writes: client ids first written by one owner can be written by no other. */
  readonly owner: string;
  /** The most work one update from this person may ask for (checked before staging). */
  readonly limits: UpdateLimits;
  /**
   * Bytes this person may add to one board while it is loaded, and whether
   * they may use the room kept free for the facilitator near the board's size
   * limit (docs/security.md, "Quotas"). Undefined: no personal quota.
   */
  readonly quotaBytes: number | undefined;
  readonly mayUseReserve: boolean;
  judge(changes: readonly Change[], before: Y.Doc, after: Y.Doc): Verdict;
}

/** The main board: the permission rules for `actor` (docs/security.md). */
export function boardGuard(actor: Actor): UpdateGuard {
  const facilitator = actor.role === 'facilitator';
  return {
    owner: actor.memberId,
    limits: limitsFor(actor.role),
    quotaBytes: facilitator ? undefined : PERSON_QUOTA_BYTES,
    mayUseReserve: facilitator,
    judge: (changes, before, after) => checkChanges(before, after, actor, changes),
  };
}

/** A member's private drafts: only their own connection reaches it; notes only. */
export function draftsGuard(memberId: string): UpdateGuard {
  return {
    owner: memberId, limits: limitsFor('participant'), quotaBytes: PERSON_QUOTA_BYTES, mayUseReserve: false,
    judge: (changes) => checkDraftChanges(changes),
  };
}

/** Someone who may write nothing (a viewer's link): every change is refused. */
export function readOnlyGuard(owner: string, role: Role = 'viewer'): UpdateGuard {
  return {
    owner,
    limits: limitsFor(role),
    quotaBytes: 0,
    mayUseReserve: false,
    judge: (changes) => (changes.length === 0 ? { ok: true } : { ok: false, rule: 'R1', reason: RULES.R1 }),
  };
}
