import type { Role } from '../../../shared/src/index.js';
import { scanUpdate, withMergedDeleteSet, type Scan, type ScanLimits } from './update-scan.js';

/**
 * How much work one update from one connection may ask of the server. Checked
 * before anything is applied, so no single message can block the event loop
 * (issue 10: one participant message of 550,000 tiny items blocked it 6.3 s).
 * These bound *cost* only; what an update may *do* is judged on its effect
 * (staging-replica.ts), never on this reading of its bytes.
 */
export interface UpdateLimits extends ScanLimits {
  /** Encoded size. */
  maxBytes: number;
}

/**
 * A participant writes a note at a time: a dozen structs. After a day offline
 * (and reloads, each with a new client id) a few hundred notes: a few
 * thousand structs in some tens of KB. Their delete set, like every client's
 * first sync, repeats the board's deletions: up to one range per overwritten
 * field of a big board. Yjs's own encoder never places two items of one
 * update against the same neighbour or on the same key without one.
 */
export const PARTICIPANT_LIMITS: UpdateLimits = {
  maxBytes: 256 * 1024,
  maxStructs: 8_000,
  maxClients: 32,
  maxDeleteRanges: 200_000,
  maxPerAnchor: 8,
};

/** Facilitators also write structure, merges and templates: larger, still bounded. */
export const FACILITATOR_LIMITS: UpdateLimits = {
  maxBytes: 2 * 1024 * 1024,
  maxStructs: 40_000,
  maxClients: 64,
  maxDeleteRanges: 400_000,
  maxPerAnchor: 8,
};

export function limitsFor(role: Role): UpdateLimits {
  return role === 'facilitator' ? FACILITATOR_LIMITS : PARTICIPANT_LIMITS;
}

export type Bounded =
  | { ok: true; update: Uint8Array; scan: Extract<Scan, { ok: true }> }
  | { ok: false; reason: string };

/**
 * Checks `update` against `limits` and returns it with a normalised delete
 * set. Yjs applies a delete set range by range, walking the structs of each
 * range, and does not merge ranges when decoding: a few hundred KB of the
 * same range repeated walked the board thousands of times (6.6 s). Merged
 * ranges visit each struct at most once. Throws on bytes that are not an update.
 */
export function boundUpdate(update: Uint8Array, limits: UpdateLimits): Bounded {
  if (update.byteLength > limits.maxBytes) return { ok: false, reason: `update too large (${update.byteLength} bytes, at most ${limits.maxBytes})` };
  const scan = scanUpdate(update, limits);
  if (!scan.ok) return scan;
  return { ok: true, update: scan.deleteSetSorted ? update : withMergedDeleteSet(update, scan.deleteSetAt), scan };
}
