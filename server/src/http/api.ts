import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  LANGUAGES, ROLES, TEMPLATES, TITLE_MAX, isBoardId, type BoardInfoResponse, type CreateBoardResponse, type Role,
} from '../../../shared/src/index.js';
import type { BoardAccess } from '../boards/board-access.js';
import type { BoardService } from '../boards/board-service.js';
import { HttpError } from './errors.js';
import { publicBaseUrl } from './public-url.js';

const createBoardBody = z.object({
  title: z.string().trim().min(1, 'title must not be empty').max(TITLE_MAX, `title must be at most ${TITLE_MAX} characters`),
  template: z.enum(TEMPLATES),
  language: z.enum(LANGUAGES),
});

export interface ApiDeps {
  boards: BoardService;
  access: BoardAccess;
  publicUrl: string | undefined;
  /** The address the server listens on (HOST). */
  listenHost: string;
}

/** The link for a role: the token sits in the fragment, so it never reaches server logs or Referer headers. */
export function boardLink(base: string, id: string, token: string): string {
  return `${base}/b/${id}#token=${token}`;
}

export function apiRouter({ boards, access, publicUrl, listenHost }: ApiDeps): Router {
  const router = Router();

  router.post('/boards', async (req: Request, res: Response) => {
    const parsed = createBoardBody.safeParse(req.body);
    if (!parsed.success) {
      throw new HttpError(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    }
    const created = await boards.create(parsed.data);
    const base = publicBaseUrl(req, publicUrl, listenHost);
    const links = Object.fromEntries(
      ROLES.map((role) => [role, boardLink(base, created.id, created.tokens[role])]),
    ) as Record<Role, string>;
    const body: CreateBoardResponse = { id: created.id, links };
    res.status(201).json(body);
  });

  router.get('/boards/:id', async (req: Request, res: Response) => {
    const id = req.params.id;
    if (!isBoardId(id)) throw new HttpError(400, 'invalid board id');
    const token = req.query.token;
    const result = await access.check(id, token);
    if (result === 'unknown-board') throw new HttpError(404, 'board not found');
    if (result === 'bad-token') throw new HttpError(401, typeof token === 'string' && token ? 'invalid token' : 'token required');
    const meta = await boards.meta(id);
    const body: BoardInfoResponse = { id, title: meta.title, language: meta.language, role: result.role };
    res.json(body);
  });

  router.use((_req: Request, _res: Response) => {
    throw new HttpError(404, 'no such API endpoint');
  });

  return router;
}
