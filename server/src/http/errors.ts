import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ErrorCode, ErrorResponse } from '../../../shared/src/index.js';

/** An error whose message is safe to show to the client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** For refusals the client translates. */
    readonly code?: ErrorCode,
  ) {
    super(message);
  }
}

/** Every error leaves as JSON `{ error }`; internal details only go to the log. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof HttpError) {
      const body: ErrorResponse = err.code ? { error: err.message, code: err.code } : { error: err.message };
      res.status(err.status).json(body);
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
