import { FieldErrors, COLOR_PATTERN } from './fields.js';
import type { RecordMap } from './layout.js';

export const DEPARTMENT_NAME_MAX = 60;

/** Stored in `departments`, keyed by department key (a slug such as `sales`). */
export interface DepartmentRecord {
  name: string;
  color: string;
  order: number;
}

export interface Department extends DepartmentRecord {
  key: string;
}

/**
 * Distinct, readable on white and on sticky-note yellow. The template's ten
 * departments take the first ten; the rest are for departments added later.
 */
export const DEPARTMENT_COLORS = [
  '#1d4ed8', '#0f766e', '#b45309', '#7e22ce', '#be123c',
  '#15803d', '#0369a1', '#a16207', '#4338ca', '#9f1239',
  '#c2410c', '#0e7490', '#4d7c0f', '#a21caf', '#57534e',
];

/**
 * The colour for a new department given the colours already taken: the first
 * palette colour nobody uses, else the least used one (the first of those),
 * so two departments share a colour only when the palette has run out.
 */
export function nextDepartmentColor(taken: readonly string[]): string {
  const uses = new Map<string, number>(DEPARTMENT_COLORS.map((c) => [c, 0]));
  for (const color of taken) {
    const key = color.toLowerCase();
    const n = uses.get(key);
    if (n !== undefined) uses.set(key, n + 1);
  }
  let best = DEPARTMENT_COLORS[0]!;
  for (const color of DEPARTMENT_COLORS) if (uses.get(color)! < uses.get(best)!) best = color;
  return best;
}

export function readDepartment(map: RecordMap): { value: DepartmentRecord } | { errors: string[] } {
  const check = new FieldErrors();
  const value: DepartmentRecord = {
    name: check.string(map.get('name'), 'name', { min: 1, max: DEPARTMENT_NAME_MAX }),
    color: check.pattern(map.get('color'), 'color', COLOR_PATTERN),
    order: check.finite(map.get('order'), 'order'),
  };
  return check.ok ? { value } : { errors: check.errors };
}
