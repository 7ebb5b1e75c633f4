import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import type * as Y from 'yjs';

/**
 * This device's copy of a board (and of one member's drafts) in IndexedDB, so a
 * participant whose Wi-Fi drops keeps working, a reload while offline still
 * shows everything, and the edits go to the server when it is reachable again.
 */
export const boardStoreName = (boardId: string) => `tabella:${boardId}`;
export const draftsStoreName = (boardId: string, memberId: string) => `tabella:${boardId}:drafts:${memberId}`;

/** IndexedDB may be missing or refuse to open (private modes, quota): never wait for it longer than this. */
const LOCAL_TIMEOUT_MS = 2_000;

function within<T>(promise: Promise<T>, ms = LOCAL_TIMEOUT_MS): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
}

/**
 * Opens the local copy and applies it to `doc`. Resolves once it is loaded, or
 * without it when IndexedDB is not available: the board then works online only.
 */
export async function openLocal(name: string, doc: Y.Doc): Promise<IndexeddbPersistence | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  try {
    const persistence = new IndexeddbPersistence(name, doc);
    // openDB's rejection would otherwise surface as an unhandled rejection.
    (persistence as unknown as { _db: Promise<unknown> })._db.catch(() => undefined);
    const loaded = await within(persistence.whenSynced);
    return loaded ? persistence : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stops writing to the local copy and deletes it. y-indexeddb's own
 * `clearData()` does not wait for the deletion, and a fresh doc must not open
 * the old data again, so we wait (bounded: another tab holding the database
 * open blocks the deletion until it closes).
 */
export async function clearLocal(persistence: IndexeddbPersistence): Promise<void> {
  await within(persistence.destroy().then(() => clearDocument(persistence.name)).catch(() => undefined));
}

/**
 * Deletes every local copy of one board (the board and all drafts on this
 * device): the person was removed, or this device joins as someone else, so
 * nothing kept here may be sent under the new identity. No need to wait: the
 * board's deletion is requested synchronously, and IndexedDB runs an open
 * requested later only after it (drafts copies are per member, so a new
 * member never opens the old ones).
 */
export function clearBoardLocal(boardId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  const prefix = boardStoreName(boardId);
  const board = clearDocument(prefix).catch(() => undefined);
  const drafts = (async () => {
    try {
      const dbs = (await indexedDB.databases?.()) ?? [];
      await Promise.all(dbs.filter((db) => db.name?.startsWith(`${prefix}:`))
        .map((db) => clearDocument(db.name!).catch(() => undefined)));
    } catch {
      // databases() is missing in older browsers: the board's own copy is still cleared.
    }
  })();
  return within(Promise.all([board, drafts])).then(() => undefined);
}
