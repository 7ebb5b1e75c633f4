import { Router, type Request, type Response } from 'express';
import { ENTITY_ID_PATTERN, isExportFile, isOpenNotesChoice } from '../../../shared/src/index.js';
import type { BoardAccess } from '../boards/board-access.js';
import { storedState, type StateStore } from '../boards/stored-board.js';
import { contentDisposition } from '../exports/filename.js';
import { ExportAbandoned, ExportUnavailable, type ExportRunner } from '../exports/export-runner.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { boardIdOf, callerOf } from './auth.js';
import { HttpError } from './errors.js';

export interface ExportRouterDeps {
  access: BoardAccess;
  rooms: RoomRegistry;
  store: StateStore;
  exports: ExportRunner;
}

/**
 * `GET /api/boards/:id/export/<file>?token=` with any valid token of the board
 * (viewer link, personal session, ...): roadmap.pdf, roadmap.md, roadmap.csv
 * (`&delimiter=comma|semicolon`), board.json. `&version=<id>` exports a saved
 * version instead of the current board. `&open=omit` makes a booklet (PDF,
 * Markdown) without the list of notes still to decide (their count stays);
 * `&open=include` is the default.
 */
export function exportRouter(deps: ExportRouterDeps): Router {
  const router = Router();
  router.get('/boards/:id/export/:file', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    await callerOf(deps.access, req, id);
    const file = req.params.file;
    if (!isExportFile(file)) throw new HttpError(404, 'no-such-export', 'no such export');
    const delimiter = req.query.delimiter;
    if (delimiter !== undefined && delimiter !== 'comma' && delimiter !== 'semicolon') {
      throw new HttpError(400, 'invalid-request', 'delimiter must be comma or semicolon');
    }
    const open = req.query.open;
    if (open !== undefined && !isOpenNotesChoice(open)) throw new HttpError(400, 'invalid-request', 'open must be include or omit');
    const versionId = req.query.version;
    let state: Uint8Array;
    if (versionId === undefined) state = await storedState(deps.rooms, deps.store, id);
    else {
      if (typeof versionId !== 'string' || !ENTITY_ID_PATTERN.test(versionId)) throw new HttpError(400, 'invalid-request', 'invalid version id');
      const version = await deps.store.getVersion(id, versionId);
      if (!version) throw new HttpError(404, 'version-not-found', 'version not found');
      state = version.state;
    }
    // Rendered in the export worker: a large booklet is seconds of layout the room must not wait for.
    // A request closed before its answer (the asker gave up) leaves the queue (export-runner.ts).
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    let rendered;
    try {
      rendered = await deps.exports.render(file, state, {
        ...(delimiter ? { delimiter: delimiter === 'comma' ? ',' : ';' } : {}),
        ...(open ? { open } : {}),
      }, gone.signal);
    } catch (error) {
      if (error instanceof ExportAbandoned) return;
      if (error instanceof ExportUnavailable) throw new HttpError(503, 'restarting', error.message, { headers: { 'Retry-After': '5' } });
      throw error;
    }
    res
      .status(200)
      .set({
        'Content-Type': rendered.contentType,
        'Content-Disposition': contentDisposition(rendered.title, file),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(rendered.body);
  });
  return router;
}
