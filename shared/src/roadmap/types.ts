import type { Language } from '../schema/meta.js';
import type { NoteKind, NoteStatus } from '../schema/note.js';
import type { FeedbackOutcome } from '../schema/feedback.js';
import type { Brand } from '../schema/brand.js';

/**
 * Which notes count as the roadmap's actions and best practices.
 * - `accepted`: only notes a facilitator accepted.
 * - `all-open`: every note that is not parked (for a board whose facilitator
 *   never accepted anything, so the booklet is not empty).
 */
export type RoadmapInclude = 'accepted' | 'all-open';

export interface RoadmapOptions {
  /**
   * Default: `accepted` when at least one note on the board is accepted,
   * otherwise `all-open`.
   */
  include?: RoadmapInclude;
  /** When the roadmap is generated (ms since epoch); defaults to `Date.now()`. */
  now?: number;
  /** How many latest feedback comments to keep per stage (default 3). */
  latestFeedback?: number;
}

/** A department as the roadmap shows it. Keys of deleted departments never appear. */
export interface DepartmentRef {
  key: string;
  name: string;
  color: string;
}

/**
 * Distinct people per department. A person is one name (compared by `nameKey`,
 * as the server compares names on joining): members who are not removed and
 * not viewers, where several member records under one name (someone who
 * rejoined from a new device, a facilitator who also joined as a participant)
 * count once, as a facilitator if any record is one, in the department of
 * their latest record that names one.
 */
export interface DepartmentHeadcount {
  /** `null` for people who picked no department (or one that no longer exists). */
  department: DepartmentRef | null;
  participants: number;
  facilitators: number;
  total: number;
}

/** One note as it appears in the roadmap. */
export interface RoadmapItem {
  id: string;
  segmentId: string;
  stageId: string;
  text: string;
  kind: NoteKind;
  status: NoteStatus;
  responsible: DepartmentRef | null;
  supporting: DepartmentRef[];
  /** Dots on the note (merging moves the sources' dots onto it). */
  votes: number;
  /** How many notes were merged into this one (`merged.length`). */
  mergedCount: number;
  /** The notes merged into this one, oldest merge first: their texts and authors are never lost. */
  merged: RoadmapMergedNote[];
  /** The author's name, then the authors of the merged notes; distinct, empty names left out. */
  authors: string[];
}

export interface RoadmapMergedNote {
  id: string;
  text: string;
  kind: NoteKind;
  authorName: string;
}

export interface RoadmapCommitment {
  stageId: string;
  department: DepartmentRef;
  text: string;
  byName: string;
  updatedAt: number;
}

export interface RoadmapFeedbackEntry {
  id: string;
  outcome: FeedbackOutcome;
  blocker: string;
  department: DepartmentRef | null;
  comment: string;
  repName: string;
  createdAt: number;
}

/** How often one value came up, for lists shown most often first. */
export interface Tally<T> {
  value: T;
  count: number;
}

/** Reps' feedback on one stage (step 7): the roadmap's stage badges and the adoption view read it. */
export interface StageFeedback {
  counts: Record<FeedbackOutcome, number>;
  total: number;
  /** Newest first, at most `options.latestFeedback`. */
  latest: RoadmapFeedbackEntry[];
  /** Share of reports that did not fully work (partly or blocked), 0..1; 0 without reports. */
  notFollowed: number;
  /**
   * What blocked it when it did not fully work, most often first (ties: the
   * newest first). One entry per text, case and spacing ignored; the text is
   * the newest report's, trimmed. Empty blockers are left out.
   */
  blockers: Tally<string>[];
  /** Departments named when it did not fully work, most often first (ties: the newest first). */
  departments: Tally<DepartmentRef>[];
}

export interface RoadmapStage {
  id: string;
  segmentId: string;
  /** 1-based position within its segment. */
  number: number;
  /** The sales stage. */
  name: string;
  /** The buyer's step this stage serves. */
  buyerStep: string;
  /** The facilitator's summary of this stage for the deliverables ('' when none). */
  summary: string;
  /** Actions and best practices of the roadmap (see RoadmapInclude), in board order. */
  actions: RoadmapItem[];
  /**
   * Notes still to decide: actions and best practices with status `open` that
   * are not among `actions` (in `accepted` mode every open one; in `all-open`
   * mode none, since they are the actions). Questions have their own list.
   */
  open: RoadmapItem[];
  /** Parked notes of every kind. */
  parked: RoadmapItem[];
  /** Questions that are not parked. */
  questions: RoadmapItem[];
  /** One per department that committed, in department order. */
  commitments: RoadmapCommitment[];
  feedback: StageFeedback;
}

export interface RoadmapSegment {
  id: string;
  /** 1-based position on the board. */
  number: number;
  name: string;
  description: string;
  color: string;
  /** The facilitator's summary of this segment for the deliverables ('' when none). */
  summary: string;
  stages: RoadmapStage[];
}

/** Where an item sits, for lists that cut across segments (department pages, appendix). */
export interface PlacedItem {
  item: RoadmapItem;
  segmentName: string;
  segmentNumber: number;
  stageName: string;
  stageNumber: number;
}

export interface DepartmentRoadmap {
  department: DepartmentRef;
  /** Actions this department is responsible for, in roadmap order. */
  responsible: PlacedItem[];
  /** Actions it supports. */
  supporting: PlacedItem[];
  commitments: RoadmapCommitment[];
}

export interface MatrixCell {
  stageId: string;
  responsible: number;
  supporting: number;
}

export interface MatrixRow {
  department: DepartmentRef;
  /** One per stage, in roadmap order (segment by segment). */
  cells: MatrixCell[];
  responsible: number;
  supporting: number;
}

/** Departments x stages: how many of a stage's actions each department leads or supports. */
export interface ResponsibilityMatrix {
  stages: { id: string; segmentId: string; number: number; name: string }[];
  rows: MatrixRow[];
  /** Actions with no responsible department, per stage id. */
  unowned: Record<string, number>;
}

export interface OwnerProposalCount {
  department: DepartmentRef;
  count: number;
}

export type RoadmapWarning =
  | {
      type: 'no-owner';
      item: PlacedItem;
      /** The most-proposed department, if anyone proposed one. */
      suggested: OwnerProposalCount | null;
    }
  | {
      type: 'contested-owner';
      item: PlacedItem;
      /** `tie`: no responsible and the top proposals tie; `differs`: the responsible is not the most proposed. */
      reason: 'tie' | 'differs';
      proposals: OwnerProposalCount[];
    };

export interface Roadmap {
  title: string;
  language: Language;
  createdAt: number;
  generatedAt: number;
  /** Latest note creation or edit on the board (or createdAt when it has none). */
  lastActivityAt: number;
  include: RoadmapInclude;
  participants: { total: number; byDepartment: DepartmentHeadcount[] };
  departments: DepartmentRef[];
  segments: RoadmapSegment[];
  byDepartment: DepartmentRoadmap[];
  matrix: ResponsibilityMatrix;
  /** Every parked note, in roadmap order. */
  parked: PlacedItem[];
  /** Every note still to decide (the stages' `open`), in roadmap order. */
  open: PlacedItem[];
  /** Every open question, in roadmap order. */
  questions: PlacedItem[];
  /** Every note that absorbed merged notes (actions, still to decide, questions, parked), in roadmap order. */
  merged: PlacedItem[];
  /** Every note with at least one dot, most dots first (ties in roadmap order). */
  votes: PlacedItem[];
  commitments: RoadmapCommitment[];
  /** The facilitator's foreword and executive summary ('' when not written); line breaks separate paragraphs. */
  foreword: string;
  executiveSummary: string;
  /**
   * The client's name and logo for covers and headers, and the accent the
   * deliverables use: the client's colour darkened until white text on it
   * reads at 4.5:1 (readableAccent), or DEFAULT_ACCENT; never ''.
   */
  brand: Brand;
  warnings: RoadmapWarning[];
  /** Totals of the lists above; `open` is the figure every view and booklet shows as "still to decide". */
  counts: { actions: number; parked: number; questions: number; open: number };
}
