import * as Y from 'yjs';
import type { RoomRegistry } from '../sync/room-registry.js';

/** What reading a board's state needs from storage (BoardStore satisfies it). */
export interface StateStore {
  loadUpdates(id: string): Promise<{ updates: Uint8Array[] }>;
  getVersion(boardId: string, id: string): Promise<{ state: Uint8Array } | undefined>;
}

/**
 * The board's current state as one Yjs update. From the live room when one is
 * loaded (it holds edits that may not be stored yet), else merged from the
 * stored updates. Never loads a room: an export must not keep a second live
 * copy of the board, nor wake one up for a read.
 */
export async function currentState(rooms: RoomRegistry, store: StateStore, boardId: string): Promise<Uint8Array> {
  const room = await rooms.peek(boardId).catch(() => undefined);
  if (room && !room.isClosing) return Y.encodeStateAsUpdate(room.doc);
  const { updates } = await store.loadUpdates(boardId);
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}

/** A read-only doc built from a state, for one export; the caller destroys it. */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
