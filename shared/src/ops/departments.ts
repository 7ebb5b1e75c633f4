import type * as Y from 'yjs';
import { DEPARTMENT_KEY_PATTERN } from '../ids.js';
import type { Origin } from '../origin.js';
import { COLOR_PATTERN } from '../schema/fields.js';
import { roots, toRecordMap } from '../schema/layout.js';
import {
  DEPARTMENT_NAME_MAX, nextDepartmentColor, type DepartmentRecord,
} from '../schema/department.js';
import { cleanText, invalid, notFound } from './errors.js';
import { applyRenumber, lastOrder, placeAt, sortedSiblings } from './sorted.js';

export interface DepartmentInput {
  name: string;
  color?: string;
}

/** Derives a readable, unused key from a department name ("Field Sales" -> "field-sales"). */
export function departmentKeyFor(name: string, taken: (key: string) => boolean): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'dept';
  let key = base;
  for (let n = 2; taken(key); n++) key = `${base}-${n}`;
  return key;
}

export function addDepartment(doc: Y.Doc, input: DepartmentInput, origin: Origin, key?: string): string {
  const { departments } = roots(doc);
  const name = cleanText(input.name, 'department-name', DEPARTMENT_NAME_MAX, 1);
  const finalKey = key ?? departmentKeyFor(name, (k) => departments.has(k));
  if (!DEPARTMENT_KEY_PATTERN.test(finalKey)) invalid('invalid-department-key', 'Department key is not valid');
  if (departments.has(finalKey)) invalid('department-exists', `Department ${finalKey} already exists`, { key: finalKey });
  const siblings = sortedSiblings(departments);
  const taken: string[] = [];
  departments.forEach((entry) => {
    const c = typeof entry?.get === 'function' ? entry.get('color') : undefined;
    if (typeof c === 'string') taken.push(c);
  });
  const color = input.color ?? nextDepartmentColor(taken);
  if (!COLOR_PATTERN.test(color)) invalid('invalid-color', 'Colour must look like #rrggbb');
  const record: DepartmentRecord = { name, color: color.toLowerCase(), order: lastOrder(siblings) };
  doc.transact(() => departments.set(finalKey, toRecordMap({ ...record })), origin);
  return finalKey;
}

export function updateDepartment(
  doc: Y.Doc, key: string, patch: Partial<DepartmentInput>, origin: Origin,
): void {
  const entry = roots(doc).departments.get(key);
  if (!entry) notFound('Department', key);
  const fields: Partial<DepartmentRecord> = {};
  if (patch.name !== undefined) fields.name = cleanText(patch.name, 'department-name', DEPARTMENT_NAME_MAX, 1);
  if (patch.color !== undefined) {
    if (!COLOR_PATTERN.test(patch.color)) invalid('invalid-color', 'Colour must look like #rrggbb');
    fields.color = patch.color.toLowerCase();
  }
  doc.transact(() => {
    for (const [k, value] of Object.entries(fields)) entry.set(k, value);
  }, origin);
}

export function moveDepartment(doc: Y.Doc, key: string, index: number, origin: Origin): void {
  const { departments } = roots(doc);
  const entry = departments.get(key);
  if (!entry) notFound('Department', key);
  const placement = placeAt(sortedSiblings(departments, undefined, key), index);
  doc.transact(() => {
    applyRenumber(departments, placement);
    entry.set('order', placement.order);
  }, origin);
}

/**
 * Removes a department and strips it from every note's proposed, responsible
 * and supporting owners and from the owner proposals, in the same transaction,
 * so nothing points at a department that is gone.
 */
export function removeDepartment(doc: Y.Doc, key: string, origin: Origin): void {
  const { departments, notes, proposals } = roots(doc);
  if (!departments.has(key)) notFound('Department', key);
  doc.transact(() => {
    notes.forEach((note) => {
      for (const field of ['owners', 'supporting']) {
        const list = note.get(field);
        if (Array.isArray(list) && list.includes(key)) note.set(field, list.filter((o) => o !== key));
      }
      if (note.get('responsible') === key) note.set('responsible', '');
    });
    proposals.forEach((department, proposalKey) => {
      if (department === key) proposals.delete(proposalKey);
    });
    departments.delete(key);
  }, origin);
}
