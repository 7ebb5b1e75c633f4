import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * What nodes tell each other about one board, on that board's Redis channel
 * (docs/scaling.md). Every message names the node that sent it, so a node
 * ignores its own. None of them is the truth: a lost one costs time, never
 * data (the store has the updates; access is re-checked against the store).
 */
export type BusMessage =
  /** A document update the sender committed to the store under `seq`, with who wrote under which client id. */
  | { kind: 'update'; node: string; doc: string; seq: number; owners: readonly (readonly [number, string])[]; update: Uint8Array }
  /** Presence of the sender's peers (a y-protocols awareness update). */
  | { kind: 'presence'; node: string; doc: string; update: Uint8Array }
  /** The sender just loaded the board's document: others answer with their peers' presence. */
  | { kind: 'presence-query'; node: string; doc: string }
  /** Who may do what on the board changed (member removed or changed, link rotated): re-check open connections. */
  | { kind: 'access'; node: string };

const KINDS = ['update', 'presence', 'presence-query', 'access'] as const;
const VERSION = 1;

/** The channel of one board's messages. */
export function boardChannel(boardId: string): string {
  return `tabella:board:${boardId}`;
}

/** The board id of a channel, or undefined for someone else's channel. */
export function channelBoard(channel: string): string | undefined {
  return channel.startsWith('tabella:board:') ? channel.slice('tabella:board:'.length) : undefined;
}

export function encodeBusMessage(message: BusMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeUint8(e, VERSION);
  encoding.writeUint8(e, KINDS.indexOf(message.kind));
  encoding.writeVarString(e, message.node);
  if (message.kind === 'access') return encoding.toUint8Array(e);
  encoding.writeVarString(e, message.doc);
  if (message.kind === 'update') {
    encoding.writeVarUint(e, message.seq);
    encoding.writeVarUint(e, message.owners.length);
    for (const [client, owner] of message.owners) {
      encoding.writeVarUint(e, client);
      encoding.writeVarString(e, owner);
    }
  }
  if (message.kind === 'update' || message.kind === 'presence') encoding.writeVarUint8Array(e, message.update);
  return encoding.toUint8Array(e);
}

/** Reads a message; undefined for anything this version does not understand (a newer node, or garbage). */
export function decodeBusMessage(bytes: Uint8Array): BusMessage | undefined {
  try {
    const d = decoding.createDecoder(bytes);
    if (decoding.readUint8(d) !== VERSION) return undefined;
    const kind = KINDS[decoding.readUint8(d)];
    const node = decoding.readVarString(d);
    if (kind === 'access') return { kind, node };
    if (kind === undefined) return undefined;
    const doc = decoding.readVarString(d);
    if (kind === 'presence-query') return { kind, node, doc };
    if (kind === 'presence') return { kind, node, doc, update: decoding.readVarUint8Array(d) };
    const seq = decoding.readVarUint(d);
    const count = decoding.readVarUint(d);
    if (count > 100_000) return undefined;
    const owners: [number, string][] = [];
    for (let i = 0; i < count; i++) owners.push([decoding.readVarUint(d), decoding.readVarString(d)]);
    return { kind, node, doc, seq, owners, update: decoding.readVarUint8Array(d) };
  } catch {
    return undefined;
  }
}
