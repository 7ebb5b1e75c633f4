import express, { type Express } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { apiRouter, type ApiDeps } from './api.js';
import { HttpError, errorHandler } from './errors.js';
import { followUpRouter } from './follow-up-api.js';
import { versionsRouter } from './versions-api.js';

export interface AppDeps extends ApiDeps {
  log: Logger;
  staticDir: string;
}

/** The Express app: security headers, the JSON API, health, and the built client. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // 'self' covers same-origin ws:/wss: in current browsers; listed for older ones.
          connectSrc: ["'self'", 'ws:', 'wss:'],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // Workshops are often served over plain http on a room's LAN.
      strictTransportSecurity: false,
      crossOriginOpenerPolicy: { policy: 'same-origin' },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  // Restoring a board.json backup is the one large request; everything else is small.
  app.post('/api/boards', express.json({ limit: '32mb' }));
  app.use('/api', express.json({ limit: '1mb' }), apiRouter(deps), followUpRouter(deps), versionsRouter(deps));
  app.use('/api', () => {
    throw new HttpError(404, 'no such API endpoint');
  });

  const index = join(deps.staticDir, 'index.html');
  if (existsSync(index)) {
    app.use(express.static(deps.staticDir, { index: false, maxAge: '1h' }));
    // Client routes: home, a board, a commitment form (/c), a feedback form (/f).
    app.get(['/', '/b/:id', '/c/:id', '/f/:id'], (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  } else {
    deps.log.warn({ staticDir: deps.staticDir }, 'built client not found: run `npm run build`');
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The client is not built. Run `npm run build`, or `npm start`.');
    });
  }
  app.use(errorHandler(deps.log));
  return app;
}
