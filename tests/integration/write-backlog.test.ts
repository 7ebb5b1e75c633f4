import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, readBoard } from '../../shared/src/index.js';
import { SqliteBoardStore } from '../../server/src/store/sqlite-store.js';
import { createBoard } from '../support/clients.js';
import { flakyStore } from '../support/flaky-store.js';
import { startTestServer, type TestServer } from '../support/in-process-server.js';
import { rawWriter } from '../support/raw-writer.js';

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

describe('unsaved changes are bounded while storage fails (issue #10)', () => {
  it('past MAX_UNSAVED_BYTES an update is refused: 101, a transient close, nothing acknowledged or kept', async () => {
    const board = await createBoard(server.url);
    const w = await rawWriter(server.url, board.id, board.tokens.participant);
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
    // A facilitator: participants already stop at 90% of the limit (the room kept for facilitators, write-limits).
    const w = await rawWriter(server.url, board.id, board.tokens.facilitator);
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
