import { isBoardId } from '../ids.js';

/** Sync endpoint: `ws(s)://host:port/sync/<room>?token=<token>` (y-websocket URL + room). */
export const SYNC_PATH = '/sync';

/** What follows the board id in the room of a member's private drafts. */
const DRAFTS_SIDE = 'private';

/** Websocket room (y-websocket `roomname`) of a member's private drafts on a board. */
export function draftsRoom(boardId: string): string {
  return `${boardId}/${DRAFTS_SIDE}`;
}

/**
 * The room a sync path names after `/sync/`: a board, or the drafts of the
 * member whose token opens it. Undefined for anything else (ids are refused,
 * never rewritten).
 */
export function parseRoom(room: string): { boardId: string; drafts: boolean } | undefined {
  const [boardId, side, ...rest] = room.split('/');
  if (!isBoardId(boardId) || rest.length > 0 || (side !== undefined && side !== DRAFTS_SIDE)) return undefined;
  return { boardId, drafts: side === DRAFTS_SIDE };
}
