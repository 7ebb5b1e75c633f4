import { FieldErrors } from './fields.js';
import type { RecordMap } from './layout.js';

export const COMMITMENT_TEXT_MAX = 1000;
export const COMMITMENT_NAME_MAX = 60;

/**
 * `commitments`: key `${stageId}:${departmentKey}` (STAGE_DEPARTMENT_KEY_PATTERN)
 * -> nested map. An executive's promise of how their department supports the
 * sales team at one stage (step 6 of the method). One per stage and department;
 * a new one replaces the old.
 */
export interface CommitmentRecord {
  text: string;
  /** Who committed (the executive's name as entered). */
  byName: string;
  updatedAt: number;
}

export interface Commitment extends CommitmentRecord {
  stageId: string;
  department: string;
}

export const STAGE_DEPARTMENT_KEY_PATTERN = /^([A-Za-z0-9_-]{1,64}):([a-z0-9][a-z0-9-]{0,39})$/;

export function commitmentKey(stageId: string, department: string): string {
  return `${stageId}:${department}`;
}

export function parseCommitmentKey(key: string): { stageId: string; department: string } | undefined {
  const match = STAGE_DEPARTMENT_KEY_PATTERN.exec(key);
  return match ? { stageId: match[1]!, department: match[2]! } : undefined;
}

export function readCommitment(map: RecordMap): { value: CommitmentRecord } | { errors: string[] } {
  const check = new FieldErrors();
  const value: CommitmentRecord = {
    text: check.string(map.get('text'), 'text', { min: 1, max: COMMITMENT_TEXT_MAX }),
    byName: check.string(map.get('byName') ?? '', 'byName', { max: COMMITMENT_NAME_MAX }),
    updatedAt: check.finite(map.get('updatedAt'), 'updatedAt'),
  };
  return check.ok ? { value } : { errors: check.errors };
}
