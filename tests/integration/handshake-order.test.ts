import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addNote, localOrigin, readBoard } from '../../shared/src/index.js';
import { aliceAndMallory } from '../support/hostile-participant.js';
import { useTestServer } from '../support/in-process-server.js';
import { rawSocket } from '../support/raw-socket.js';

const fixture = useTestServer();

/** A sync step 2 frame (the provider's answer to the server's step 1). */
function syncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('an update typed while reconnecting', () => {
  it('builds on offline edits that arrive after it, in the handshake answer: judged after that answer, not refused', async () => {
    const { board, alice, stageId } = await aliceAndMallory(fixture);
    // Alice's tab, offline: a first note; then, reconnected but before the server's
    // step 1 reached it, a second one. The provider sends the second as an update
    // right away, and the first only in its answer to the server's step 1.
    const tab = new Y.Doc();
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(alice.doc));
    tab.clientID = alice.doc.clientID + 7;
    const start = Y.encodeStateVector(tab);
    addNote(tab, { stageId, text: 'Written offline' }, alice.author, localOrigin(alice.memberId));
    const afterFirst = Y.encodeStateVector(tab);
    addNote(tab, { stageId, text: 'Typed while reconnecting' }, alice.author, localOrigin(alice.memberId));
    const second = Y.encodeStateAsUpdate(tab, afterFirst);
    const answer = Y.encodeStateAsUpdate(tab, start);

    const socket = await rawSocket(fixture.server.url, `/sync/${board.id}?token=${alice.session}`);
    let closed: { code: number; reason: string } | undefined;
    void socket.closed.then((c) => (closed = c));
    socket.sendUpdate(second);
    socket.ws.send(syncStep2(answer));
    await vi.waitFor(() => {
      const texts = [...readBoard(alice.doc).notesById.values()].map((n) => n.text);
      expect(texts).toEqual(expect.arrayContaining(['Written offline', 'Typed while reconnecting']));
    }, { timeout: 10_000 });
    expect(closed).toBeUndefined();
    socket.close();
    tab.destroy();
  });

  it('is still refused when the handshake answer does not bring what it builds on', async () => {
    const { board, alice, stageId } = await aliceAndMallory(fixture);
    const tab = new Y.Doc();
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(alice.doc));
    tab.clientID = alice.doc.clientID + 11;
    addNote(tab, { stageId, text: 'Never sent' }, alice.author, localOrigin(alice.memberId));
    const afterFirst = Y.encodeStateVector(tab);
    addNote(tab, { stageId, text: 'Builds on it' }, alice.author, localOrigin(alice.memberId));
    const socket = await rawSocket(fixture.server.url, `/sync/${board.id}?token=${alice.session}`);
    socket.sendUpdate(Y.encodeStateAsUpdate(tab, afterFirst));
    socket.ws.send(syncStep2(new Uint8Array([0, 0])));
    expect(await socket.closed).toEqual({ code: 4403, reason: expect.stringContaining('R11') });
    tab.destroy();
  });
});
