import type { Request } from 'express';
import { isBoardId } from '../../../shared/src/index.js';
import type { BoardAccess, Caller } from '../boards/board-access.js';
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
  if (!isBoardId(id)) throw new HttpError(400, 'invalid board id');
  return id;
}

/** Who is calling, or the HTTP error that says why not. */
export async function callerOf(access: BoardAccess, req: Request, id: string): Promise<Caller> {
  const token = tokenOf(req);
  const result = await access.check(id, token);
  if (result === 'unknown-board') throw new HttpError(404, 'board not found');
  if (result === 'removed') throw new HttpError(403, 'you were removed from this workshop');
  if (result === 'bad-token') throw new HttpError(401, typeof token === 'string' && token ? 'invalid token' : 'token required');
  return result;
}

export async function facilitatorOf(access: BoardAccess, req: Request, id: string): Promise<Caller> {
  const who = await callerOf(access, req, id);
  if (who.role !== 'facilitator') throw new HttpError(403, 'only a facilitator can do this');
  return who;
}
