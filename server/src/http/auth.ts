import type { Request } from 'express';
import { ACCESS_REFUSED, isBoardId } from '../../../shared/src/index.js';
import type { AccessResult, BoardAccess, Caller } from '../boards/board-access.js';
import { HttpError } from './errors.js';

/** The token of a request: `Authorization: Bearer <token>`, else `?token=`. */
export function tokenOf(req: Request): unknown {
  const header = req.get('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return req.query.token;
}

/** The board id of a request, checked against the strict pattern (never rewritten). */
export function boardIdOf(req: Request): string {
  const id = req.params.id;
  if (!isBoardId(id)) throw new HttpError(400, 'invalid-board-id', 'invalid board id');
  return id;
}

/**
 * The one answer to a board id plus a credential that does not open it: an
 * unknown board and a missing or wrong token are the same 401, byte for byte.
 */
function accessRefused(): HttpError {
  return new HttpError(401, 'access-refused', ACCESS_REFUSED);
}

/** Who is calling, or the HTTP error that says why not. */
export async function callerOf(access: BoardAccess, req: Request, id: string): Promise<Caller> {
  return admitted(await access.check(id, tokenOf(req)));
}

/** A caller, or the refusal: 401 (no access, board known or not), 403 (a removed member's own session). */
export function admitted(result: AccessResult): Caller {
  if (result === 'refused') throw accessRefused();
  if (result === 'removed') throw new HttpError(403, 'removed', 'you were removed from this workshop');
  return result;
}

/** A caller who is one member: a personal session. */
export type MemberCaller = Extract<Caller, { via: 'session' }>;

/**
 * A facilitator acting in person. Link tokens are shared (chat, e-mail), so
 * they only let people join and read what a viewer could; every write is made
 * by a personal session, bound to one member (docs/security.md "Identity").
 */
export async function facilitatorOf(access: BoardAccess, req: Request, id: string): Promise<MemberCaller> {
  const who = await callerOf(access, req, id);
  if (who.role !== 'facilitator') throw new HttpError(403, 'facilitator-only', 'only a facilitator can do this');
  if (who.via !== 'session') throw new HttpError(403, 'join-first', JOIN_FIRST);
  return who;
}

/** The refusal of a write made with a shared link instead of a personal session. */
export const JOIN_FIRST = 'join first: a shared link only lets people join (POST /api/boards/:id/join), then act with the personal session';
