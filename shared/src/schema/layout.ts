import * as Y from 'yjs';

/**
 * The Y.Doc layout of a board: the public contract documented in
 * docs/board-schema.md. Change it only together with that document and
 * SCHEMA_VERSION (version.ts).
 */
export { SCHEMA_VERSION } from './version.js';

export const ROOT = {
  meta: 'meta',
  segments: 'segments',
  stages: 'stages',
  departments: 'departments',
  notes: 'notes',
  members: 'members',
  session: 'session',
  groups: 'groups',
  votes: 'votes',
  proposals: 'proposals',
  commitments: 'commitments',
  feedback: 'feedback',
  booklet: 'booklet',
  brand: 'brand',
} as const;

/** A record stored as a nested Y.Map so concurrent edits of different fields merge. */
export type RecordMap = Y.Map<unknown>;

export interface BoardRoots {
  meta: Y.Map<unknown>;
  segments: Y.Map<RecordMap>;
  stages: Y.Map<RecordMap>;
  departments: Y.Map<RecordMap>;
  notes: Y.Map<RecordMap>;
  /** Member id -> member record. Server-written only. */
  members: Y.Map<RecordMap>;
  /** Plain values: phase, privateWriting, timer, spotlight, voting. */
  session: Y.Map<unknown>;
  /** Member id -> segment id (plain string). */
  groups: Y.Map<unknown>;
  /** `${noteId}:${memberId}` -> dots (plain integer). */
  votes: Y.Map<unknown>;
  /** `${noteId}:${memberId}` -> department key (plain string). */
  proposals: Y.Map<unknown>;
  /** `${stageId}:${departmentKey}` -> commitment record (step 6). */
  commitments: Y.Map<RecordMap>;
  /** Feedback id -> feedback record (step 7). */
  feedback: Y.Map<RecordMap>;
  /** Plain strings: foreword, executive summary, segment and stage summaries (booklet.ts). */
  booklet: Y.Map<unknown>;
  /** Plain values: company name, accent colour, and the server-written logo (brand.ts). */
  brand: Y.Map<unknown>;
}

export function roots(doc: Y.Doc): BoardRoots {
  return {
    meta: doc.getMap<unknown>(ROOT.meta),
    segments: doc.getMap<RecordMap>(ROOT.segments),
    stages: doc.getMap<RecordMap>(ROOT.stages),
    departments: doc.getMap<RecordMap>(ROOT.departments),
    notes: doc.getMap<RecordMap>(ROOT.notes),
    members: doc.getMap<RecordMap>(ROOT.members),
    session: doc.getMap<unknown>(ROOT.session),
    groups: doc.getMap<unknown>(ROOT.groups),
    votes: doc.getMap<unknown>(ROOT.votes),
    proposals: doc.getMap<unknown>(ROOT.proposals),
    commitments: doc.getMap<RecordMap>(ROOT.commitments),
    feedback: doc.getMap<RecordMap>(ROOT.feedback),
    booklet: doc.getMap<unknown>(ROOT.booklet),
    brand: doc.getMap<unknown>(ROOT.brand),
  };
}

/** Builds a nested record map from plain fields (values must be JSON-compatible). */
export function toRecordMap(fields: Record<string, unknown>): RecordMap {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) map.set(key, value);
  }
  return map;
}
