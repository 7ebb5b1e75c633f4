import * as Y from 'yjs';
import type { Role } from '../../../shared/src/index.js';

/**
 * How much work one update from one connection may ask of the server. Checked
 * before anything is applied, so no single message can block the event loop
 * (issue 10: one participant message of 550,000 tiny items blocked it 6.3 s).
 * These bound *cost* only; what an update may *do* is judged on its effect
 * (staging-replica.ts), never on this reading of its bytes.
 */
export interface UpdateLimits {
  /** Encoded size. */
  maxBytes: number;
  /** Structs (items, GC and skip placeholders) in the update. */
  maxStructs: number;
  /** Distinct client ids the structs are written under. Each extra one can make Yjs scan further on conflicts. */
  maxClients: number;
  /** Delete-set ranges. An honest sync covers the whole board's deletions, so this is generous. */
  maxDeleteRanges: number;
}

/**
 * A participant writes a note at a time: a dozen structs. After a day offline
 * (and reloads, each with a new client id) a few hundred notes: a few
 * thousand structs in some tens of KB. Their delete set, like every client's
 * first sync, repeats the board's deletions: up to one range per overwritten
 * field of a big board.
 */
export const PARTICIPANT_LIMITS: UpdateLimits = {
  maxBytes: 512 * 1024,
  maxStructs: 8_000,
  maxClients: 32,
  maxDeleteRanges: 200_000,
};

/** Facilitators also write structure, merges and templates: larger, still bounded. */
export const FACILITATOR_LIMITS: UpdateLimits = {
  maxBytes: 4 * 1024 * 1024,
  maxStructs: 60_000,
  maxClients: 64,
  maxDeleteRanges: 400_000,
};

export function limitsFor(role: Role): UpdateLimits {
  return role === 'facilitator' ? FACILITATOR_LIMITS : PARTICIPANT_LIMITS;
}

export type Bounded = { ok: true; update: Uint8Array } | { ok: false; reason: string };

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * Checks `update` against `limits` and returns it with a normalised delete
 * set. Yjs applies a delete set range by range, walking the structs of each
 * range, and does not merge ranges when decoding: a few hundred KB of the
 * same range repeated walked the board thousands of times (6.6 s). Merged
 * ranges visit each struct at most once. Throws on bytes that are not an update.
 */
export function boundUpdate(update: Uint8Array, limits: UpdateLimits): Bounded {
  if (update.byteLength > limits.maxBytes) return { ok: false, reason: `update too large (${update.byteLength} bytes, at most ${limits.maxBytes})` };
  const { structs, ds } = Y.decodeUpdate(update);
  if (structs.length > limits.maxStructs) return { ok: false, reason: `update too large (${structs.length} items, at most ${limits.maxStructs})` };
  const clients = new Set<number>();
  for (const s of structs) clients.add(s.id.client);
  if (clients.size > limits.maxClients) return { ok: false, reason: `update writes as too many clients (${clients.size}, at most ${limits.maxClients})` };
  let ranges = 0;
  let normalised = true;
  for (const list of ds.clients.values()) {
    ranges += list.length;
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.clock < list[i - 1]!.clock + list[i - 1]!.len) normalised = false;
    }
  }
  if (ranges > limits.maxDeleteRanges) return { ok: false, reason: `update deletes too many ranges (${ranges}, at most ${limits.maxDeleteRanges})` };
  // Yjs's own merge sorts and merges the delete set (and re-encodes the structs as read).
  return { ok: true, update: normalised ? update : Y.mergeUpdates([update, EMPTY_UPDATE]) };
}
