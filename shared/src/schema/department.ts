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

/** Distinct, readable on white and on sticky-note yellow. */
export const DEPARTMENT_COLORS = [
  '#1d4ed8', '#0f766e', '#b45309', '#7e22ce', '#be123c',
  '#15803d', '#0369a1', '#a16207', '#4338ca', '#9f1239',
];

export function readDepartment(map: RecordMap): { value: DepartmentRecord } | { errors: string[] } {
  const check = new FieldErrors();
  const value: DepartmentRecord = {
    name: check.string(map.get('name'), 'name', { min: 1, max: DEPARTMENT_NAME_MAX }),
    color: check.pattern(map.get('color'), 'color', COLOR_PATTERN),
    order: check.finite(map.get('order'), 'order'),
  };
  return check.ok ? { value } : { errors: check.errors };
}
