import * as Y from 'yjs';
import type { RoomRegistry } from '../sync/room-registry.js';
import { applyInSlices } from '../sync/sliced-apply.js';

/** What reading a board's stored state needs from storage (BoardStore satisfies it). */
export interface StateStore {
  loadUpdates(id: string): Promise<{ updates: Uint8Array[] }>;
  getVersion(boardId: string, id: string): Promise<{ state: Uint8Array } | undefined>;
}

/*
 * Every read of a board outside the sync (exports, saved versions, the
 * follow-up forms, board info) goes through here and sees what the store
 * holds: the rule peers live by (Room.syncStep2), so nobody reads a change
 * the server could still lose in a crash. From the loaded room when there is
 * one (its stored view), else from the stored updates. Never loads a room:
 * a read must not keep a second live copy of the board, nor wake one up (it
 * would be compacted, rewriting the whole board, when it unloads again).
 */

/** The board's stored state as one Yjs update. */
export async function storedState(rooms: RoomRegistry, store: StateStore, boardId: string): Promise<Uint8Array> {
  const view = await loadedView(rooms, boardId);
  if (view) return Y.encodeStateAsUpdate(view);
  const { updates } = await store.loadUpdates(boardId);
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}

/** Runs `read` on the board as stored; `read` must not keep the doc or write to it. */
export async function readStored<T>(
  rooms: RoomRegistry, store: StateStore, boardId: string, read: (doc: Y.Doc) => T,
): Promise<T> {
  const view = await loadedView(rooms, boardId);
  if (view) return read(view);
  const doc = new Y.Doc();
  try {
    const { updates } = await store.loadUpdates(boardId);
    await applyInSlices(doc, updates, null);
    return read(doc);
  } finally {
    doc.destroy();
  }
}

/** The loaded room's stored view; none when no room is loaded, or it is unloading (then the store has it all). */
async function loadedView(rooms: RoomRegistry, boardId: string): Promise<Y.Doc | undefined> {
  const room = await rooms.peek(boardId).catch(() => undefined);
  if (!room || room.isClosing) return undefined;
  const view = await room.storedView();
  return room.isClosing || view.isDestroyed ? undefined : view;
}
