import type { BoardInfoResponse, CreateBoardResponse, Language, TemplateName } from '../../../shared/src/index.js';

/** An HTTP failure with the server's own message when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function readJson<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message =
      typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string'
        ? (body as { error: string }).error
        : response.statusText;
    throw new ApiError(response.status, message);
  }
  return body as T;
}

export interface CreateBoardInput {
  title: string;
  template: TemplateName;
  language: Language;
}

export async function createBoard(input: CreateBoardInput): Promise<CreateBoardResponse> {
  const response = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return readJson<CreateBoardResponse>(response);
}

export async function fetchBoardInfo(boardId: string, token: string): Promise<BoardInfoResponse> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`, {
    headers: { accept: 'application/json' },
  });
  return readJson<BoardInfoResponse>(response);
}
