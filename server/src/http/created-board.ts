import type { Request } from 'express';
import { ROLES, type CreateBoardResponse, type Role } from '../../../shared/src/index.js';
import type { CreatedBoard } from '../boards/board-service.js';
import type { ApiDeps } from './api-deps.js';
import { publicBaseUrl } from './public-url.js';

/** The link for a role: the token sits in the fragment, so it never reaches server logs or Referer headers. */
export function boardLink(base: string, id: string, token: string): string {
  return `${base}/b/${id}#token=${token}`;
}

/** `201` body for a new board: its id and one link per role. */
export function createdBoardResponse(req: Request, deps: Pick<ApiDeps, 'publicUrl' | 'listenHost'>, created: CreatedBoard): CreateBoardResponse {
  const base = publicBaseUrl(req, deps.publicUrl, deps.listenHost);
  const links = Object.fromEntries(
    ROLES.map((role) => [role, boardLink(base, created.id, created.tokens[role])]),
  ) as Record<Role, string>;
  return { id: created.id, links };
}
