import { afterAll, describe, expect, it, vi } from 'vitest';
import { addNote, localOrigin, readBoard } from '../../shared/src/index.js';
import { connect, connectMember, createBoard, type TestClient } from '../support/clients.js';
import { ServerProcess } from '../support/server-process.js';

const server = new ServerProcess();
const clients: TestClient[] = [];

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.kill();
});

describe('a server restart loses nothing that reached it', () => {
  it('keeps every note seen by another client across kill -9, and the providers reconnect', async () => {
    const url = await server.start();
    const board = await createBoard(url);
    const writer = await connectMember(url, board, 'participant', 'Writer');
    const watcher = connect(url, board.id, board.tokens.viewer);
    clients.push(writer, watcher);
    await Promise.all([writer.synced, watcher.synced]);
    const stages = readBoard(writer.doc).segments.flatMap((s) => s.stages);

    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const stage = stages[i % stages.length]!;
      ids.push(addNote(writer.doc, { stageId: stage.id, text: `note ${i}` }, writer.author, localOrigin('w1')));
    }
    // The server broadcasts only after storing, so what the watcher sees is stored.
    await vi.waitFor(() => expect(readBoard(watcher.doc).notesById.size).toBe(40), { timeout: 10_000 });

    await server.kill();
    await server.start();

    const fresh = connect(url, board.id, board.tokens.viewer);
    clients.push(fresh);
    await fresh.synced;
    const after = readBoard(fresh.doc);
    expect([...after.notesById.keys()].sort()).toEqual([...ids].sort());
    expect(after.segments).toHaveLength(3);
    expect(after.problems).toEqual([]);

    // The stock providers reconnect by themselves and keep collaborating.
    const late = addNote(writer.doc, { stageId: stages[0]!.id, text: 'after restart' }, writer.author, localOrigin('w1'));
    await vi.waitFor(() => expect(readBoard(fresh.doc).notesById.has(late)).toBe(true), { timeout: 10_000 });
    await vi.waitFor(() => expect(readBoard(watcher.doc).notesById.has(late)).toBe(true), { timeout: 10_000 });
  });

  it('a graceful stop (SIGTERM) flushes every room before exiting', async () => {
    const url = server.url || (await server.start());
    const board = await createBoard(url);
    const c = await connectMember(url, board, 'participant', 'P');
    clients.push(c);
    await c.synced;
    const stageId = readBoard(c.doc).segments[0]!.stages[0]!.id;
    const id = addNote(c.doc, { stageId, text: 'before stop' }, c.author, localOrigin('p'));
    const watcher = connect(url, board.id, board.tokens.viewer);
    clients.push(watcher);
    await vi.waitFor(() => expect(readBoard(watcher.doc).notesById.has(id)).toBe(true));
    await server.stop();
    expect(server.logs).toContain('stopping: flushing boards');
    await server.start();
    const fresh = connect(url, board.id, board.tokens.viewer);
    clients.push(fresh);
    await fresh.synced;
    expect(readBoard(fresh.doc).notesById.get(id)?.text).toBe('before stop');
  });
});
