import { DEPARTMENT_KEY_PATTERN, ENTITY_ID_PATTERN } from '../ids.js';
import { FieldErrors } from './fields.js';
import type { RecordMap } from './layout.js';

export const FEEDBACK_OUTCOMES = ['worked', 'partly', 'blocked'] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];
export const FEEDBACK_TEXT_MAX = 1000;
export const REP_NAME_MAX = 60;

/**
 * `feedback`: key = feedback id -> nested map. A rep's report from a real deal
 * about one stage (step 7 of the method): did the process work, what blocked
 * it, which department was involved. Written by the server from the feedback
 * form; never edited afterwards.
 */
export interface FeedbackRecord {
  segmentId: string;
  stageId: string;
  outcome: FeedbackOutcome;
  /** What blocked the process ('' when it worked). */
  blocker: string;
  /** Department involved (key) or ''. */
  department: string;
  comment: string;
  repName: string;
  createdAt: number;
}

export interface Feedback extends FeedbackRecord {
  id: string;
}

export function isFeedbackOutcome(value: unknown): value is FeedbackOutcome {
  return typeof value === 'string' && (FEEDBACK_OUTCOMES as readonly string[]).includes(value);
}

export function readFeedback(map: RecordMap): { value: FeedbackRecord } | { errors: string[] } {
  const check = new FieldErrors();
  const department = map.get('department') ?? '';
  const value: FeedbackRecord = {
    segmentId: check.pattern(map.get('segmentId'), 'segmentId', ENTITY_ID_PATTERN),
    stageId: check.pattern(map.get('stageId'), 'stageId', ENTITY_ID_PATTERN),
    outcome: check.oneOf(map.get('outcome'), 'outcome', FEEDBACK_OUTCOMES),
    blocker: check.string(map.get('blocker') ?? '', 'blocker', { max: FEEDBACK_TEXT_MAX }),
    department: department === '' ? '' : check.pattern(department, 'department', DEPARTMENT_KEY_PATTERN),
    comment: check.string(map.get('comment') ?? '', 'comment', { max: FEEDBACK_TEXT_MAX }),
    repName: check.string(map.get('repName') ?? '', 'repName', { max: REP_NAME_MAX }),
    createdAt: check.finite(map.get('createdAt'), 'createdAt'),
  };
  return check.ok ? { value } : { errors: check.errors };
}
