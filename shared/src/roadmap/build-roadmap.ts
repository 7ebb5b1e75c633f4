import { ownerTally } from '../ops/owners.js';
import { readableAccent } from './accent.js';
import { nameKey } from '../protocol.js';
import type { BoardSnapshot } from '../read-board.js';
import type { Note } from '../schema/note.js';
import {
  type DepartmentHeadcount, type DepartmentRef, type DepartmentRoadmap, type OwnerProposalCount,
  type PlacedItem, type ResponsibilityMatrix, type Roadmap, type RoadmapCommitment, type RoadmapFeedbackEntry,
  type RoadmapInclude, type RoadmapItem, type RoadmapOptions, type RoadmapSegment, type RoadmapStage,
  type RoadmapWarning, type StageFeedback, type Tally,
} from './types.js';

/** What the roadmap reads: a board snapshot (only these parts). */
export type RoadmapSource = Pick<
  BoardSnapshot,
  | 'meta' | 'segments' | 'departments' | 'notesById' | 'notesByStage' | 'members' | 'votesByNote' | 'proposalsByNote'
  | 'commitments' | 'feedback'
> & Partial<Pick<BoardSnapshot, 'booklet' | 'brand'>>;

const DEFAULT_LATEST_FEEDBACK = 3;

/**
 * The consolidated roadmap of a board: the single source for the Roadmap view
 * and every export. Pure: plain data in, plain data out.
 *
 * Which notes are the roadmap's actions: see RoadmapInclude. By default a
 * board on which a facilitator accepted at least one note shows accepted
 * notes only; a board where nothing was ever accepted shows every note that
 * is not parked, so a workshop run without formal acceptance still yields a
 * roadmap. Parked notes and questions are listed apart in either mode, and
 * so are the notes still to decide (`open`: open actions and best practices
 * the `accepted` mode does not take), counted per stage and in total here,
 * once, for the Roadmap view and every booklet.
 * Departments that no longer exist are ignored wherever a note names them.
 */
export function buildRoadmap(snapshot: RoadmapSource, options: RoadmapOptions = {}): Roadmap {
  const include = options.include ?? defaultInclude(snapshot);
  const departments = snapshot.departments.map(toRef);
  const deptByKey = new Map(departments.map((d) => [d.key, d]));
  const dept = (key: string): DepartmentRef | null => deptByKey.get(key) ?? null;

  const commitmentsByStage = groupCommitments(snapshot, deptByKey);
  const feedbackByStage = groupFeedback(snapshot, dept, options.latestFeedback ?? DEFAULT_LATEST_FEEDBACK);

  const toItem = (note: Note, segmentId: string): RoadmapItem => ({
    id: note.id,
    segmentId,
    stageId: note.stageId,
    text: note.text,
    kind: note.kind,
    status: note.status,
    responsible: dept(note.responsible),
    supporting: note.supporting.map(dept).filter((d): d is DepartmentRef => d !== null),
    votes: snapshot.votesByNote.get(note.id)?.total ?? 0,
    mergedCount: note.merged.length,
    merged: note.merged.map((m) => ({ id: m.id, text: m.text, kind: m.kind, authorName: m.authorName })),
    authors: distinct([note.authorName, ...note.merged.map((m) => m.authorName)]),
  });

  let lastActivityAt = snapshot.meta.createdAt;
  const segments: RoadmapSegment[] = snapshot.segments.map((segment, si) => ({
    id: segment.id,
    number: si + 1,
    name: segment.name,
    description: segment.description,
    summary: snapshot.booklet?.segments.get(segment.id) ?? '',
    color: segment.color,
    stages: segment.stages.map((stage, ti): RoadmapStage => {
      const out: RoadmapStage = {
        id: stage.id,
        segmentId: segment.id,
        number: ti + 1,
        name: stage.name,
        buyerStep: stage.buyerStep,
        summary: snapshot.booklet?.stages.get(stage.id) ?? '',
        actions: [],
        open: [],
        parked: [],
        questions: [],
        commitments: commitmentsByStage.get(stage.id) ?? [],
        feedback: feedbackByStage.get(stage.id) ?? emptyFeedback(),
      };
      for (const note of snapshot.notesByStage.get(stage.id) ?? []) {
        lastActivityAt = Math.max(lastActivityAt, note.createdAt, note.updatedAt);
        const item = toItem(note, segment.id);
        if (note.status === 'parked') out.parked.push(item);
        else if (note.kind === 'question') out.questions.push(item);
        else if (include === 'all-open' || note.status === 'accepted') out.actions.push(item);
        else out.open.push(item); // status 'open' in 'accepted' mode: still to decide
      }
      return out;
    }),
  }));

  const placed = (pick: (stage: RoadmapStage) => RoadmapItem[]): PlacedItem[] =>
    segments.flatMap((segment) =>
      segment.stages.flatMap((stage) =>
        pick(stage).map((item) => ({
          item, segmentName: segment.name, segmentNumber: segment.number, stageName: stage.name, stageNumber: stage.number,
        })),
      ),
    );
  const actions = placed((s) => s.actions);
  const allCommitments = segments.flatMap((s) => s.stages.flatMap((t) => t.commitments));

  const byDepartment: DepartmentRoadmap[] = departments.map((department) => ({
    department,
    responsible: actions.filter((p) => p.item.responsible?.key === department.key),
    supporting: actions.filter((p) => p.item.supporting.some((d) => d.key === department.key)),
    commitments: allCommitments.filter((c) => c.department.key === department.key),
  }));

  const everything = placed((s) => [...s.actions, ...s.open, ...s.parked, ...s.questions]);
  const votes = everything
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.item.votes > 0)
    .sort((a, b) => b.p.item.votes - a.p.item.votes || a.i - b.i)
    .map(({ p }) => p);

  const open = placed((s) => s.open);
  const merged = placed((s) => [...s.actions, ...s.open, ...s.questions, ...s.parked].filter((i) => i.merged.length > 0));
  return {
    title: snapshot.meta.title,
    language: snapshot.meta.language,
    createdAt: snapshot.meta.createdAt,
    generatedAt: options.now ?? Date.now(),
    lastActivityAt,
    include,
    participants: headcount(snapshot, deptByKey),
    departments,
    segments,
    byDepartment,
    matrix: matrix(segments, departments),
    parked: placed((s) => s.parked),
    open,
    questions: placed((s) => s.questions),
    merged,
    votes,
    commitments: allCommitments,
    foreword: snapshot.booklet?.foreword ?? '',
    executiveSummary: snapshot.booklet?.executiveSummary ?? '',
    brand: {
      companyName: snapshot.brand?.companyName ?? '',
      accentColor: readableAccent(snapshot.brand?.accentColor ?? ''),
      logo: snapshot.brand?.logo ?? null,
    },
    warnings: warnings(snapshot, actions, deptByKey),
    counts: {
      actions: actions.length,
      parked: segments.reduce((n, s) => n + s.stages.reduce((m, t) => m + t.parked.length, 0), 0),
      questions: segments.reduce((n, s) => n + s.stages.reduce((m, t) => m + t.questions.length, 0), 0),
      open: open.length,
    },
  };
}

function defaultInclude(snapshot: RoadmapSource): RoadmapInclude {
  for (const note of snapshot.notesById.values()) if (note.status === 'accepted') return 'accepted';
  return 'all-open';
}

function toRef(d: { key: string; name: string; color: string }): DepartmentRef {
  return { key: d.key, name: d.name, color: d.color };
}

function distinct(names: string[]): string[] {
  return [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];
}

/**
 * Distinct people who were not removed and are not viewers, per department
 * (board order; no department last). The rule is DepartmentHeadcount's: one
 * person per name, as a facilitator if any of their records is one, in the
 * department of their latest record that names an existing one. Names are the
 * identity because the server keeps them unique per board (nameKey), while a
 * member id is per join: a person who rejoined from another device, or a
 * facilitator who also joined as a participant, holds several ids.
 */
function headcount(snapshot: RoadmapSource, deptByKey: ReadonlyMap<string, DepartmentRef>): Roadmap['participants'] {
  // departmentAt: when the record the department comes from joined (-1: none yet).
  const people = new Map<string, { facilitator: boolean; department: string; departmentAt: number }>();
  for (const member of snapshot.members) {
    if (member.removed || member.role === 'viewer') continue;
    const key = nameKey(member.name);
    const person = people.get(key) ?? { facilitator: false, department: '', departmentAt: -1 };
    people.set(key, person);
    person.facilitator ||= member.role === 'facilitator';
    if (deptByKey.has(member.department) && member.joinedAt >= person.departmentAt) {
      person.department = member.department;
      person.departmentAt = member.joinedAt;
    }
  }
  const counts = new Map<string, { participants: number; facilitators: number }>();
  for (const person of people.values()) {
    const entry = counts.get(person.department) ?? { participants: 0, facilitators: 0 };
    if (person.facilitator) entry.facilitators += 1;
    else entry.participants += 1;
    counts.set(person.department, entry);
  }
  const byDepartment: DepartmentHeadcount[] = [];
  for (const [key, department] of deptByKey) {
    const c = counts.get(key);
    if (c) byDepartment.push({ department, ...c, total: c.participants + c.facilitators });
  }
  const none = counts.get('');
  if (none) byDepartment.push({ department: null, ...none, total: none.participants + none.facilitators });
  return { total: people.size, byDepartment };
}

/** Commitments per stage, in department order; empty texts and deleted departments left out. */
function groupCommitments(
  snapshot: RoadmapSource, deptByKey: ReadonlyMap<string, DepartmentRef>,
): Map<string, RoadmapCommitment[]> {
  const byStage = new Map<string, RoadmapCommitment[]>();
  const order = new Map([...deptByKey.keys()].map((k, i) => [k, i]));
  for (const c of snapshot.commitments) {
    const department = deptByKey.get(c.department);
    if (!department || c.text.trim() === '') continue;
    const list = byStage.get(c.stageId) ?? [];
    list.push({ stageId: c.stageId, department, text: c.text, byName: c.byName, updatedAt: c.updatedAt });
    byStage.set(c.stageId, list);
  }
  for (const list of byStage.values()) list.sort((a, b) => order.get(a.department.key)! - order.get(b.department.key)!);
  return byStage;
}

function emptyFeedback(): StageFeedback {
  return { counts: { worked: 0, partly: 0, blocked: 0 }, total: 0, latest: [], notFollowed: 0, blockers: [], departments: [] };
}

/** Counts values by `key`, most often first; equal counts keep the order values came in. */
function tally<T>(values: T[], key: (value: T) => string): Tally<T>[] {
  const byKey = new Map<string, Tally<T>>();
  for (const value of values) {
    const k = key(value);
    const entry = byKey.get(k);
    if (entry) entry.count += 1;
    else byKey.set(k, { value, count: 1 });
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}

/**
 * Feedback per stage: counts by outcome, the latest reports, and what went
 * wrong where it did not fully work. Reads the snapshot's feedback in its
 * order, newest first.
 */
function groupFeedback(
  snapshot: RoadmapSource, dept: (key: string) => DepartmentRef | null, latest: number,
): Map<string, StageFeedback> {
  const byStage = new Map<string, { feedback: StageFeedback; all: RoadmapFeedbackEntry[] }>();
  for (const f of snapshot.feedback) {
    let entry = byStage.get(f.stageId);
    if (!entry) byStage.set(f.stageId, (entry = { feedback: emptyFeedback(), all: [] }));
    entry.feedback.counts[f.outcome] += 1;
    entry.feedback.total += 1;
    entry.all.push({
      id: f.id, outcome: f.outcome, blocker: f.blocker, department: dept(f.department), comment: f.comment,
      repName: f.repName, createdAt: f.createdAt,
    });
  }
  const out = new Map<string, StageFeedback>();
  for (const [stageId, { feedback, all }] of byStage) {
    const troubled = all.filter((f) => f.outcome !== 'worked');
    const blockers = tally(troubled.map((f) => f.blocker.trim()).filter(Boolean), (b) => b.toLowerCase().replace(/\s+/g, ' '));
    const departments = tally(troubled.flatMap((f) => (f.department ? [f.department] : [])), (d) => d.key);
    all.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.set(stageId, {
      ...feedback, latest: all.slice(0, Math.max(0, latest)), notFollowed: troubled.length / feedback.total, blockers, departments,
    });
  }
  return out;
}

function matrix(segments: RoadmapSegment[], departments: DepartmentRef[]): ResponsibilityMatrix {
  const stages = segments.flatMap((s) => s.stages);
  const unowned: Record<string, number> = {};
  for (const stage of stages) unowned[stage.id] = stage.actions.filter((a) => a.responsible === null).length;
  const rows = departments.map((department) => {
    const cells = stages.map((stage) => ({
      stageId: stage.id,
      responsible: stage.actions.filter((a) => a.responsible?.key === department.key).length,
      supporting: stage.actions.filter((a) => a.supporting.some((d) => d.key === department.key)).length,
    }));
    return {
      department,
      cells,
      responsible: cells.reduce((n, c) => n + c.responsible, 0),
      supporting: cells.reduce((n, c) => n + c.supporting, 0),
    };
  });
  return {
    stages: stages.map((s) => ({ id: s.id, segmentId: s.segmentId, number: s.number, name: s.name })),
    rows,
    unowned,
  };
}

/**
 * Owner problems a consultant should settle before handing the booklet out:
 * - `no-owner`: no responsible department (and the proposals do not tie);
 * - `contested-owner` / `tie`: no responsible, and the top two proposed departments tie;
 * - `contested-owner` / `differs`: the responsible has fewer proposals than the most-proposed department.
 */
function warnings(
  snapshot: RoadmapSource, actions: PlacedItem[], deptByKey: ReadonlyMap<string, DepartmentRef>,
): RoadmapWarning[] {
  const out: RoadmapWarning[] = [];
  for (const placed of actions) {
    const tally: OwnerProposalCount[] = ownerTally(snapshot, placed.item.id).map((c) => ({
      department: deptByKey.get(c.department)!,
      count: c.count,
    }));
    const [first, second] = tally;
    const responsible = placed.item.responsible;
    if (!responsible) {
      if (first && second && first.count === second.count) {
        out.push({ type: 'contested-owner', item: placed, reason: 'tie', proposals: tally });
      } else {
        out.push({ type: 'no-owner', item: placed, suggested: first ?? null });
      }
      continue;
    }
    const own = tally.find((c) => c.department.key === responsible.key)?.count ?? 0;
    if (first && first.count > own) out.push({ type: 'contested-owner', item: placed, reason: 'differs', proposals: tally });
  }
  return out;
}
