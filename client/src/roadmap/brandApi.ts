import { apiError } from '../api/serverApi.js';

/** What the server answers after decoding an uploaded logo. */
export interface StoredLogo {
  type: 'png' | 'jpeg';
  width: number;
  height: number;
  bytes: number;
}

const url = (boardId: string, token: string) =>
  `/api/boards/${encodeURIComponent(boardId)}/brand/logo?token=${encodeURIComponent(token)}`;

/**
 * Facilitator only: stores `file` as the client's logo (`PUT /api/boards/:id/brand/logo`),
 * the raw bytes as the body. Refusals (`logo-too-large`, `logo-not-an-image`, ...)
 * are the API's usual errors, worded under `api.<code>`.
 */
export async function uploadLogo(boardId: string, token: string, file: Blob): Promise<StoredLogo> {
  const response = await fetch(url(boardId, token), {
    method: 'PUT',
    headers: { 'content-type': file.type || 'application/octet-stream', accept: 'application/json' },
    body: file,
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw apiError(response, body);
  return body as StoredLogo;
}

/** Facilitator only: removes the logo (204). */
export async function removeLogo(boardId: string, token: string): Promise<void> {
  const response = await fetch(url(boardId, token), { method: 'DELETE', headers: { accept: 'application/json' } });
  if (response.ok) return;
  throw apiError(response, await response.json().catch(() => undefined));
}
