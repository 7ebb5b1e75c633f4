import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DEPARTMENT_COLORS, addDepartment, initializeBoard, nextDepartmentColor, readBoard, removeDepartment,
} from '../../shared/src/index.js';
import { system } from './helpers.js';

describe("a new department's colour", () => {
  it('is the first colour of the palette nobody uses', () => {
    expect(nextDepartmentColor([])).toBe(DEPARTMENT_COLORS[0]);
    expect(nextDepartmentColor([DEPARTMENT_COLORS[0]!, DEPARTMENT_COLORS[2]!])).toBe(DEPARTMENT_COLORS[1]);
    // A colour picked by hand (not in the palette) takes nothing from it; case does not matter.
    expect(nextDepartmentColor(['#123456', DEPARTMENT_COLORS[0]!.toUpperCase()])).toBe(DEPARTMENT_COLORS[1]);
  });

  it('once every colour is used, is the least used one', () => {
    const all = [...DEPARTMENT_COLORS, ...DEPARTMENT_COLORS.slice(0, 3)];
    expect(nextDepartmentColor(all)).toBe(DEPARTMENT_COLORS[3]);
  });

  it("on the vision workshop's board, differs from the ten departments it starts with, and takes a freed colour first", () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { title: 'Vision', template: 'vision-workshop', language: 'en' }, system, 1);
    const before = readBoard(doc).departments.map((d) => d.color);
    expect(new Set(before).size).toBe(before.length);
    const key = addDepartment(doc, { name: 'Legal' }, system);
    const legal = readBoard(doc).departmentsByKey.get(key)!.color;
    expect(before).not.toContain(legal);
    // Removing one frees its colour for the next.
    const sales = readBoard(doc).departments[0]!;
    removeDepartment(doc, sales.key, system);
    const next = addDepartment(doc, { name: 'Procurement' }, system);
    expect(readBoard(doc).departmentsByKey.get(next)!.color).toBe(sales.color);
  });
});
