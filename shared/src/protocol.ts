/**
 * What client and server agree on outside the Y.Doc: URLs, roles and the
 * websocket close codes. See docs/protocol.md.
 */
export const ROLES = ['facilitator', 'participant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Sync endpoint: `ws(s)://host:port/sync/<boardId>?token=<token>` (y-websocket URL + room). */
export const SYNC_PATH = '/sync';

/**
 * Close codes. y-websocket 3.x stops reconnecting on 4400-4499, so those are
 * final refusals; 1011/1013 are transient and the provider retries.
 */
export const CLOSE = {
  /** Board id does not match BOARD_ID_PATTERN, or the path is not /sync/<id>. */
  badRequest: 4400,
  /** Token missing or wrong. Also used for unknown boards when a token is wrong. */
  unauthorized: 4401,
  /** The board does not exist. */
  unknownBoard: 4404,
  /** An update was refused (not allowed for this person, role or phase); resync with a fresh doc. */
  forbidden: 4403,
  /** A message exceeded the size limit. */
  tooLarge: 4413,
  /** A message could not be decoded. */
  malformed: 4422,
  /** The member's role or identity changed; reconnect to get the new one. */
  reconnect: 4001,
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
  /** Unexpected server failure; the provider retries. */
  internalError: 1011,
} as const;

/** Minimum token entropy: 32 random bytes, base64url (256 bits). */
export const TOKEN_BYTES = 32;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface CreateBoardResponse {
  id: string;
  links: Record<Role, string>;
}

export interface BoardInfoResponse {
  id: string;
  title: string;
  language: 'en' | 'it';
  role: Role;
  /** The board's departments, so the join form can offer them before joining. */
  departments: { key: string; name: string; color: string }[];
  /** Present when the token is a member's personal session. */
  memberId?: string;
  name?: string;
  department?: string;
}

/** `POST /api/boards/:id/join`: a personal session in exchange for a facilitator or participant link. */
export interface JoinResponse {
  memberId: string;
  /** Personal token: use it instead of the link token from now on. */
  session: string;
  role: Role;
}

/** Websocket room (y-websocket `roomname`) of a member's private drafts on a board. */
export function draftsRoom(boardId: string): string {
  return `${boardId}/private`;
}

export interface ErrorResponse {
  error: string;
}
