import type { ErrorRequestHandler } from 'express';
import type { ErrorCode } from '../../../shared/src/index.js';
import type { Logger } from 'pino';

/**
 * An error whose message is safe to show to the client. `code` is for
 * clients that act on the kind of refusal (a stable id, never translated);
 * `headers` go out with it (Retry-After).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: { code?: ErrorCode; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

/** Every error leaves as JSON `{ error }`; internal details only go to the log. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof HttpError) {
      if (err.extra.headers) res.set(err.extra.headers);
      res.status(err.status).json(err.extra.code ? { error: err.message, code: err.extra.code } : { error: err.message });
      return;
    }
    const status = (err as { status?: unknown }).status;
    const type = (err as { type?: unknown }).type;
    if (type === 'entity.too.large') {
      res.status(413).json({ error: 'request body too large' });
      return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ error: type === 'entity.parse.failed' ? 'request body is not valid JSON' : 'bad request' });
      return;
    }
    log.error({ err }, 'request failed');
    res.status(500).json({ error: 'internal server error' });
  };
}
