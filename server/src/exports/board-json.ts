import type { BoardSnapshot } from '../../../shared/src/index.js';

export const BOARD_JSON_FORMAT = 'tabella-board';
export const BOARD_JSON_VERSION = 1;

export interface BoardJson {
  format: typeof BOARD_JSON_FORMAT;
  version: typeof BOARD_JSON_VERSION;
  exportedAt: string;
  /** The whole Y.Doc: base64 of `Y.encodeStateAsUpdate`. This is what a restore reads. */
  board: string;
  /** The same board as readable JSON, for people and other tools (not read back on restore). */
  snapshot: ReturnType<typeof snapshotJson>;
}

function record<V>(map: ReadonlyMap<string, V>): Record<string, V> {
  return Object.fromEntries(map);
}

/** A BoardSnapshot as plain JSON: maps become objects keyed like the Y.Doc roots. */
export function snapshotJson(s: BoardSnapshot) {
  return {
    meta: s.meta,
    segments: s.segments.map(({ stages, ...segment }) => ({ ...segment, stageIds: stages.map((t) => t.id) })),
    stages: s.segments.flatMap((segment) => segment.stages),
    departments: s.departments,
    notes: [...s.notesByStage.values()].flat().concat(s.orphanNotes),
    members: s.members,
    session: s.session,
    groups: record(s.groups),
    votes: Object.fromEntries(
      [...s.votesByNote].map(([noteId, tally]) => [noteId, { total: tally.total, byMember: record(tally.byMember) }]),
    ),
    proposals: Object.fromEntries([...s.proposalsByNote].map(([noteId, byMember]) => [noteId, record(byMember)])),
    commitments: s.commitments,
    feedback: s.feedback,
    booklet: {
      foreword: s.booklet.foreword,
      executiveSummary: s.booklet.executiveSummary,
      segments: record(s.booklet.segments),
      stages: record(s.booklet.stages),
    },
    // The logo's bytes are in `board`; here only what it is.
    brand: {
      companyName: s.brand.companyName,
      accentColor: s.brand.accentColor,
      logo: s.brand.logo && { type: s.brand.logo.type, width: s.brand.logo.width, height: s.brand.logo.height, bytes: s.brand.logo.bytes.length },
    },
  };
}

/** The full, versioned backup of a board. */
export function renderBoardJson(state: Uint8Array, snapshot: BoardSnapshot, now: number): string {
  const body: BoardJson = {
    format: BOARD_JSON_FORMAT,
    version: BOARD_JSON_VERSION,
    exportedAt: new Date(now).toISOString(),
    board: Buffer.from(state).toString('base64'),
    snapshot: snapshotJson(snapshot),
  };
  return JSON.stringify(body, null, 2);
}
