import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addNote, localOrigin, readBoard } from '../../shared/src/index.js';
import { SqliteBoardStore } from '../../server/src/store/sqlite-store.js';
import { connect, connectMember, createBoard, type TestClient } from '../support/clients.js';
import { flakyStore } from '../support/flaky-store.js';
import { startTestServer } from '../support/in-process-server.js';
import { rawSocket } from '../support/raw-socket.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
const dataDir = mkdtempSync(join(tmpdir(), 'tabella-durable-'));
const store = flakyStore(new SqliteBoardStore(join(dataDir, 'tabella.sqlite')));
const open: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ DATA_DIR: dataDir }, { store });
});
afterAll(async () => {
  store.failWrites = false;
  for (const c of open) c.destroy();
  await server.close();
});

interface Received {
  saved: Map<number, number>[];
  storage: number[];
}

/** A raw client that asked for acknowledgements; records `saved` (100) and `storage` (101) messages. */
async function ackingSocket(boardId: string, token: string) {
  const socket = await rawSocket(server.url, `/sync/${boardId}?token=${token}&ack=1`);
  const received: Received = { saved: [], storage: [] };
  socket.ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === 100) {
      const clocks = new Map<number, number>();
      for (let n = decoding.readVarUint(decoder); n > 0; n--) clocks.set(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
      received.saved.push(clocks);
    } else if (type === 101) {
      received.storage.push(decoding.readVarUint(decoder));
    }
  });
  return { socket, received };
}

/** An update adding a note signed by `member`, made on a private replica with its own client id. */
function noteUpdate(member: Awaited<ReturnType<typeof connectMember>>, text: string) {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(member.doc));
  const sv = Y.encodeStateVector(replica);
  const stageId = readBoard(replica).segments[0]!.stages[0]!.id;
  const id = addNote(replica, { stageId, text }, member.author, localOrigin(member.memberId));
  return { id, update: Y.encodeStateAsUpdate(replica, sv), client: replica.clientID, clock: Y.getState(replica.store, replica.clientID) };
}

async function storedNotes(boardId: string) {
  const doc = new Y.Doc();
  for (const u of (await server.store.loadUpdates(boardId)).updates) Y.applyUpdate(doc, u);
  return readBoard(doc).notesById;
}

describe('durability you can see', () => {
  it('D1: a change is acknowledged only after it is stored, with the sender\'s clock', async () => {
    const board = await createBoard(server.url);
    const member = await connectMember(server.url, board, 'participant', 'Ada');
    open.push(member);
    await member.synced;
    const { socket, received } = await ackingSocket(board.id, member.session);
    const { id, update, client, clock } = noteUpdate(member, 'acknowledged');
    socket.sendUpdate(update);
    await vi.waitFor(() => expect(received.saved.some((m) => m.get(client) === clock)).toBe(true));
    // When the ack arrived, the note was already in the database.
    expect((await storedNotes(board.id)).has(id)).toBe(true);
    socket.close();
  });

  it('D2: disk full: clients are told, nothing is acknowledged or broadcast, writes resume, the server stays up', async () => {
    const board = await createBoard(server.url);
    const writer = await connectMember(server.url, board, 'participant', 'Bea');
    const watcher = connect(server.url, board.id, board.tokens.viewer);
    open.push(writer, watcher);
    await Promise.all([writer.synced, watcher.synced]);
    const { socket, received } = await ackingSocket(board.id, writer.session);

    store.failWrites = true;
    const { id, update, client, clock } = noteUpdate(writer, 'written while the disk is full');
    socket.sendUpdate(update);
    await vi.waitFor(() => expect(received.storage).toEqual([1]));
    await vi.waitFor(() => expect(store.failedWrites).toBeGreaterThan(1)); // it keeps retrying
    expect(received.saved.filter((m) => m.has(client))).toEqual([]);
    expect(readBoard(watcher.doc).notesById.has(id)).toBe(false);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const info = await fetch(`${server.url}/api/boards/${board.id}?token=${board.tokens.viewer}`);
    expect(info.status).toBe(200);

    store.failWrites = false;
    await vi.waitFor(() => expect(received.storage).toEqual([1, 0]), { timeout: 10_000 });
    await vi.waitFor(() => expect(received.saved.some((m) => m.get(client) === clock)).toBe(true));
    await vi.waitFor(() => expect(readBoard(watcher.doc).notesById.has(id)).toBe(true));
    expect((await storedNotes(board.id)).has(id)).toBe(true);
    socket.close();
  });

  it('D4: exports read what is stored, as peers do: a change the disk has not taken is not in them', async () => {
    const board = await createBoard(server.url);
    const writer = await connectMember(server.url, board, 'participant', 'Dario');
    open.push(writer);
    await writer.synced;
    const { socket, received } = await ackingSocket(board.id, writer.session);
    const exported = async () => {
      const response = await fetch(`${server.url}/api/boards/${board.id}/export/board.json?token=${board.tokens.viewer}`);
      expect(response.status).toBe(200);
      return response.text();
    };

    store.failWrites = true;
    const { update, client } = noteUpdate(writer, 'held in memory only');
    socket.sendUpdate(update);
    await vi.waitFor(() => expect(received.storage).toEqual([1]));
    const room = await server.rooms.peek(board.id);
    expect(Y.getState(room!.doc.store, client)).toBeGreaterThan(0); // the live board has it
    expect(await exported()).not.toContain('held in memory only');

    store.failWrites = false;
    await vi.waitFor(() => expect(received.storage).toEqual([1, 0]), { timeout: 10_000 });
    await vi.waitFor(async () => expect(await exported()).toContain('held in memory only'));
    socket.close();
  });

  it('D3: stock providers (no ack=1) never get Tabella\'s own messages', async () => {
    const board = await createBoard(server.url);
    const member = await connectMember(server.url, board, 'participant', 'Cleo');
    open.push(member);
    await member.synced;
    const socket = await rawSocket(server.url, `/sync/${board.id}?token=${member.session}`);
    const types: number[] = [];
    socket.ws.on('message', (data: Buffer) => types.push(decoding.readVarUint(decoding.createDecoder(new Uint8Array(data)))));
    const { id, update } = noteUpdate(member, 'no acks for stock providers');
    socket.sendUpdate(update);
    await vi.waitFor(() => expect(readBoard(member.doc).notesById.has(id)).toBe(true));
    await vi.waitFor(() => expect(types).toContain(0)); // our own change, broadcast back after it was stored
    expect(types.filter((t) => t >= 100)).toEqual([]);
    socket.close();
  });
});
