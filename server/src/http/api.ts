import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  CLOSE, ENTITY_ID_PATTERN, LANGUAGES, ROLES, TEMPLATES, TITLE_MAX,
  isRole, type BoardInfoResponse, type CreateBoardResponse,
} from '../../../shared/src/index.js';
import { admitted, boardIdOf, callerOf, facilitatorOf } from './auth.js';
import { joinMember, memberDepartment, memberName, refusedIdentity } from './member-join.js';
import { parse } from './parse.js';
import type { MemberRow } from '../store/board-store.js';
import { boardLink, createdBoardResponse } from './created-board.js';
import { publicBaseUrl } from './public-url.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { RestoreError } from '../boards/restore-runner.js';
import { checkCreateKey, checkFreeDisk, headerKey } from './create-guard.js';
import { takeOrRefuse } from './rate-limit.js';
import { HttpError } from './errors.js';
import type { ApiDeps } from './api-deps.js';
import { exportRouter } from './export-router.js';
import { joinCodeRouter } from './join-code-api.js';

const createBoardBody = z.object({
  title: z.string().trim().min(1, 'title must not be empty').max(TITLE_MAX, `title must be at most ${TITLE_MAX} characters`),
  template: z.enum(TEMPLATES),
  language: z.enum(LANGUAGES),
  /** Boards start in setup; scripts that seed a board may start it in the brainstorm. */
  phase: z.enum(['setup', 'brainstorm']).optional(),
});

const joinBody = z.object({ token: z.string().min(1).max(200), name: memberName, department: memberDepartment });
const mePatch = z.object({ name: memberName.optional(), department: memberDepartment.optional() }).strict();
const memberPatch = z.object({ role: z.enum(ROLES) }).strict();

/** How a restore that failed in its worker is answered. */
function restoreRefusal(error: unknown): unknown {
  if (!(error instanceof RestoreError)) return error;
  switch (error.failure) {
    case 'invalid':
      return new HttpError(400, 'backup-invalid', error.message, { params: error.params });
    case 'timeout':
      return new HttpError(422, 'backup-too-slow', error.message, { params: error.params });
    case 'too-large':
      return new HttpError(413, 'backup-too-large', error.message);
    case 'busy':
      return new HttpError(503, 'restore-busy', error.message, { headers: { 'Retry-After': '5' } });
  }
}

/** Bodies of POST /api/boards up to this size are parsed on the main thread (a new board's is ~100 bytes). */
const PARSE_HERE_BYTES = 64 * 1024;

function parseJson(raw: Buffer): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid-request', 'request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'invalid-request', 'body: must be a JSON object');
  return body as Record<string, unknown>;
}

function memberJson(m: MemberRow) {
  return { id: m.id, name: m.name, department: m.department, role: m.role, joinedAt: m.joinedAt, removed: m.removed };
}

export function apiRouter(deps: ApiDeps): Router {
  const { boards, access, members } = deps;
  const router = Router();

  const caller = (req: Request, id: string) => callerOf(access, req, id);
  const facilitator = (req: Request, id: string) => facilitatorOf(access, req, id);

  router.get('/time', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ now: Date.now() });
  });

  // A new board: from a template, or restored from a board.json backup.
  // Anyone may call this. The per-address create limit runs before the body
  // is read (app.ts), which arrives raw: a body small enough to parse here is
  // parsed here; a larger one can only be a restore and is read by the
  // restore worker, so that a 16 MiB upload costs this thread nothing.
  router.post('/boards', async (req: Request, res: Response) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const parsed = raw.length <= PARSE_HERE_BYTES ? parseJson(raw) : undefined;
    const restoring = parsed === undefined || 'backup' in parsed;
    // The key before anything that costs: from the header, or from the field of a body read here.
    const key = headerKey(req) ?? (typeof parsed?.createKey === 'string' ? parsed.createKey : undefined);
    const keyChecked = key !== undefined || parsed !== undefined;
    if (keyChecked) checkCreateKey(deps.createGuard, key);
    await checkFreeDisk(deps.createGuard.dataDir, deps.createGuard.minFreeDiskBytes);
    if (restoring) {
      takeOrRefuse(deps.rates.restores, req, 'restores');
      const prepared = await deps.restores.prepare(raw, Date.now()).catch((error: unknown) => {
        throw restoreRefusal(error);
      });
      if (!keyChecked) checkCreateKey(deps.createGuard, prepared.createKey);
      const created = await boards.createPrepared(prepared.state);
      res.status(201).json(createdBoardResponse(req, deps, created));
      return;
    }
    const input = parse(createBoardBody, parsed);
    const created = await boards.create(input);
    const response: CreateBoardResponse = createdBoardResponse(req, deps, created);
    res.status(201).json(response);
  });

  router.get('/boards/:id', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    const who = await caller(req, id);
    const { meta, departments } = await boards.meta(id);
    const body: BoardInfoResponse = {
      id,
      title: meta.title,
      language: meta.language,
      role: who.role,
      departments: departments.map((d) => ({ key: d.key, name: d.name, color: d.color })),
      ...(who.via === 'session' ? { memberId: who.member.id, name: who.member.name, department: who.member.department } : {}),
    };
    res.json(body);
  });

  // Joining turns a shared facilitator or participant link into a personal
  // session: the member id bound to it stamps everything the person writes.
  router.post('/boards/:id/join', async (req: Request, res: Response) => {
    takeOrRefuse(deps.rates.joins, req, 'joins');
    const id = boardIdOf(req);
    const input = parse(joinBody, req.body);
    const result = admitted(await access.check(id, input.token));
    if (result.via !== 'link' || result.role === 'viewer') {
      throw new HttpError(400, 'join-with-link', 'join with the facilitator or participant link');
    }
    res.status(201).json(await joinMember(members, id, result.role, input));
  });

  // A new link for one role; the old one stops working (people who already
  // joined keep their sessions). For a leaked link or a removed person.
  router.post('/boards/:id/links/:role', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    await facilitator(req, id);
    const role = req.params.role;
    if (!isRole(role)) throw new HttpError(400, 'invalid-request', 'role must be facilitator, participant or viewer');
    const token = newToken();
    await deps.store.replaceToken(id, { role, hash: hashToken(token) });
    res.status(201).json({ role, link: boardLink(publicBaseUrl(req, deps.publicUrl, deps.listenHost), id, token) });
  });

  router.get('/boards/:id/members', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    await caller(req, id);
    res.json({ members: (await members.list(id)).map(memberJson) });
  });

  router.patch('/boards/:id/members/me', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    const who = await caller(req, id);
    if (who.via !== 'session') throw new HttpError(400, 'join-first', 'join first');
    const patch = parse(mePatch, req.body);
    const updated = await members.changeIdentity(id, who.member.id, patch).catch(refusedIdentity);
    if (!updated) throw new HttpError(404, 'member-not-found', 'member not found');
    // Open sockets carry the old name in presence; reconnecting re-stamps it.
    deps.kick(id, updated.id, CLOSE.reconnect, 'identity changed');
    res.json(memberJson(updated));
  });

  router.patch('/boards/:id/members/:memberId', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    await facilitator(req, id);
    const memberId = req.params.memberId;
    if (typeof memberId !== 'string' || !ENTITY_ID_PATTERN.test(memberId)) throw new HttpError(400, 'invalid-request', 'invalid member id');
    const { role } = parse(memberPatch, req.body);
    const updated = await members.update(id, memberId, { role });
    if (!updated || updated.removed) throw new HttpError(404, 'member-not-found', 'member not found');
    // Their open connections still carry the old role: close them; the
    // provider reconnects (transient code) and gets the new role.
    deps.kick(id, memberId, CLOSE.reconnect, 'role changed');
    res.json(memberJson(updated));
  });

  router.delete('/boards/:id/members/:memberId', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    const who = await facilitator(req, id);
    const memberId = req.params.memberId;
    if (typeof memberId !== 'string' || !ENTITY_ID_PATTERN.test(memberId)) throw new HttpError(400, 'invalid-request', 'invalid member id');
    if (who.member.id === memberId) throw new HttpError(400, 'cannot-remove-self', 'you cannot remove yourself');
    const updated = await members.update(id, memberId, { removed: true });
    if (!updated) throw new HttpError(404, 'member-not-found', 'member not found');
    deps.kick(id, memberId, CLOSE.unauthorized, 'removed from this workshop');
    res.status(204).end();
  });

  router.use(joinCodeRouter(deps));
  router.use(exportRouter(deps));

  return router;
}
