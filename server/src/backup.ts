import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { readConfigOrExit } from './config-or-exit.js';

/**
 * `npm run backup -- <destination file>`: a consistent copy of the database
 * while the server keeps running (SQLite's online backup API copies a
 * snapshot page by page; writers are not blocked). Restore: stop the server,
 * replace DATA_DIR/tabella.sqlite with the copy (delete tabella.sqlite-wal and
 * tabella.sqlite-shm), start the server.
 */
async function main(): Promise<void> {
  const destination = process.argv[2];
  if (!destination) {
    process.stderr.write('Usage: npm run backup -- <destination file>\n');
    process.exit(2);
  }
  const config = readConfigOrExit(process.env);
  const source = join(config.dataDir, 'tabella.sqlite');
  if (!existsSync(source)) {
    process.stderr.write(`No database at ${source} (DATA_DIR=${config.dataDir}).\n`);
    process.exit(1);
  }
  const target = resolve(destination);
  if (existsSync(target)) {
    process.stderr.write(`${target} already exists; choose a new file name.\n`);
    process.exit(1);
  }
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true });
  const check = copy.pragma('integrity_check', { simple: true });
  const boards = (copy.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n;
  copy.close();
  if (check !== 'ok') {
    process.stderr.write(`The copy failed its integrity check: ${String(check)}\n`);
    process.exit(1);
  }
  process.stdout.write(`Backed up ${boards} board(s) to ${target} (integrity ok).\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
