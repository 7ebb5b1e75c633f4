import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, addNote, localOrigin, readBoard } from '../../shared/src/index.js';
import { SqliteBoardStore } from '../../server/src/store/sqlite-store.js';
import { createBoard, joinBoard } from '../support/clients.js';
import { flakyStore } from '../support/flaky-store.js';
import { startTestServer, type TestServer } from '../support/in-process-server.js';
import { rawSocket } from '../support/raw-socket.js';

/**
 * Issue #10, storage trouble: while writes fail, what a board holds unwritten
 * is bounded (MAX_UNSAVED_BYTES) and counts against its size limit
 * (MAX_BOARD_BYTES). Storage fails through a store that throws SQLITE_FULL
 * (tests/support/flaky-store.ts), as in durability.test.ts D2.
 */
const UNSAVED = 256 * 1024;
const BOARD = 1024 * 1024;
const dataDir = mkdtempSync(join(tmpdir(), 'tabella-backlog-'));
const store = flakyStore(new SqliteBoardStore(join(dataDir, 'tabella.sqlite')));
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ DATA_DIR: dataDir, MAX_UNSAVED_BYTES: String(UNSAVED), MAX_BOARD_BYTES: String(BOARD) }, { store });
});
afterAll(async () => {
  store.failWrites = false;
  await server.close();
});

/** A participant writing through a raw socket with `ack=1`, from a replica of the board with its own client id. */
async function writer(boardId: string, participantLink: string) {
  const { memberId, session } = await joinBoard(server.url, boardId, participantLink, 'Filler', 'sales');
  const author = { id: memberId, name: 'Filler', department: 'sales' };
  const socket = await rawSocket(server.url, `/sync/${boardId}?token=${session}&ack=1`);
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

describe('unsaved changes are bounded while storage fails (issue #10)', () => {
  it('past MAX_UNSAVED_BYTES an update is refused: 101, a transient close, nothing acknowledged or kept', async () => {
    const board = await createBoard(server.url);
    const w = await writer(board.id, board.tokens.participant);
    const room = (await server.rooms.peek(board.id))!;
    store.failWrites = true;
    let open = true;
    void w.socket.closed.then(() => (open = false));
    const clocks: number[] = [];
    // ~1 KB each, 350 of them (~370 KB): past the 256 KiB bound.
    for (let i = 0; i < 350 && open; i++) clocks.push(w.send(1));
    expect(await w.socket.closed).toEqual({ code: CLOSE.tryAgainLater, reason: 'the server cannot save right now, reconnect later' });
    expect(w.received.storage).toContain(1);
    expect(w.received.acked).toBe(0);
    expect(room.pendingBytes).toBeLessThanOrEqual(UNSAVED + 2 * 1024);
    expect(room.pendingBytes).toBeGreaterThan(UNSAVED / 2);

    // Once writes work, what was accepted is stored; what was refused never is.
    store.failWrites = false;
    await vi.waitFor(() => expect(room.pendingBytes).toBe(0), { timeout: 10_000 });
    const doc = new Y.Doc();
    for (const u of (await server.store.loadUpdates(board.id)).updates) Y.applyUpdate(doc, u);
    const stored = [...readBoard(doc).notesById.values()].length;
    expect(stored).toBeGreaterThan(100);
    expect(stored).toBeLessThan(clocks.length);
  });

  it('unsaved bytes count against MAX_BOARD_BYTES: a board cannot grow past it while nothing is stored', async () => {
    const board = await createBoard(server.url);
    const w = await writer(board.id, board.tokens.participant);
    const room = (await server.rooms.peek(board.id))!;
    // Over 800 KB stored while storage works, in updates of 50 notes.
    while (room.storedBytes < 800 * 1024) {
      const clock = w.send(50);
      await vi.waitFor(() => expect(w.received.acked).toBe(clock));
    }
    expect(room.storedBytes).toBeGreaterThan(800 * 1024);

    store.failWrites = true;
    // 52 KB updates: the board limit (1 MiB) is reached before the backlog bound (256 KiB).
    for (let i = 0; i < 8; i++) w.send(50);
    expect(await w.socket.closed).toMatchObject({ code: CLOSE.tooLarge });
    expect(room.pendingBytes).toBeLessThan(UNSAVED);
    expect(room.storedBytes).toBeLessThanOrEqual(BOARD);
    store.failWrites = false;
    await vi.waitFor(() => expect(room.pendingBytes).toBe(0), { timeout: 10_000 });
  });
});
