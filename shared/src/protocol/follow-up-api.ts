import type { FeedbackInput } from '../ops/follow-up.js';
import type { Language } from '../schema/meta.js';

/**
 * The after-workshop HTTP API (docs/protocol.md): follow-up links, the forms
 * they open, and what the forms send. Both the server's routes and the
 * client's calls are typed by these.
 */

/** The two after-workshop links: executives' commitments (step 6), reps' feedback (step 7). */
export const FOLLOW_UP_KINDS = ['commitment', 'feedback'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export function isFollowUpKind(value: unknown): value is FollowUpKind {
  return typeof value === 'string' && (FOLLOW_UP_KINDS as readonly string[]).includes(value);
}

/** Form pages the links open: commitments at `/c/<boardId>`, feedback at `/f/<boardId>`. */
export const FORM_PATH: Readonly<Record<FollowUpKind, string>> = { commitment: 'c', feedback: 'f' };

/** `POST /api/boards/:id/follow-up-links/:kind`. */
export interface FollowUpLinkResponse {
  kind: FollowUpKind;
  link: string;
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
  /** The kind of the link used; null for a facilitator's session. */
  kind: FollowUpKind | null;
  title: string;
  language: Language;
  segments: FormSegment[];
  departments: FormDepartment[];
  commitments: FormCommitment[];
}

/** `POST /api/boards/:id/commitments` (answered `201 { ok: true }`). */
export interface CommitmentBody {
  stageId: string;
  department: string;
  /** Empty withdraws the department's commitment for the stage. */
  text: string;
  byName: string;
}

/** `POST /api/boards/:id/feedback`: every field present (the server defaults missing texts to ''). */
export type FeedbackBody = Required<FeedbackInput>;

/** Answer to `POST /api/boards/:id/feedback`. */
export interface FeedbackCreatedResponse {
  id: string;
}

/** A saved version as `POST` and `GET /api/boards/:id/versions` list it. */
export interface VersionInfo {
  id: string;
  name: string;
  createdAt: number;
}

/** `GET /api/boards/:id/versions`: newest first. */
export interface VersionsResponse {
  versions: VersionInfo[];
}
