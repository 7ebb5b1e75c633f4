import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readBoard } from '../../shared/src/index.js';
import { connect, createBoard, joinBoard } from '../support/clients.js';
import { ackingWriter as newWriter, type AckingWriter } from '../support/acking-writer.js';
import { limitFileSize } from '../support/file-size-limit.js';
import { ServerProcess } from '../support/server-process.js';

/**
 * Storage trouble on a real filesystem, end to end: the built server runs as
 * its own process and `prlimit` takes away its right to write files (EFBIG on
 * every write, which SQLite reports as SQLITE_IOERR_WRITE), as a failing or
 * full disk would. The in-process variant with a failing store is D2 in
 * durability.test.ts. Needs `npm run build` and util-linux's `prlimit`.
 */
const server = new ServerProcess();
const clients: { destroy(): void }[] = [];
let lift: (() => void) | undefined;

afterAll(async () => {
  lift?.();
  for (const c of clients) c.destroy();
  await server.kill();
});

/** The shared writer, kept in `clients` so that afterAll closes it. */
function ackingWriter(...args: Parameters<typeof newWriter>): AckingWriter {
  const writer = newWriter(...args);
  clients.push(writer);
  return writer;
}

describe('storage trouble on a real filesystem (prlimit)', () => {
  it('tells the writer, acknowledges nothing, keeps serving reads; commits and acknowledges once writes work, and keeps it all across kill -9', { timeout: 90_000 }, async () => {
    const url = await server.start();
    const board = await createBoard(url);
    const other = await createBoard(url, { title: 'Another workshop', template: 'vision-workshop', language: 'it' });
    const { memberId, session } = await joinBoard(url, board.id, board.tokens.participant, 'Writer', 'sales');
    const writer = ackingWriter(url, board.id, session, { id: memberId, name: 'Writer', department: 'sales' });
    const watcher = connect(url, board.id, board.tokens.viewer);
    clients.push(watcher);
    await vi.waitFor(() => expect(writer.provider.synced).toBe(true), { timeout: 15_000 });
    await watcher.synced;
    const socket = writer.provider.ws;
    const stages = readBoard(writer.doc).segments.flatMap((s) => s.stages.map((st) => st.id));

    const before = writer.write(stages[0]!, 'written before the disk failed');
    await vi.waitFor(() => expect(writer.acked).toBe(before.clock));

    // The disk fails: no file of the server's can grow past its first byte.
    lift = limitFileSize(server.pid, 1);
    const during = [writer.write(stages[1]!, 'written while the disk fails, 1')];
    await vi.waitFor(() => expect(writer.storage).toEqual([1]), { timeout: 10_000 });
    // A real SQLite error from the filesystem, not a simulated one.
    await vi.waitFor(() => expect(server.logs).toMatch(/"code":"SQLITE_(IOERR\w*|FULL)".*writing to the store failed; retrying/));
    during.push(writer.write(stages[2]!, 'written while the disk fails, 2'), writer.write(stages[1]!, 'written while the disk fails, 3'));
    expect(writer.acked).toBe(before.clock);

    // The server stays up and keeps serving what only needs reading.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const info = await fetch(`${url}/api/boards/${board.id}?token=${board.tokens.viewer}`);
    expect(info.status).toBe(200);
    const reader = connect(url, other.id, other.tokens.viewer);
    clients.push(reader);
    await reader.synced;
    expect(readBoard(reader.doc).meta.title).toBe('Another workshop');
    const markdown = await fetch(`${url}/api/boards/${other.id}/export/roadmap.md?token=${other.tokens.viewer}`);
    expect(markdown.status).toBe(200);
    expect(await markdown.text()).toContain('Another workshop');
    // Nothing written meanwhile was acknowledged or shown to others.
    expect(writer.acked).toBe(before.clock);
    expect(writer.storage).toEqual([1]);
    for (const { id } of during) expect(readBoard(watcher.doc).notesById.has(id)).toBe(false);
    // Someone joining now is served what the store holds, not the unsaved changes
    // in the server's memory: anything a peer has seen survives a crash.
    const late = connect(url, board.id, board.tokens.viewer);
    clients.push(late);
    await late.synced;
    expect(readBoard(late.doc).notesById.has(before.id)).toBe(true);
    for (const { id } of during) expect(readBoard(late.doc).notesById.has(id)).toBe(false);

    // Space returns: the server's own retries commit the writes, then acknowledge them
    // and broadcast them, on the same socket; the client sends nothing again.
    lift();
    await vi.waitFor(() => expect(writer.storage).toEqual([1, 0]), { timeout: 15_000 });
    await vi.waitFor(() => expect(writer.acked).toBe(during.at(-1)!.clock), { timeout: 5_000 });
    await vi.waitFor(() => expect(during.filter(({ id }) => !readBoard(watcher.doc).notesById.has(id))).toEqual([]));
    await vi.waitFor(() => expect(during.filter(({ id }) => !readBoard(late.doc).notesById.has(id))).toEqual([]));
    expect(writer.provider.ws).toBe(socket);
    expect(writer.closes).toBe(0);
    const after = writer.write(stages[0]!, 'written after the disk came back');
    await vi.waitFor(() => expect(writer.acked).toBe(after.clock));

    // Everything acknowledged is on disk: it survives kill -9.
    const acknowledged = writer.acknowledged();
    expect(acknowledged).toEqual([before.id, ...during.map(({ id }) => id), after.id]);
    await server.kill();
    await server.start();
    const db = new Database(join(server.dataDir, 'tabella.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const check = connect(url, board.id, board.tokens.viewer);
    clients.push(check);
    await check.synced;
    const present = readBoard(check.doc).notesById;
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
  });
});
