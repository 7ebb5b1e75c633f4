import type { OperationErrorCode } from './ops/errors.js';

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
  /**
   * No access: the token is missing or wrong, or there is no such board (the two
   * are one refusal, see ACCESS_REFUSED); also a removed member, a shared link
   * used where a session is needed ("join first").
   */
  unauthorized: 4401,
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
  /**
   * The server cannot take this now (a reader too slow for what it is sent,
   * a board whose unsaved changes are at their bound): reconnect later, and
   * resync. Transient, so the provider retries with backoff.
   */
  tryAgainLater: 1013,
} as const;

/**
 * The one refusal for a board id plus a credential that does not open it:
 * HTTP 401 `{ "error": ACCESS_REFUSED }`, websocket close 4401 with this reason.
 * An unknown board and a missing or wrong token get exactly this, so a refusal
 * never tells whether a board exists (docs/security.md, "Refusals").
 */
export const ACCESS_REFUSED = 'invalid token or unknown board';

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

/**
 * Every HTTP refusal carries one of these (`ErrorResponse.code`), which the
 * client words in the reader's language (i18n `api.<code>`); `error` is the
 * English text for logs and other clients. Disjoint from the operations'
 * codes, which an API running an operation answers with instead.
 */
export const ERROR_CODES = [
  'name-taken', 'unknown-department', 'create-key-required', 'create-key-wrong', 'rate-limited', 'low-disk',
  'backup-too-large', 'backup-too-slow', 'backup-invalid', 'restore-busy',
  'access-refused', 'invalid-board-id', 'removed', 'facilitator-only', 'join-first', 'join-with-link',
  'member-not-found', 'version-not-found', 'no-such-export', 'no-such-endpoint', 'cannot-remove-self',
  'wrong-form-link', 'invalid-request', 'body-too-large', 'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * What is wrong with an uploaded backup (`code` `backup-invalid`,
 * `params.problem`), so the uploader is told in their language.
 */
export const BACKUP_PROBLEMS = [
  'not-json', 'not-a-backup', 'unsupported-version', 'bad-title', 'unreadable', 'incomplete', 'outside-layout', 'empty', 'too-big',
] as const;
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

export interface ErrorResponse {
  error: string;
  code: ErrorCode | OperationErrorCode;
  /** Values the client interpolates into its words for `code`. */
  params?: Readonly<Record<string, string | number>>;
}

/**
 * What makes two members' names the same: case, spacing and Unicode form do
 * not count, so "Anna  Rossi" and "anna rossi" are one name.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * `code` of the JSON refusal when the server has a CREATE_KEY: none was sent
 * (401), or the one sent is wrong (403). The client then asks for the key.
 */
export const CREATE_KEY_REQUIRED = 'create-key-required' satisfies ErrorCode;
export const CREATE_KEY_WRONG = 'create-key-wrong' satisfies ErrorCode;
/** Header that carries the create key (the JSON field `createKey` works too). */
export const CREATE_KEY_HEADER = 'X-Create-Key';
