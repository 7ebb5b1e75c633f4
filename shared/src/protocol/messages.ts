import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Websocket message types: the first varuint of every frame (docs/protocol.md).
 * 0-3 are y-websocket's own; 100 and 101 are Tabella's acknowledgements, sent
 * only to a client that asked for them (ACK_PARAM). Written with lib0, the
 * encoding Yjs itself is built on, so both sides read one format.
 */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Tabella: "your changes up to these clocks are stored". */
  saved: 100,
  /** Tabella: storage trouble on the server (1) or over (0); nothing is acknowledged meanwhile. */
  storage: 101,
} as const;

/** Query parameter (`ack=1`) by which our client asks for `saved` and `storage`; stock providers never send it. */
export const ACK_PARAM = 'ack';

/** `saved`: for each of the peer's client ids, the clock below which its changes are stored. */
export function encodeSaved(clocks: ReadonlyMap<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.saved);
  encoding.writeVarUint(encoder, clocks.size);
  for (const [client, clock] of clocks) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

/** The body of a `saved` message, read after its type. */
export function readSaved(decoder: decoding.Decoder): Map<number, number> {
  const n = decoding.readVarUint(decoder);
  const clocks = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const client = decoding.readVarUint(decoder);
    clocks.set(client, decoding.readVarUint(decoder));
  }
  return clocks;
}

/** `storage`: whether the server cannot write to its database right now. */
export function encodeStorage(failing: boolean): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.storage);
  encoding.writeVarUint(encoder, failing ? 1 : 0);
  return encoding.toUint8Array(encoder);
}

/** The body of a `storage` message, read after its type: true while storage is failing. */
export function readStorage(decoder: decoding.Decoder): boolean {
  return decoding.readVarUint(decoder) === 1;
}
