import type { CreateBoardResponse, FeedbackOutcome } from '../../../shared/src/index.js';
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

export type FollowUpKind = 'commitment' | 'feedback';

export function createFollowUpLink(boardId: string, token: string, kind: FollowUpKind): Promise<{ kind: FollowUpKind; link: string }> {
  return call(`${base(boardId)}/follow-up-links/${kind}`, { method: 'POST', headers: headers(token), body: '{}' });
}

export interface FormStage {
  id: string;
  name: string;
  buyerStep: string;
}

export interface FormSegment {
  id: string;
  name: string;
  color: string;
  stages: FormStage[];
}

export interface FormDepartment {
  key: string;
  name: string;
  color: string;
}

export interface FormCommitment {
  stageId: string;
  department: string;
  text: string;
  byName: string;
  updatedAt: number;
}

/** `GET /api/boards/:id/form`: what a commitment or feedback form shows. */
export interface FormInfo {
  kind: FollowUpKind | null;
  title: string;
  language: 'en' | 'it';
  segments: FormSegment[];
  departments: FormDepartment[];
  commitments: FormCommitment[];
}

export function fetchForm(boardId: string, token: string): Promise<FormInfo> {
  return call(`${base(boardId)}/form`, { headers: headers(token) });
}

export function postCommitment(
  boardId: string, token: string, input: { stageId: string; department: string; text: string; byName: string },
): Promise<unknown> {
  return call(`${base(boardId)}/commitments`, { method: 'POST', headers: headers(token), body: JSON.stringify(input) });
}

export interface FeedbackForm {
  stageId: string;
  outcome: FeedbackOutcome;
  blocker: string;
  department: string;
  comment: string;
  repName: string;
}

export function postFeedback(boardId: string, token: string, input: FeedbackForm): Promise<{ id: string }> {
  return call(`${base(boardId)}/feedback`, { method: 'POST', headers: headers(token), body: JSON.stringify(input) });
}

export interface VersionInfo {
  id: string;
  name: string;
  createdAt: number;
}

export function saveVersion(boardId: string, token: string, name: string): Promise<VersionInfo> {
  return call(`${base(boardId)}/versions`, { method: 'POST', headers: headers(token), body: JSON.stringify({ name }) });
}

export async function listVersions(boardId: string, token: string): Promise<VersionInfo[]> {
  const body = await call<{ versions: VersionInfo[] }>(`${base(boardId)}/versions`, { headers: headers(token) });
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
