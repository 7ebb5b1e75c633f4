import { useMemo } from 'react';
import { draftsRoom, type Note } from '../../../shared/src/index.js';
import { useBoardSync, useSnapshot, type BoardConnection } from '../sync/useBoardSync.js';
import { draftsStoreName } from '../sync/localStore.js';

export interface Drafts {
  /** The drafts doc, while private writing is on for us. */
  connection: BoardConnection | undefined;
  notes: Note[];
}

/**
 * This person's private drafts, while private writing is on: a second
 * provider on the drafts room (`draftsRoom`) with the same session token. When the
 * facilitator reveals, the server moves the drafts to the board and empties
 * this doc; they disappear here and arrive as ordinary notes in the board doc.
 * Drafts are kept on this device too (per member), like the board.
 */
export function useDrafts(
  boardId: string, token: string, enabled: boolean, onRefused: (reason: string) => void, memberId: string,
): Drafts {
  const sync = useBoardSync(boardId, token, {
    room: draftsRoom(boardId), enabled, onRefusedUpdate: onRefused, localName: draftsStoreName(boardId, memberId),
  });
  const snapshot = useSnapshot(enabled ? sync.connection : undefined);
  const notes = useMemo(() => (snapshot ? [...snapshot.notesById.values()] : []), [snapshot]);
  return { connection: enabled ? sync.connection : undefined, notes };
}
