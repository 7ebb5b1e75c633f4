import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../shared/src/index.js';
import { SqliteBoardStore } from '../../server/src/store/sqlite-store.js';
import { ackingWriter, type AckingWriter } from '../support/acking-writer.js';
import { connect, createBoard, joinBoard, type TestClient } from '../support/clients.js';
import { limitFileSize } from '../support/file-size-limit.js';
import { ServerProcess } from '../support/server-process.js';
import { tryUpgrade } from '../support/upgrade.js';

/**
 * SIGTERM drains a real server process (docs/scaling.md "Deploys"): it refuses
 * new requests and websockets with 503 (`/healthz` says `draining`), closes its
 * sockets with 1001 so the stock provider reconnects, flushes every board and
 * exits 0, or 1 once DRAIN_TIMEOUT_MS has passed. Nothing acknowledged is lost
 * either way: the store is read directly after the process is gone.
 * Needs `npm run build` and util-linux's `prlimit`.
 */
const servers: ServerProcess[] = [];
const clients: (TestClient | AckingWriter)[] = [];

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of servers) await s.kill();
});

async function started(env: Record<string, string>): Promise<ServerProcess> {
  const server = new ServerProcess(undefined, env);
  servers.push(server);
  await server.start();
  return server;
}

/** A participant writing with acknowledgements, and the stage ids of the board. */
async function writerOn(url: string, board: Awaited<ReturnType<typeof createBoard>>) {
  const { memberId, session } = await joinBoard(url, board.id, board.tokens.participant, 'Writer', 'sales');
  const writer = ackingWriter(url, board.id, session, { id: memberId, name: 'Writer', department: 'sales' }, { maxBackoffTime: 300 });
  clients.push(writer);
  await vi.waitFor(() => expect(writer.provider.synced).toBe(true), { timeout: 10_000 });
  const stages = readBoard(writer.doc).segments.flatMap((s) => s.stages.map((st) => st.id));
  return { writer, stages };
}

/** The note ids the stopped server's SQLite file holds for this board. */
async function storedNoteIds(dataDir: string, boardId: string): Promise<Set<string>> {
  const store = new SqliteBoardStore(join(dataDir, 'tabella.sqlite'));
  try {
    const doc = new Y.Doc();
    for (const update of (await store.loadUpdates(boardId)).updates) Y.applyUpdate(doc, update);
    return new Set(readBoard(doc).notesById.keys());
  } finally {
    await store.close();
  }
}

describe('draining on SIGTERM', () => {
  it('closes every socket with 1001, keeps every acknowledged note, exits 0; the provider reconnects and resends the rest', async () => {
    const server = await started({ DRAIN_TIMEOUT_MS: '10000' });
    const board = await createBoard(server.url);
    const { writer, stages } = await writerOn(server.url, board);
    const watcher = connect(server.url, board.id, board.tokens.viewer);
    clients.push(watcher);
    await watcher.synced;

    // Writing never stops: some notes are stored and acknowledged, some are in flight when SIGTERM comes.
    let n = 0;
    const writing = setInterval(() => writer.write(stages[n % stages.length]!, `note ${n++}`), 5);
    try {
      await vi.waitFor(() => expect(writer.acknowledged().length).toBeGreaterThan(20), { timeout: 10_000 });
      const exitCode = await server.stop();
      expect(exitCode).toBe(0);
    } finally {
      clearInterval(writing);
    }
    expect(writer.closeCodes).toContain(1001);
    expect(watcher.closes.map((c) => c.code)).toContain(1001);
    expect(server.logs).toContain('stopping: flushing boards');

    const acknowledged = writer.acknowledged();
    const stored = await storedNoteIds(server.dataDir, board.id);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    // Back up on the same port: the stock providers reconnect by themselves, and what was
    // never acknowledged is resent by the writer, so in the end every note is there.
    await server.start();
    await vi.waitFor(() => expect(readBoard(watcher.doc).notesById.size).toBe(writer.written.size), { timeout: 15_000 });
    expect([...writer.written.keys()].filter((id) => !readBoard(watcher.doc).notesById.has(id))).toEqual([]);
  });

  it('refuses requests and websockets with 503 while it drains, /healthz says draining; a flush that cannot finish ends at DRAIN_TIMEOUT_MS with exit 1', async () => {
    const server = await started({ DRAIN_TIMEOUT_MS: '3000' });
    const board = await createBoard(server.url);
    const { writer, stages } = await writerOn(server.url, board);
    const kept = writer.write(stages[0]!, 'stored before the disk failed');
    await vi.waitFor(() => expect(writer.acked).toBe(kept.clock));

    // The disk fails, so the board cannot be flushed and the drain lasts until DRAIN_TIMEOUT_MS.
    limitFileSize(server.pid, 1);
    const pending = writer.write(stages[1]!, 'written while the disk fails');
    await vi.waitFor(() => expect(writer.storage).toEqual([1]), { timeout: 10_000 });
    const { exited } = server.send('SIGTERM');

    await vi.waitFor(async () => expect((await fetch(`${server.url}/healthz`)).status).toBe(503), { timeout: 2_000, interval: 50 });
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: 'unavailable', store: 'ok', redis: 'off', draining: true });
    const api = await fetch(`${server.url}/api/time`);
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('1');
    expect(api.headers.get('connection')).toBe('close');
    expect(((await api.json()) as { code: string }).code).toBe('restarting');
    expect((await tryUpgrade(server.url, `/sync/${board.id}?token=${board.tokens.viewer}`)).status).toBe(503);
    expect(writer.closeCodes).toContain(1001);

    expect(await exited).toBe(1);
    expect(server.logs).toContain('drain did not finish within DRAIN_TIMEOUT_MS');
    expect((await storedNoteIds(server.dataDir, board.id)).has(kept.id)).toBe(true);
    expect(writer.acked).toBe(kept.clock);

    // Restarted with a working disk: the writer's provider reconnects and resends what was never acknowledged.
    await server.start();
    await vi.waitFor(() => expect(writer.acked).toBe(pending.clock), { timeout: 15_000 });
  });
});
