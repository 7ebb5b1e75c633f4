import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { addNote, localOrigin, readBoard } from '../../shared/src/index.js';
import { connect, connectMember, createBoard, type TestClient } from '../support/clients.js';
import { ServerProcess } from '../support/server-process.js';

const run = promisify(execFile);
const BACKUP = fileURLToPath(new URL('../../server/dist/backup.js', import.meta.url));
const servers: ServerProcess[] = [];
const open: TestClient[] = [];

afterAll(async () => {
  for (const c of open) c.destroy();
  for (const s of servers) await s.kill();
});

describe('online backup', () => {
  it('B1: copies a consistent database while a board is being written, and the copy restores', async () => {
    const server = new ServerProcess();
    servers.push(server);
    const url = await server.start();
    const board = await createBoard(url);
    const writer = await connectMember(url, board, 'participant', 'Writer');
    const watcher = connect(url, board.id, board.tokens.viewer);
    open.push(writer, watcher);
    await Promise.all([writer.synced, watcher.synced]);
    const stageId = readBoard(writer.doc).segments[0]!.stages[0]!.id;
    const before: string[] = [];
    for (let i = 0; i < 30; i++) before.push(addNote(writer.doc, { stageId, text: `before ${i}` }, writer.author, localOrigin('w')));
    await vi.waitFor(() => expect(readBoard(watcher.doc).notesById.size).toBe(30));

    // Keep writing while the backup runs.
    let writing = true;
    const during = (async () => {
      for (let i = 0; writing && i < 200; i++) {
        addNote(writer.doc, { stageId, text: `during ${i}` }, writer.author, localOrigin('w'));
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const dir = mkdtempSync(join(tmpdir(), 'tabella-backup-'));
    const target = join(dir, 'copy.sqlite');
    const { stdout } = await run(process.execPath, [BACKUP, target], { env: { ...process.env, DATA_DIR: server.dataDir } });
    writing = false;
    await during;
    expect(stdout).toMatch(/Backed up 1 board\(s\) to .*copy\.sqlite \(integrity ok\)/);
    await expect(run(process.execPath, [BACKUP, target], { env: { ...process.env, DATA_DIR: server.dataDir } })).rejects.toThrow(/already exists/);

    // Restore: a new server whose data directory holds the copy.
    const restoredDir = mkdtempSync(join(tmpdir(), 'tabella-restored-'));
    mkdirSync(restoredDir, { recursive: true });
    copyFileSync(target, join(restoredDir, 'tabella.sqlite'));
    const restored = new ServerProcess(restoredDir);
    servers.push(restored);
    const restoredUrl = await restored.start();
    const reader = connect(restoredUrl, board.id, board.tokens.viewer);
    open.push(reader);
    await reader.synced;
    const notes = readBoard(reader.doc).notesById;
    for (const id of before) expect(notes.has(id)).toBe(true);
    expect(readBoard(reader.doc).problems).toEqual([]);
  });
});
