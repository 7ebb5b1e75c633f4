import type * as Y from 'yjs';
import { ENTITY_ID_PATTERN } from './ids.js';
import type { Problem } from './schema/fields.js';
import type { RecordMap } from './schema/layout.js';
import type { Stage } from './schema/stage.js';
import type { Department } from './schema/department.js';
import { STAGE_DEPARTMENT_KEY_PATTERN, parseCommitmentKey, readCommitment, type Commitment } from './schema/commitment.js';
import { readFeedback, type Feedback } from './schema/feedback.js';

export interface FollowUp {
  /** Executive commitments, in stage order then department order. */
  commitments: Commitment[];
  /** Reps' feedback, newest first. */
  feedback: Feedback[];
}

/**
 * Reads the after-workshop roots (steps 6 and 7). Entries pointing at stages
 * or departments that no longer exist are skipped and reported.
 */
export function readFollowUp(
  commitmentsMap: Y.Map<RecordMap>,
  feedbackMap: Y.Map<RecordMap>,
  stagesById: ReadonlyMap<string, Stage>,
  departmentsByKey: ReadonlyMap<string, Department>,
  stageRank: ReadonlyMap<string, number>,
  problems: Problem[],
): FollowUp {
  const commitments: Commitment[] = [];
  commitmentsMap.forEach((entry, key) => {
    const parts = parseCommitmentKey(key);
    if (!parts || !STAGE_DEPARTMENT_KEY_PATTERN.test(key)) {
      problems.push({ collection: 'commitments', id: key, message: 'invalid key' });
      return;
    }
    if (typeof (entry as RecordMap | undefined)?.get !== 'function') {
      problems.push({ collection: 'commitments', id: key, message: 'entry is not a Y.Map' });
      return;
    }
    const read = readCommitment(entry);
    if ('errors' in read) {
      problems.push({ collection: 'commitments', id: key, message: read.errors.join('; ') });
      return;
    }
    if (!stagesById.has(parts.stageId) || !departmentsByKey.has(parts.department)) {
      problems.push({ collection: 'commitments', id: key, message: 'stage or department does not exist' });
      return;
    }
    commitments.push({ ...parts, ...read.value });
  });
  const deptRank = (key: string) => departmentsByKey.get(key)?.order ?? 0;
  commitments.sort((a, b) => (stageRank.get(a.stageId)! - stageRank.get(b.stageId)!) || deptRank(a.department) - deptRank(b.department));

  const feedback: Feedback[] = [];
  feedbackMap.forEach((entry, id) => {
    if (!ENTITY_ID_PATTERN.test(id) || typeof (entry as RecordMap | undefined)?.get !== 'function') {
      problems.push({ collection: 'feedback', id, message: 'invalid entry' });
      return;
    }
    const read = readFeedback(entry);
    if ('errors' in read) {
      problems.push({ collection: 'feedback', id, message: read.errors.join('; ') });
      return;
    }
    if (!stagesById.has(read.value.stageId)) {
      problems.push({ collection: 'feedback', id, message: 'stage does not exist' });
      return;
    }
    feedback.push({ id, ...read.value });
  });
  feedback.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  return { commitments, feedback };
}
