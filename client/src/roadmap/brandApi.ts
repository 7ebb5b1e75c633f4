import { apiError } from '../api/serverApi.js';
import type { TFunction } from 'i18next';
import { errorText } from '../i18n/errorText.js';

/** What the server answers after decoding an uploaded logo. */
export interface StoredLogo {
  type: 'png' | 'jpeg';
  width: number;
  height: number;
  bytes: number;
}

/** The server's refusals of a logo (413, 400), worded by the client under `api.<code>`. */
export const LOGO_ERROR_CODES = ['logo-too-large', 'logo-not-an-image'] as const;
export type LogoErrorCode = (typeof LOGO_ERROR_CODES)[number];

/** A logo the server refused, by its code. */
export class LogoError extends Error {
  constructor(readonly code: LogoErrorCode, readonly status: number, message: string) {
    super(message);
    this.name = 'LogoError';
  }
}

const url = (boardId: string, token: string) =>
  `/api/boards/${encodeURIComponent(boardId)}/brand/logo?token=${encodeURIComponent(token)}`;

/**
 * The error of a failed brand call. The body is the API's usual
 * `{ error, code, params }`; `{ error: { code, message } }` is read too, so
 * either shape reaches the reader in their language.
 */
function brandError(response: Response, body: unknown): Error {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; code?: unknown };
  const nested = typeof raw.error === 'object' && raw.error !== null ? raw.error as { code?: unknown; message?: unknown } : undefined;
  const code = nested ? nested.code : raw.code;
  const message = nested ? nested.message : raw.error;
  const text = typeof message === 'string' ? message : response.statusText;
  const logo = LOGO_ERROR_CODES.find((c) => c === code);
  if (logo) return new LogoError(logo, response.status, text);
  return apiError(response, nested ? { error: text, code } : body);
}

/** Facilitator only: stores `file` as the client's logo (`PUT /api/boards/:id/brand/logo`), the raw bytes as the body. */
export async function uploadLogo(boardId: string, token: string, file: Blob): Promise<StoredLogo> {
  const response = await fetch(url(boardId, token), {
    method: 'PUT',
    headers: { 'content-type': file.type || 'application/octet-stream', accept: 'application/json' },
    body: file,
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw brandError(response, body);
  return body as StoredLogo;
}

/** Facilitator only: removes the logo (204). */
export async function removeLogo(boardId: string, token: string): Promise<void> {
  const response = await fetch(url(boardId, token), { method: 'DELETE', headers: { accept: 'application/json' } });
  if (response.ok) return;
  throw brandError(response, await response.json().catch(() => undefined));
}

/** The words for a failed logo call: a logo refusal's own, else the API's. */
export function logoErrorText(t: TFunction, err: unknown): string {
  return err instanceof LogoError ? t(`api.${err.code}`) : errorText(t, err);
}
