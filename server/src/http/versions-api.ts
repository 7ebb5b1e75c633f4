import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { ENTITY_ID_PATTERN, newEntityId, type VersionInfo, type VersionsResponse } from '../../../shared/src/index.js';
import { storedState } from '../boards/stored-board.js';
import type { ApiDeps } from './api-deps.js';
import { createdBoardResponse } from './created-board.js';
import { boardIdOf, facilitatorOf } from './auth.js';
import { HttpError } from './errors.js';

const versionBody = z.object({ name: z.string().trim().min(1, 'name must not be empty').max(80) }).strict();

/**
 * Named snapshots of a board ("end of day 1"): saved by the facilitator,
 * listed, and used to start a new board. Exports of a version are served by
 * the export router from the same stored state.
 */
export function versionsRouter(deps: ApiDeps): Router {
  const { access, rooms, store, boards } = deps;
  const router = Router();

  router.post('/boards/:id/versions', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    await facilitatorOf(access, req, id);
    const parsed = versionBody.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, 'invalid-request', parsed.error.issues.map((i) => i.message).join('; '));
    const state = await storedState(rooms, store, id);
    const version: VersionInfo = { id: newEntityId(), name: parsed.data.name, createdAt: Date.now() };
    await store.addVersion(id, version, state);
    res.status(201).json(version);
  });

  router.get('/boards/:id/versions', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    await facilitatorOf(access, req, id);
    res.json({ versions: await store.listVersions(id) } satisfies VersionsResponse);
  });

  router.post('/boards/:id/versions/:versionId/copy', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    await facilitatorOf(access, req, id);
    const versionId = req.params.versionId;
    if (typeof versionId !== 'string' || !ENTITY_ID_PATTERN.test(versionId)) throw new HttpError(400, 'invalid-request', 'invalid version id');
    const version = await store.getVersion(id, versionId);
    if (!version) throw new HttpError(404, 'version-not-found', 'version not found');
    const created = await boards.createFromState(version.state);
    res.status(201).json(createdBoardResponse(req, deps, created));
  });

  return router;
}
