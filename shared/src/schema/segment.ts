import { FieldErrors, COLOR_PATTERN } from './fields.js';
import type { RecordMap } from './layout.js';
import type { Stage } from './stage.js';

export const SEGMENT_NAME_MAX = 80;
export const SEGMENT_DESCRIPTION_MAX = 400;

/** Stored in `segments`, keyed by segment id. */
export interface SegmentRecord {
  name: string;
  description: string;
  /** `#rrggbb`; the swimlane's accent colour. */
  color: string;
  /** Sort key among segments (ascending; ties broken by id). */
  order: number;
}

export interface Segment extends SegmentRecord {
  id: string;
  /** Stages of this segment in order (filled in by readBoard). */
  stages: Stage[];
}

export const SEGMENT_COLORS = ['#2563eb', '#0d9488', '#c2410c', '#7c3aed', '#be185d', '#4d7c0f'];

export function readSegment(map: RecordMap): { value: SegmentRecord } | { errors: string[] } {
  const check = new FieldErrors();
  const value: SegmentRecord = {
    name: check.string(map.get('name'), 'name', { max: SEGMENT_NAME_MAX }),
    description: check.string(map.get('description') ?? '', 'description', {
      max: SEGMENT_DESCRIPTION_MAX,
    }),
    color: check.pattern(map.get('color'), 'color', COLOR_PATTERN),
    order: check.finite(map.get('order'), 'order'),
  };
  return check.ok ? { value } : { errors: check.errors };
}
