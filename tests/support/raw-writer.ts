import * as decoding from 'lib0/decoding';
import { expect, vi } from 'vitest';
import * as Y from 'yjs';
import { addNote, localOrigin, readBoard } from '../../shared/src/index.js';
import { joinBoard } from './clients.js';
import { rawSocket } from './raw-socket.js';

/**
 * A participant writing notes through a raw socket with `ack=1`, from its own
 * replica of the board (its own client id); records `saved` (100) for that
 * client id and `storage` (101) messages.
 */
export async function rawWriter(baseUrl: string, boardId: string, participantLink: string) {
  const { memberId, session } = await joinBoard(baseUrl, boardId, participantLink, 'Filler', 'sales');
  const author = { id: memberId, name: 'Filler', department: 'sales' };
  const socket = await rawSocket(baseUrl, `/sync/${boardId}?token=${session}&ack=1`);
  const received = { acked: 0, storage: [] as number[] };
  const replica = new Y.Doc();
  socket.ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === 0 && decoding.readVarUint(decoder) === 1) Y.applyUpdate(replica, decoding.readVarUint8Array(decoder));
    if (type === 100) {
      for (let n = decoding.readVarUint(decoder); n > 0; n--) {
        const client = decoding.readVarUint(decoder);
        const clock = decoding.readVarUint(decoder);
        if (client === replica.clientID) received.acked = Math.max(received.acked, clock);
      }
    }
    if (type === 101) received.storage.push(decoding.readVarUint(decoder));
  });
  // The server's step 2 (our answer to its step 1 is not needed: we have nothing it lacks).
  socket.ws.send(new Uint8Array([0, 0, 1, 0]));
  await vi.waitFor(() => expect(readBoard(replica).segments.length).toBeGreaterThan(0));
  const stageId = readBoard(replica).segments[0]!.stages[0]!.id;
  let written = 0;
  return {
    socket,
    received,
    /** Sends one update adding `notes` notes of ~1 KB; returns the replica's clock after it. */
    send(notes: number): number {
      const before = Y.encodeStateVector(replica);
      for (let i = 0; i < notes; i++) {
        addNote(replica, { stageId, text: `${written++} ${'x'.repeat(990)}` }, author, localOrigin(memberId));
      }
      socket.sendUpdate(Y.encodeStateAsUpdate(replica, before));
      return Y.getState(replica.store, replica.clientID);
    },
  };
}
