import {
  FEEDBACK_OUTCOMES, type BoardSnapshot, type Department, type Feedback, type FeedbackOutcome,
} from '../../../shared/src/index.js';

export interface Tally<T> {
  value: T;
  count: number;
}

export interface StageAdoption {
  stageId: string;
  number: number;
  name: string;
  buyerStep: string;
  counts: Record<FeedbackOutcome, number>;
  total: number;
  /** Share of reports that did not fully work (partly + blocked), 0..1. */
  notFollowed: number;
  /** What blocked it, most often first (same text, case and spacing ignored). */
  blockers: Tally<string>[];
  /** Departments involved when it did not fully work, most often first. */
  departments: Tally<Department>[];
  latest: Feedback[];
}

export interface SegmentAdoption {
  id: string;
  name: string;
  color: string;
  stages: StageAdoption[];
  total: number;
}

function tally<T>(values: T[], key: (v: T) => string): Tally<T>[] {
  const byKey = new Map<string, Tally<T>>();
  for (const v of values) {
    const k = key(v);
    const entry = byKey.get(k);
    if (entry) entry.count += 1;
    else byKey.set(k, { value: v, count: 1 });
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}

/**
 * Step 7: where the process is not followed and why, per segment and stage,
 * from the reps' feedback (the snapshot lists it newest first).
 */
export function buildAdoption(snapshot: Pick<BoardSnapshot, 'segments' | 'feedback' | 'departmentsByKey'>, latest = 4): SegmentAdoption[] {
  const byStage = new Map<string, Feedback[]>();
  for (const f of snapshot.feedback) {
    const list = byStage.get(f.stageId);
    if (list) list.push(f);
    else byStage.set(f.stageId, [f]);
  }
  return snapshot.segments.map((segment) => {
    const stages = segment.stages.map((stage, i): StageAdoption => {
      const reports = byStage.get(stage.id) ?? [];
      const counts = Object.fromEntries(FEEDBACK_OUTCOMES.map((o) => [o, 0])) as Record<FeedbackOutcome, number>;
      for (const r of reports) counts[r.outcome] += 1;
      const troubled = reports.filter((r) => r.outcome !== 'worked');
      const blockers = tally(troubled.map((r) => r.blocker.trim()).filter(Boolean), (b) => b.toLowerCase().replace(/\s+/g, ' '));
      const departments = tally(
        troubled.map((r) => snapshot.departmentsByKey.get(r.department)).filter((d): d is Department => d !== undefined),
        (d) => d.key,
      );
      return {
        stageId: stage.id, number: i + 1, name: stage.name, buyerStep: stage.buyerStep, counts, total: reports.length,
        notFollowed: reports.length ? troubled.length / reports.length : 0,
        blockers: blockers.slice(0, 3), departments: departments.slice(0, 3), latest: reports.slice(0, latest),
      };
    });
    return { id: segment.id, name: segment.name, color: segment.color, stages, total: stages.reduce((n, s) => n + s.total, 0) };
  });
}
