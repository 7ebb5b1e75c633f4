import { TITLE_MAX } from '../../../shared/src/index.js';
import { HttpError } from './errors.js';

/** Format of `board.json` (see GET /api/boards/:id/export/board.json). */
export const BACKUP_FORMAT = 'tabella-board';
export const BACKUP_VERSION = 1;

/**
 * Reads a board.json backup sent to POST /api/boards as `{ backup, title? }`.
 * Only the encoded Yjs state is used to restore; the readable snapshot in the
 * file is for people and other tools. Refuses anything else with a clear 400.
 */
export function readBackup(backup: unknown, title: unknown): { state: Uint8Array; title: string | undefined } {
  if (typeof backup !== 'object' || backup === null) throw new HttpError(400, 'backup must be the content of a board.json file');
  const b = backup as { format?: unknown; version?: unknown; board?: unknown };
  if (b.format !== BACKUP_FORMAT) throw new HttpError(400, 'this is not a Tabella board.json backup');
  if (b.version !== BACKUP_VERSION) throw new HttpError(400, `unsupported backup version ${String(b.version)}`);
  if (typeof b.board !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(b.board) || b.board.length === 0) {
    throw new HttpError(400, 'backup.board must be the base64 board state');
  }
  if (title !== undefined && (typeof title !== 'string' || title.trim() === '' || title.length > TITLE_MAX)) {
    throw new HttpError(400, `title must be 1 to ${TITLE_MAX} characters`);
  }
  return { state: new Uint8Array(Buffer.from(b.board, 'base64')), title: typeof title === 'string' ? title.trim() : undefined };
}
