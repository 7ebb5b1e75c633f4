import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { COLOR_PATTERN, type Role } from '../../../shared/src/index.js';

const utf8 = new TextDecoder();

/** Who a connection is, as presence should show them. */
export interface PresenceIdentity {
  id: string;
  name: string;
  department: string;
  role: Role;
}

/**
 * Awareness client ids one connection may publish over its whole life (a tab
 * has one; a few spare for reconnect races). An id stays counted after its
 * state is removed, so removing and re-adding cannot cycle through new ids.
 */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

/**
 * Largest presence state kept, in bytes of JSON as sent. A real one (user,
 * cursor, viewport) is a few hundred bytes; larger ones are dropped, so no
 * connection can make the server relay megabytes to every peer and joiner.
 */
export const MAX_PRESENCE_STATE_BYTES = 2048;

/**
 * Rewrites an awareness update from one connection so nobody can appear as
 * someone else: entries for client ids owned by another connection are
 * dropped, and the `user` of every state is overwritten with the identity the
 * server knows (only `color` is taken from the client, when valid).
 * `mayUse(clientId)` claims or checks ownership of a client id; it is asked
 * only for entries small enough to keep (MAX_PRESENCE_STATE_BYTES).
 * Returns undefined when nothing is left. Throws on malformed bytes, and on a
 * declared entry count over `maxEntries` or more than the bytes could hold
 * (before looping over it).
 */
export function stampAwareness(
  update: Uint8Array,
  identity: PresenceIdentity,
  mayUse: (clientId: number) => boolean,
  maxEntries: number,
): Uint8Array | undefined {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  // Every entry takes at least 3 bytes (id, clock, empty string).
  if (count > maxEntries || count * 3 > update.byteLength - decoder.pos) {
    throw new Error(`awareness update claims ${count} entries`);
  }
  const kept: { clientId: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // A varString is a length-prefixed UTF-8 byte array: read the bytes and
    // decode them only for entries this connection may publish. The stock
    // provider echoes every presence message it receives (about 60 states,
    // 20 times a second per person), and all of those entries are skipped.
    const bytes = decoding.readVarUint8Array(decoder);
    if (bytes.byteLength > MAX_PRESENCE_STATE_BYTES || !mayUse(clientId)) continue;
    const raw = utf8.decode(bytes);
    const state: unknown = JSON.parse(raw);
    if (state === null) {
      kept.push({ clientId, clock, state: 'null' });
      continue;
    }
    if (typeof state !== 'object' || Array.isArray(state)) continue;
    const claimed = (state as { user?: Record<string, unknown> }).user;
    const color = typeof claimed?.color === 'string' && COLOR_PATTERN.test(claimed.color) ? claimed.color : '#64748b';
    // An honest client already publishes exactly who it is: pass its bytes on
    // as they are (the common case, 20 times a second per person).
    if (claimed && claimed.color === color && sameIdentity(claimed, identity)) {
      kept.push({ clientId, clock, state: raw });
      continue;
    }
    const stamped = { ...(state as object), user: { ...identity, color } };
    kept.push({ clientId, clock, state: JSON.stringify(stamped) });
  }
  if (kept.length === 0) return undefined;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const k of kept) {
    encoding.writeVarUint(encoder, k.clientId);
    encoding.writeVarUint(encoder, k.clock);
    encoding.writeVarString(encoder, k.state);
  }
  return encoding.toUint8Array(encoder);
}

function sameIdentity(user: Record<string, unknown>, identity: PresenceIdentity): boolean {
  const keys = Object.keys(user);
  return keys.length === 5 && user.id === identity.id && user.name === identity.name
    && user.department === identity.department && user.role === identity.role;
}
