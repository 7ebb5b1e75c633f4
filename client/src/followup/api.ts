import type {
  CommitmentBody, CreateBoardResponse, FeedbackBody, FeedbackCreatedResponse, FollowUpKind, FollowUpLinkResponse, FormInfo,
  VersionInfo, VersionsResponse,
} from '../../../shared/src/index.js';
import { apiError, createKeyHeaders } from '../api/serverApi.js';

/**
 * HTTP calls for after the workshop (docs/protocol.md): follow-up links and
 * their forms, commitments, feedback, versions, restoring a backup.
 */

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

function headers(token?: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw apiError(response, body);
  return body as T;
}

export function createFollowUpLink(boardId: string, token: string, kind: FollowUpKind): Promise<FollowUpLinkResponse> {
  return call(`${base(boardId)}/follow-up-links/${kind}`, { method: 'POST', headers: headers(token), body: '{}' });
}

export function fetchForm(boardId: string, token: string): Promise<FormInfo> {
  return call(`${base(boardId)}/form`, { headers: headers(token) });
}

export function postCommitment(boardId: string, token: string, input: CommitmentBody): Promise<unknown> {
  return call(`${base(boardId)}/commitments`, { method: 'POST', headers: headers(token), body: JSON.stringify(input) });
}

export function postFeedback(boardId: string, token: string, input: FeedbackBody): Promise<FeedbackCreatedResponse> {
  return call(`${base(boardId)}/feedback`, { method: 'POST', headers: headers(token), body: JSON.stringify(input) });
}

export function saveVersion(boardId: string, token: string, name: string): Promise<VersionInfo> {
  return call(`${base(boardId)}/versions`, { method: 'POST', headers: headers(token), body: JSON.stringify({ name }) });
}

export async function listVersions(boardId: string, token: string): Promise<VersionInfo[]> {
  const body = await call<VersionsResponse>(`${base(boardId)}/versions`, { headers: headers(token) });
  return Array.isArray(body.versions) ? body.versions : [];
}

export function copyVersion(boardId: string, token: string, versionId: string): Promise<CreateBoardResponse> {
  return call(`${base(boardId)}/versions/${encodeURIComponent(versionId)}/copy`, {
    method: 'POST', headers: headers(token), body: '{}',
  });
}

/** `POST /api/boards { backup, title? }`: a new board from a board.json file. */
export function restoreBackup(backup: unknown, title?: string, createKey?: string): Promise<CreateBoardResponse> {
  return call('/api/boards', {
    method: 'POST', headers: { ...headers(), ...createKeyHeaders(createKey) }, body: JSON.stringify(title ? { backup, title } : { backup }),
  });
}
