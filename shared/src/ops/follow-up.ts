import type * as Y from 'yjs';
import { DEPARTMENT_KEY_PATTERN, newEntityId } from '../ids.js';
import type { Origin } from '../origin.js';
import { roots, toRecordMap } from '../schema/layout.js';
import {
  COMMITMENT_NAME_MAX, COMMITMENT_TEXT_MAX, commitmentKey, type CommitmentRecord,
} from '../schema/commitment.js';
import {
  FEEDBACK_TEXT_MAX, REP_NAME_MAX, isFeedbackOutcome, type FeedbackOutcome, type FeedbackRecord,
} from '../schema/feedback.js';
import { cleanText, invalid, notFound } from './errors.js';

/**
 * Sets (or, with empty text, withdraws) a department's commitment for a stage:
 * step 6 of the method, entered by the facilitator or through a commitment link.
 */
export function setCommitment(
  doc: Y.Doc, stageId: string, department: string, text: string, byName: string, origin: Origin, now = Date.now(),
): void {
  const { stages, departments, commitments } = roots(doc);
  if (!stages.has(stageId)) notFound('Stage', stageId);
  if (!DEPARTMENT_KEY_PATTERN.test(department) || !departments.has(department)) notFound('Department', department);
  const clean = cleanText(text, 'commitment', COMMITMENT_TEXT_MAX);
  const key = commitmentKey(stageId, department);
  if (clean === '') {
    if (commitments.has(key)) doc.transact(() => commitments.delete(key), origin);
    return;
  }
  const record: CommitmentRecord = {
    text: clean,
    byName: cleanText(byName, 'name', COMMITMENT_NAME_MAX),
    updatedAt: now,
  };
  doc.transact(() => commitments.set(key, toRecordMap({ ...record })), origin);
}

export interface FeedbackInput {
  stageId: string;
  outcome: FeedbackOutcome;
  blocker?: string;
  department?: string;
  comment?: string;
  repName?: string;
}

/** Records a rep's feedback from a real deal (step 7); returns its id. */
export function addFeedback(doc: Y.Doc, input: FeedbackInput, origin: Origin, now = Date.now()): string {
  const { stages, departments, feedback } = roots(doc);
  const stage = stages.get(input.stageId);
  if (!stage) notFound('Stage', input.stageId);
  if (!isFeedbackOutcome(input.outcome)) invalid('unknown-outcome', 'Outcome must be worked, partly or blocked');
  const department = input.department ?? '';
  if (department !== '' && !departments.has(department)) notFound('Department', department);
  const record: FeedbackRecord = {
    segmentId: stage.get('segmentId') as string,
    stageId: input.stageId,
    outcome: input.outcome,
    blocker: cleanText(input.blocker ?? '', 'blocker', FEEDBACK_TEXT_MAX),
    department,
    comment: cleanText(input.comment ?? '', 'comment', FEEDBACK_TEXT_MAX),
    repName: cleanText(input.repName ?? '', 'name', REP_NAME_MAX),
    createdAt: now,
  };
  const id = newEntityId();
  doc.transact(() => feedback.set(id, toRecordMap({ ...record })), origin);
  return id;
}

/**
 * Deletes the commitments and feedback of stages being removed; called inside
 * the removing op's transaction so nothing points at a missing stage.
 */
export function deleteStageFollowUp(doc: Y.Doc, stageIds: ReadonlySet<string>): void {
  const { commitments, feedback } = roots(doc);
  commitments.forEach((_entry, key) => {
    const stageId = key.slice(0, key.lastIndexOf(':'));
    if (stageIds.has(stageId)) commitments.delete(key);
  });
  feedback.forEach((entry, id) => {
    if (stageIds.has(entry.get('stageId') as string)) feedback.delete(id);
  });
}
