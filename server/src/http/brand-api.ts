import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { LOGO_MAX_BYTES, setLogo, systemOrigin } from '../../../shared/src/index.js';
import { LogoRefused } from '../brand/logo-check.js';
import { LogoUnavailable, type LogoRunner } from '../brand/logo-runner.js';
import type { BoardAccess } from '../boards/board-access.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { boardIdOf, facilitatorOf } from './auth.js';
import { HttpError } from './errors.js';

const BRAND_ORIGIN = systemOrigin('brand');

export interface BrandRouterDeps {
  access: BoardAccess;
  rooms: RoomRegistry;
  logos: LogoRunner;
}

/** The upload's size limit, read before the JSON parser (app.ts mounts this ahead of it). */
export const logoBody = [
  express.raw({ type: () => true, limit: LOGO_MAX_BYTES }),
  ((err, _req, _res, next) => {
    if ((err as { type?: unknown }).type === 'entity.too.large') {
      next(new HttpError(413, 'logo-too-large', `the logo may be at most ${LOGO_MAX_BYTES / 1024} KiB`, { params: { kib: LOGO_MAX_BYTES / 1024 } }));
    } else next(err);
  }) satisfies ErrorRequestHandler,
];

/**
 * The client's logo (schema/brand.ts), the one part of a board no update may
 * write (rule R13): `PUT /api/boards/:id/brand/logo?token=` with the image as
 * the raw body (any Content-Type: the bytes decide), answered with what was
 * stored; `DELETE` removes it. Facilitators only. The server writes the
 * decoded logo into the board like any change, so every client, export and
 * saved version has it.
 */
export function brandRouter(deps: BrandRouterDeps): Router {
  const router = Router();
  router.put('/boards/:id/brand/logo', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    await facilitatorOf(deps.access, req, id);
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (body.length === 0) throw new HttpError(400, 'logo-not-an-image', 'send the PNG or JPEG image as the request body');
    const logo = await deps.logos.check(body).catch((error: unknown) => {
      if (error instanceof LogoRefused) {
        throw error.problem === 'too-large'
          ? new HttpError(413, 'logo-too-large', error.message, { params: { kib: LOGO_MAX_BYTES / 1024 } })
          : new HttpError(400, 'logo-not-an-image', error.message);
      }
      if (error instanceof LogoUnavailable) throw new HttpError(503, 'restarting', error.message, { headers: { 'Retry-After': '2' } });
      throw error;
    });
    // withRoom returns once the change is stored.
    await deps.rooms.withRoom(id, (room) => setLogo(room.doc, logo, BRAND_ORIGIN));
    res.status(200).json({ type: logo.type, width: logo.width, height: logo.height, bytes: logo.bytes.length });
  });

  router.delete('/boards/:id/brand/logo', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    await facilitatorOf(deps.access, req, id);
    await deps.rooms.withRoom(id, (room) => setLogo(room.doc, null, BRAND_ORIGIN));
    res.status(204).end();
  });
  return router;
}
