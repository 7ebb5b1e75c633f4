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

/** Awareness client ids one connection may publish (a tab has one; a few spare for reconnect races). */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

/**
 * Rewrites an awareness update from one connection so nobody can appear as
 * someone else: entries for client ids owned by another connection are
 * dropped, and the `user` of every state is overwritten with the identity the
 * server knows (only `color` is taken from the client, when valid).
 * `mayUse(clientId)` claims or checks ownership of a client id.
 * Returns undefined when nothing is left. Throws on malformed bytes.
 */
export function stampAwareness(
  update: Uint8Array,
  identity: PresenceIdentity,
  mayUse: (clientId: number) => boolean,
): Uint8Array | undefined {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { clientId: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // A varString is a length-prefixed UTF-8 byte array: read the bytes and
    // decode them only for entries this connection may publish. The stock
    // provider echoes every presence message it receives (about 60 states,
    // 20 times a second per person), and all of those entries are skipped.
    const bytes = decoding.readVarUint8Array(decoder);
    if (!mayUse(clientId)) continue;
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
