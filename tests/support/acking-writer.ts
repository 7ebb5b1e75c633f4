import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { addNote, localOrigin } from '../../shared/src/index.js';

export type AckingWriter = ReturnType<typeof ackingWriter>;

/**
 * A stock provider that asked for acknowledgements (`ack=1`), as our client
 * does, recording 100 (stored up to this clock) and 101 (cannot save / can
 * again). What it calls `acknowledged` is exactly what the server promised
 * to keep.
 */
export function ackingWriter(
  url: string,
  boardId: string,
  session: string,
  author: { id: string; name: string; department: string },
  options: { maxBackoffTime?: number } = {},
) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/sync`, boardId, doc, {
    params: { token: session, ack: '1' },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    ...(options.maxBackoffTime !== undefined && { maxBackoffTime: options.maxBackoffTime }),
  });
  const writer = {
    doc,
    provider,
    /** Highest clock of ours the server said is stored. */
    acked: 0,
    /** Every `storage` message, in order: 1 = cannot write, 0 = can again. */
    storage: [] as number[],
    closes: 0,
    /** The close code of every connection that ended, in order. */
    closeCodes: [] as number[],
    /** Note id -> our clock once it was written. */
    written: new Map<string, number>(),
    write(stageId: string, text: string): { id: string; clock: number } {
      const id = addNote(doc, { stageId, text }, author, localOrigin(author.id));
      const clock = Y.getState(doc.store, doc.clientID);
      writer.written.set(id, clock);
      return { id, clock };
    },
    acknowledged(): string[] {
      return [...writer.written].filter(([, clock]) => clock <= writer.acked).map(([id]) => id);
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.messageHandlers[100] = (_encoder, decoder) => {
    for (let n = decoding.readVarUint(decoder); n > 0; n--) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      if (client === doc.clientID) writer.acked = Math.max(writer.acked, clock);
    }
  };
  provider.messageHandlers[101] = (_encoder, decoder) => void writer.storage.push(decoding.readVarUint(decoder));
  provider.on('connection-close', (event) => {
    writer.closes += 1;
    if (event) writer.closeCodes.push(event.code);
  });
  return writer;
}
