import { ENTITY_ID_PATTERN, MEMBER_NAME_MAX } from '../../../shared/src/index.js';

/**
 * Who this device is on one board. The member id and the personal session
 * token come from the server (`POST /api/boards/:id/join`); they are kept in
 * localStorage per board so a reload does not ask again. Name and department
 * are a local copy for the first paint: the board's `members` map is the truth.
 */
export interface Identity {
  id: string;
  name: string;
  /** Department key or ''. */
  department: string;
}

export interface StoredSession extends Identity {
  /** Personal session token, used for the API and the websocket from now on. */
  session: string;
  /** The link token this session was obtained with (a different link means joining again). */
  link: string;
}

const key = (boardId: string) => `tabella:session:${boardId}`;
const legacyKey = (boardId: string) => `tabella:identity:${boardId}`;

function parse(raw: string | null): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw ?? 'null');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function validIdentity(r: Record<string, unknown>): Identity | undefined {
  const { id, name, department } = r;
  if (typeof id !== 'string' || !ENTITY_ID_PATTERN.test(id)) return undefined;
  if (typeof name !== 'string' || !name.trim() || name.length > MEMBER_NAME_MAX) return undefined;
  return { id, name, department: typeof department === 'string' ? department : '' };
}

export function loadSession(boardId: string): StoredSession | undefined {
  const r = parse(localStorage.getItem(key(boardId)));
  const identity = r && validIdentity(r);
  if (!r || !identity || typeof r.session !== 'string' || typeof r.link !== 'string') return undefined;
  return { ...identity, session: r.session, link: r.link };
}

export function saveSession(boardId: string, session: StoredSession): void {
  localStorage.setItem(key(boardId), JSON.stringify(session));
}

export function forgetSession(boardId: string): void {
  localStorage.removeItem(key(boardId));
}

/** Forgets who we were on this board, the name prefill included (My workshops' "Forget"). */
export function forgetIdentity(boardId: string): void {
  forgetSession(boardId);
  localStorage.removeItem(legacyKey(boardId));
}

/** Name and department used last on this device for this board, to prefill the join form. */
export function lastIdentity(boardId: string): { name: string; department: string } | undefined {
  const r = parse(localStorage.getItem(key(boardId))) ?? parse(localStorage.getItem(legacyKey(boardId)));
  const identity = r && validIdentity(r);
  return identity ? { name: identity.name, department: identity.department } : undefined;
}
