import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SqliteBoardStore } from '../../server/src/store/sqlite-store.js';

/**
 * The server refuses to start on a database file it would lose or damage
 * boards with (docs/security.md "Storage trouble"): an empty file, a file that
 * is not a database, a database with damaged pages. Runs the built server
 * (`npm run build:server`) on real files; exit code 3, the reason on stderr.
 */
const MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));

function start(dataDir: string) {
  return spawnSync(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    // A server that starts does not exit: the timeout ends it, and the test fails on its status.
    timeout: 15_000,
  });
}

/** A real database with boards in it, as the server leaves it after a clean stop. */
async function databaseWithBoards(): Promise<{ dataDir: string; file: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tabella-dbcheck-'));
  const file = join(dataDir, 'tabella.sqlite');
  const store = new SqliteBoardStore(file, 'normal');
  for (let b = 0; b < 20; b++) {
    const id = `Board${String(b).padStart(10, '0')}`;
    await store.createBoard({ id, createdAt: b }, [{ role: 'viewer', hash: new Uint8Array(32).fill(b) }], new Uint8Array(600).fill(b));
    for (let u = 0; u < 20; u++) await store.appendUpdate(id, new Uint8Array(500).fill(u));
  }
  await store.close();
  return { dataDir, file };
}

describe('the database is checked before the server starts', () => {
  it('refuses an empty (zero-length) database file instead of starting with no boards', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabella-dbcheck-'));
    const file = join(dataDir, 'tabella.sqlite');
    writeFileSync(file, '');
    const run = start(dataDir);
    expect(run.status, run.stdout + run.stderr).toBe(3);
    expect(run.stderr).toContain(`The database ${file} is empty (0 bytes)`);
    expect(run.stderr).toContain('Restore the last backup (README, "Backups")');
    // Left as it was, for whoever investigates.
    expect(statSync(file).size).toBe(0);
  });

  it('refuses a database with damaged pages, naming what SQLite found', async () => {
    const { dataDir, file } = await databaseWithBoards();
    const pageSize = 4096;
    const pages = statSync(file).size / pageSize;
    expect(pages).toBeGreaterThan(10);
    // Garbage over a few b-tree pages in the middle of the file; page 1 (the header) stays sound.
    const fd = openSync(file, 'r+');
    for (const page of [Math.floor(pages / 2), Math.floor(pages / 2) + 1, pages - 2]) {
      writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, page * pageSize);
    }
    closeSync(fd);
    const before = readFileSync(file);
    const run = start(dataDir);
    expect(run.status, run.stdout + run.stderr).toBe(3);
    expect(run.stderr).toContain(`The database ${file} is damaged (SQLite quick_check: `);
    expect(run.stderr).toContain('Restore the last backup (README, "Backups")');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database at all', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabella-dbcheck-'));
    writeFileSync(join(dataDir, 'tabella.sqlite'), Buffer.alloc(8192, 0x42));
    const run = start(dataDir);
    expect(run.status, run.stdout + run.stderr).toBe(3);
    expect(run.stderr).toContain('is damaged (SQLite quick_check: file is not a database)');
  });

  it('opens a sound database with its boards', async () => {
    const { file } = await databaseWithBoards();
    const store = new SqliteBoardStore(file);
    expect(await store.getBoard('Board0000000019')).toBeDefined();
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
