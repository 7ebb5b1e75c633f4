import type { ErrorRequestHandler } from 'express';
import type { ErrorResponse } from '../../../shared/src/index.js';
import type { Logger } from 'pino';

/**
 * A refusal: `code` (and `params`) is what clients act on and word in the
 * reader's language (a stable id, never translated); the message is the
 * English text for logs and other clients, safe to send. `headers` go out
 * with it (Retry-After).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorResponse['code'],
    message: string,
    readonly extra: { params?: ErrorResponse['params']; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

function send(res: Parameters<ErrorRequestHandler>[2], status: number, body: ErrorResponse): void {
  res.status(status).json(body);
}

/** Every error leaves as JSON `{ error, code, params? }`; internal details only go to the log. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof HttpError) {
      if (err.extra.headers) res.set(err.extra.headers);
      send(res, err.status, { error: err.message, code: err.code, ...(err.extra.params && { params: err.extra.params }) });
      return;
    }
    const status = (err as { status?: unknown }).status;
    const type = (err as { type?: unknown }).type;
    if (type === 'entity.too.large') {
      send(res, 413, { error: 'request body too large', code: 'body-too-large' });
      return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      send(res, status, { error: type === 'entity.parse.failed' ? 'request body is not valid JSON' : 'bad request', code: 'invalid-request' });
      return;
    }
    log.error({ err }, 'request failed');
    send(res, 500, { error: 'internal server error', code: 'internal' });
  };
}
