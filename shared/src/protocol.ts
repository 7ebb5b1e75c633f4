import type { OperationErrorCode } from './ops/errors.js';

/**
 * What client and server agree on outside the Y.Doc: URLs, roles, messages,
 * close codes and the HTTP API's types. See docs/protocol.md. The wire parts
 * live in ./protocol/, one file each, and are exported from here.
 */
export * from './protocol/close-codes.js';
export * from './protocol/exports.js';
export * from './protocol/follow-up-api.js';
export * from './protocol/join-codes.js';
export * from './protocol/messages.js';
export * from './protocol/rooms.js';

export const ROLES = ['facilitator', 'participant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

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
  'wrong-form-link', 'invalid-request', 'body-too-large', 'internal', 'join-code-unknown', 'joining-closed',
  'restarting', 'logo-too-large', 'logo-not-an-image',
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
