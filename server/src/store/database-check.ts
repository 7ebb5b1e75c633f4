import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';

/**
 * The database file cannot be used as it is: the server must not start on it.
 * The message says what happened and what to do (README "Backups").
 */
export class DatabaseRefused extends Error {}

/**
 * Errors `PRAGMA quick_check` reports at most. It stops at this many, so a
 * badly damaged file is refused quickly; a sound file is read once (about a
 * second per GB), which bounds the start by the file's size. quick_check skips
 * the index-versus-table comparisons of integrity_check, which are the slow part.
 */
const QUICK_CHECK_ERRORS = 5;

const RESTORE = 'Restore the last backup (README, "Backups"): replace this file with the copy, delete the -wal and -shm files next to it, and start again.';

/**
 * Before SQLite opens `file`: a file that exists but is empty (a failed copy, a
 * truncation, a full disk while restoring) is refused. SQLite would silently
 * take it as a new database, and every board would be gone without a word.
 * SQLite writes its 4 KiB header as soon as it creates a database, so a
 * database this server made is never empty.
 */
export function refuseEmptyFile(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return; // No file yet: a new database, as on a first start.
  }
  if (size === 0) {
    throw new DatabaseRefused(
      `The database ${file} is empty (0 bytes), so all boards would be gone. ${RESTORE} `
        + 'If this is a new installation with no boards yet, delete the empty file.',
    );
  }
}

/** Once open: a file that is not a database, or has damaged pages, is refused with SQLite's findings. */
export function quickCheck(db: Database.Database, file: string): void {
  let findings: string[];
  try {
    const rows = db.pragma(`quick_check(${QUICK_CHECK_ERRORS})`) as { quick_check: string }[];
    findings = rows.map((r) => r.quick_check);
  } catch (error) {
    throw damaged(file, [error instanceof Error ? error.message : String(error)]);
  }
  if (findings.length !== 1 || findings[0] !== 'ok') throw damaged(file, findings);
}

/** For an error SQLite throws while opening or reading the file's structure. */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

export function damaged(file: string, findings: string[]): DatabaseRefused {
  return new DatabaseRefused(`The database ${file} is damaged (SQLite quick_check: ${findings.join('; ')}). ${RESTORE}`);
}
