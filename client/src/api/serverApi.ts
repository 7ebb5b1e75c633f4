import {
  CREATE_KEY_HEADER, ERROR_CODES, isOperationErrorCode, type BoardInfoResponse, type CreateBoardResponse, type ErrorResponse,
  type JoinCodeJoinResponse, type JoinCodeLookupResponse, type JoinCodeState, type JoinResponse, type Language, type Role,
  type TemplateName,
} from '../../../shared/src/index.js';

/**
 * An HTTP failure: the server's `code` and `params`, which the client words
 * (i18n/errorText.ts), and its English message, for logs only.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Absent when the answer was not the server's JSON (a proxy's error page). */
    readonly code?: ErrorResponse['code'],
    readonly params: NonNullable<ErrorResponse['params']> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The ApiError for a failed response's JSON body `{ error, code, params? }`. */
export function apiError(response: Response, body: unknown): ApiError {
  const { error, code, params } = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; code?: unknown; params?: unknown };
  const known = isOperationErrorCode(code) ? code : ERROR_CODES.find((c) => c === code);
  return new ApiError(response.status, typeof error === 'string' ? error : response.statusText, known, readParams(params));
}

/** Only plain strings and numbers are interpolated into the client's words. */
function readParams(value: unknown): Record<string, string | number> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
}

async function readJson<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw apiError(response, body);
  return body as T;
}

/** The header that carries a server's create key, when the person entered one. */
export function createKeyHeaders(createKey: string | undefined): Record<string, string> {
  return createKey ? { [CREATE_KEY_HEADER]: createKey } : {};
}

export interface CreateBoardInput {
  title: string;
  template: TemplateName;
  language: Language;
}

export async function createBoard(input: CreateBoardInput, createKey?: string): Promise<CreateBoardResponse> {
  const response = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...createKeyHeaders(createKey) },
    body: JSON.stringify(input),
  });
  return readJson<CreateBoardResponse>(response);
}

export async function fetchBoardInfo(boardId: string, token: string): Promise<BoardInfoResponse> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`, {
    headers: { accept: 'application/json' },
  });
  return readJson<BoardInfoResponse>(response);
}

export type SessionInfo = BoardInfoResponse;

export async function joinBoard(
  boardId: string, input: { token: string; name: string; department: string },
): Promise<JoinResponse> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(input),
  });
  return readJson<JoinResponse>(response);
}

function bearer(session: string): Record<string, string> {
  return { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${session}` };
}

/** Changes this person's own name or department. */
export async function updateMe(
  boardId: string, session: string, patch: { name?: string; department?: string },
): Promise<void> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/members/me`, {
    method: 'PATCH', headers: bearer(session), body: JSON.stringify(patch),
  });
  await readJson<unknown>(response);
}

/** Facilitator only: turns someone into a viewer, participant or facilitator. */
export async function setMemberRole(boardId: string, session: string, memberId: string, role: Role): Promise<void> {
  const response = await fetch(
    `/api/boards/${encodeURIComponent(boardId)}/members/${encodeURIComponent(memberId)}`,
    { method: 'PATCH', headers: bearer(session), body: JSON.stringify({ role }) },
  );
  await readJson<unknown>(response);
}

/**
 * Facilitator only: a new link for `role` (`POST /api/boards/:id/links/:role`).
 * The old link stops working; people who joined with it keep their sessions.
 */
export async function issueLink(boardId: string, session: string, role: Role): Promise<string> {
  const response = await fetch(
    `/api/boards/${encodeURIComponent(boardId)}/links/${encodeURIComponent(role)}`,
    { method: 'POST', headers: bearer(session), body: '{}' },
  );
  return (await readJson<{ link: string }>(response)).link;
}

/** Facilitator only: removes someone; their session stops working. */
export async function removeMember(boardId: string, session: string, memberId: string): Promise<void> {
  const response = await fetch(
    `/api/boards/${encodeURIComponent(boardId)}/members/${encodeURIComponent(memberId)}`,
    { method: 'DELETE', headers: bearer(session) },
  );
  if (response.status === 204) return;
  await readJson<unknown>(response);
}

/** `GET /api/time`: the server's clock (epoch ms). */
export async function fetchServerTime(): Promise<number> {
  const response = await fetch('/api/time', { headers: { accept: 'application/json' }, cache: 'no-store' });
  const body = await readJson<{ now: unknown }>(response);
  if (typeof body.now !== 'number' || !Number.isFinite(body.now)) throw new ApiError(500, 'bad time');
  return body.now;
}

/** A board's join code as this caller may see it (`GET /api/boards/:id/join-code`). */
export async function fetchJoinCode(boardId: string, token: string): Promise<JoinCodeState> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/join-code`, { headers: bearer(token), cache: 'no-store' });
  return readJson<JoinCodeState>(response);
}

/** Facilitator only: a new code (the old one stops working), or joining by code closed or reopened. */
export async function changeJoinCode(boardId: string, session: string, change: 'new' | { open: boolean }): Promise<JoinCodeState> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/join-code`, change === 'new'
    ? { method: 'POST', headers: bearer(session), body: '{}' }
    : { method: 'PATCH', headers: bearer(session), body: JSON.stringify(change) });
  return readJson<JoinCodeState>(response);
}

const postJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });

/** The board a typed code opens: its title, language and departments for the join form. */
export async function lookupJoinCode(code: string): Promise<JoinCodeLookupResponse> {
  return readJson<JoinCodeLookupResponse>(await postJson('/api/join-codes/lookup', { code }));
}

/** Joins the code's board as a participant: a personal session, as a link join gives. */
export async function joinWithCode(input: { code: string; name: string; department: string }): Promise<JoinCodeJoinResponse> {
  return readJson<JoinCodeJoinResponse>(await postJson('/api/join-codes/join', input));
}
