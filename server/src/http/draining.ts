import type { RequestHandler } from 'express';
import { HttpError } from './errors.js';

/**
 * While the node drains (SIGTERM) every request but `/healthz` is refused
 * with 503 and `Connection: close`: a load balancer retries it on another
 * node (docs/deploy/haproxy.cfg, `retry-on 503`) and drops its kept-alive
 * connection to this one; `/healthz` itself answers 503 `draining: true`,
 * which takes the node out of rotation.
 */
export function refuseWhileDraining(draining: () => boolean): RequestHandler {
  return (req, res, next) => {
    if (!draining() || req.path === '/healthz') {
      next();
      return;
    }
    res.set('Connection', 'close');
    next(new HttpError(503, 'restarting', 'this server is restarting: try again in a moment', { headers: { 'Retry-After': '1' } }));
  };
}
