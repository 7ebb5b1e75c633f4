import express, { type ErrorRequestHandler, type Express } from 'express';
import compression from 'compression';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { apiRouter } from './api.js';
import type { ApiDeps } from './api-deps.js';
import { FOLLOW_UP_KINDS, FORM_PATH, JOIN_PATH } from '../../../shared/src/index.js';
import { HttpError, errorHandler } from './errors.js';
import { refuseWhileDraining } from './draining.js';
import { followUpRouter } from './follow-up-api.js';
import { healthHandler, type RedisState } from './health.js';
import type { TrustProxy } from '../sync/limits.js';
import { rateLimit } from './rate-limit.js';
import { brandRouter, logoBody } from './brand-api.js';
import { versionsRouter } from './versions-api.js';

export interface AppDeps extends ApiDeps {
  log: Logger;
  staticDir: string;
  /** This server terminates TLS itself (TLS_CERT_FILE and TLS_KEY_FILE, or TLS=self-signed). */
  tls: boolean;
  /** MAX_RESTORE_BYTES: the body limit of POST /api/boards. */
  maxRestoreBytes: number;
  /** True once the node drains (SIGTERM): everything but /healthz is refused. */
  draining: () => boolean;
  /** The link to the other nodes, as /healthz reports it. */
  redis: () => RedisState;
  /** Open websockets, as /healthz reports them. */
  sockets: () => number;
  /** Whose X-Forwarded-For names the client (TRUSTED_PROXIES), as for websockets. */
  trustProxy: TrustProxy;
}

/** The Express app: security headers, the JSON API, health, and the built client. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.use(refuseWhileDraining(deps.draining));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // 'self' covers the same-origin websocket in current browsers; the scheme is listed
          // for older ones (only wss: over https, where ws: would be mixed content anyway).
          connectSrc: deps.tls ? ["'self'", 'wss:'] : ["'self'", 'ws:', 'wss:'],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          // On a plain-http server this would send every request to an https port that does not exist.
          upgradeInsecureRequests: deps.tls ? [] : null,
        },
      },
      // Only when we serve https ourselves: on plain http it means nothing, and behind
      // a TLS proxy (PUBLIC_URL) the proxy decides. No includeSubDomains: on a LAN the
      // host is an address or the laptop's name, not a domain we own.
      strictTransportSecurity: deps.tls ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false } : false,
      crossOriginOpenerPolicy: { policy: 'same-origin' },
    }),
  );

  app.get('/healthz', healthHandler(deps));
  // Restoring a board.json backup is the one large request; everything else is
  // small. The create limit comes first, so a flood is refused before its body is read.
  app.post(
    '/api/boards',
    rateLimit(deps.rates.creates, 'board creations'),
    express.raw({ type: 'application/json', limit: deps.maxRestoreBytes }),
    restoreTooLarge(deps.maxRestoreBytes),
  );
  // A logo arrives as the raw image, within its own limit.
  app.put('/api/boards/:id/brand/logo', ...logoBody);
  app.use('/api', express.json({ limit: '1mb' }), apiRouter(deps), brandRouter(deps), followUpRouter(deps), versionsRouter(deps));
  app.use('/api', () => {
    throw new HttpError(404, 'no-such-endpoint', 'no such API endpoint');
  });

  const index = join(deps.staticDir, 'index.html');
  if (existsSync(index)) {
    // The client's scripts gzipped for the room's Wi-Fi (the board's ~1 MB of JavaScript is ~0.3 MB
    // compressed); zlib runs in libuv's thread pool, off the event loop. The API is left as it was.
    app.use(compression());
    app.use(express.static(deps.staticDir, { index: false, maxAge: '1h' }));
    // Client routes: home, the join page (codes), a board, a commitment form (/c), a feedback form (/f).
    app.get(['/', JOIN_PATH, '/b/:id', ...FOLLOW_UP_KINDS.map((kind) => `/${FORM_PATH[kind]}/:id`)], (_req, res) => {
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

/** A body past MAX_RESTORE_BYTES on POST /api/boards: say which limit, not just "too large". */
function restoreTooLarge(limit: number): ErrorRequestHandler {
  return (err: unknown, _req, _res, next) => {
    if ((err as { type?: unknown }).type !== 'entity.too.large') {
      next(err);
      return;
    }
    const mib = Math.round((limit / (1024 * 1024)) * 10) / 10;
    next(new HttpError(413, 'backup-too-large', `a backup may be at most ${mib} MiB (MAX_RESTORE_BYTES)`, { params: { mib } }));
  };
}
