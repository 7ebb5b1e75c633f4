import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addNote, localOrigin, readBoard } from '../../shared/src/index.js';
import { connect, connectMember, createBoard } from '../support/clients.js';
import { startTestServer } from '../support/in-process-server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;

beforeAll(async () => {
  server = await startTestServer({ COMPACT_EVERY: '20' });
});
afterAll(() => server.close());

describe('room lifecycle', () => {
  it('unloads a room after its last client leaves, leaving one compacted snapshot', async () => {
    const board = await createBoard(server.url);
    const c = await connectMember(server.url, board, 'participant', 'P');
    await c.synced;
    expect(server.rooms.loadedCount).toBe(1);
    const stageId = readBoard(c.doc).segments[0]!.stages[0]!.id;
    for (let i = 0; i < 5; i++) addNote(c.doc, { stageId, text: `n${i}` }, c.author, localOrigin('p'));
    const watcher = connect(server.url, board.id, board.tokens.viewer);
    await vi.waitFor(() => expect(readBoard(watcher.doc).notesById.size).toBe(5));
    c.destroy();
    watcher.destroy();
    await vi.waitFor(() => expect(server.rooms.loadedCount).toBe(0));
    await vi.waitFor(async () => expect((await server.store.loadUpdates(board.id)).updates).toHaveLength(1));

    const again = connect(server.url, board.id, board.tokens.viewer);
    await again.synced;
    expect(readBoard(again.doc).notesById.size).toBe(5);
    again.destroy();
  });

  it('compacts periodically while a board is busy', async () => {
    const board = await createBoard(server.url);
    const c = await connectMember(server.url, board, 'participant', 'P');
    await c.synced;
    const stageId = readBoard(c.doc).segments[0]!.stages[0]!.id;
    for (let i = 0; i < 50; i++) addNote(c.doc, { stageId, text: `n${i}` }, c.author, localOrigin('p'));
    const room = await server.rooms.peek(board.id);
    await vi.waitFor(async () => {
      await room!.flushed();
      const { updates } = await server.store.loadUpdates(board.id);
      expect(updates.length).toBeLessThan(25);
    });
    c.destroy();
  });

  it('a client joining while the room unloads gets a freshly loaded room with everything', async () => {
    const board = await createBoard(server.url);
    const a = await connectMember(server.url, board, 'participant', 'P');
    await a.synced;
    const stageId = readBoard(a.doc).segments[0]!.stages[0]!.id;
    const id = addNote(a.doc, { stageId, text: 'kept' }, a.author, localOrigin('p'));
    await vi.waitFor(async () => {
      const { updates } = await server.store.loadUpdates(board.id);
      expect(updates.length).toBeGreaterThan(1);
    });
    a.destroy();
    const b = connect(server.url, board.id, board.tokens.viewer);
    await b.synced;
    expect(readBoard(b.doc).notesById.get(id)?.text).toBe('kept');
    b.destroy();
  });
});
