import { TITLE_MAX, type BackupProblem } from '../../../shared/src/index.js';

/** Format of `board.json` (see GET /api/boards/:id/export/board.json). */
export const BACKUP_FORMAT = 'tabella-board';
export const BACKUP_VERSION = 1;

/** What an upload to POST /api/boards asks for: the state to restore, a new title, the create key it carried. */
export interface BackupUpload {
  state: Uint8Array;
  title: string | undefined;
  createKey: string | undefined;
}

/** An upload that cannot be restored: `problem` for the uploader's screen, the message for logs and API clients. */
export class BackupRefused extends Error {
  constructor(
    readonly problem: BackupProblem,
    message: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'BackupRefused';
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads the body of a restore, `{ backup, title?, createKey? }` where backup is
 * the content of a board.json file. Only the encoded Yjs state is used; the
 * readable snapshot in the file is for people and other tools. Anything else
 * is refused with a reason. Runs in the restore worker: on a 16 MiB body,
 * decoding, parsing and checking the base64 alone cost the main thread
 * hundreds of milliseconds on a busy machine.
 */
export function readUpload(raw: Uint8Array): BackupUpload {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'));
  } catch {
    throw new BackupRefused('not-json', 'request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null) throw new BackupRefused('not-a-backup', 'backup must be the content of a board.json file');
  const { backup, title, createKey } = body as { backup?: unknown; title?: unknown; createKey?: unknown };
  if (typeof backup !== 'object' || backup === null) throw new BackupRefused('not-a-backup', 'backup must be the content of a board.json file');
  const b = backup as { format?: unknown; version?: unknown; board?: unknown };
  if (b.format !== BACKUP_FORMAT) throw new BackupRefused('not-a-backup', 'this is not a Tabella board.json backup');
  if (b.version !== BACKUP_VERSION) throw new BackupRefused('unsupported-version', `unsupported backup version ${String(b.version)}`, { version: String(b.version) });
  if (typeof b.board !== 'string' || b.board.length === 0 || !BASE64.test(b.board)) {
    throw new BackupRefused('not-a-backup', 'backup.board must be the base64 board state');
  }
  if (title !== undefined && (typeof title !== 'string' || title.trim() === '' || title.length > TITLE_MAX)) {
    throw new BackupRefused('bad-title', `title must be 1 to ${TITLE_MAX} characters`, { max: TITLE_MAX });
  }
  return {
    state: new Uint8Array(Buffer.from(b.board, 'base64')),
    title: typeof title === 'string' ? title.trim() : undefined,
    createKey: typeof createKey === 'string' ? createKey : undefined,
  };
}
