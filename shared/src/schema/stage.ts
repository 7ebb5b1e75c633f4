import { ENTITY_ID_PATTERN } from '../ids.js';
import { FieldErrors } from './fields.js';
import type { RecordMap } from './layout.js';

export const STAGE_NAME_MAX = 80;
export const BUYER_STEP_MAX = 120;

/** Stored in `stages`, keyed by stage id. */
export interface StageRecord {
  /** Key of the segment (in `segments`) this stage belongs to. */
  segmentId: string;
  /** The sales stage, e.g. "Shape the spec". */
  name: string;
  /** The buyer's step this stage serves, e.g. "Writes the specification". */
  buyerStep: string;
  /** Sort key among the stages of one segment. */
  order: number;
}

export interface Stage extends StageRecord {
  id: string;
}

export function readStage(map: RecordMap): { value: StageRecord } | { errors: string[] } {
  const check = new FieldErrors();
  const value: StageRecord = {
    segmentId: check.pattern(map.get('segmentId'), 'segmentId', ENTITY_ID_PATTERN),
    name: check.string(map.get('name'), 'name', { max: STAGE_NAME_MAX }),
    buyerStep: check.string(map.get('buyerStep') ?? '', 'buyerStep', { max: BUYER_STEP_MAX }),
    order: check.finite(map.get('order'), 'order'),
  };
  return check.ok ? { value } : { errors: check.errors };
}
