import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  DEPARTMENT_KEY_PATTERN, DEPARTMENT_NAME_MAX, TITLE_MAX, addDepartment, addNote, departmentKeyFor,
  initializeBoard, moveDepartment, readBoard, removeDepartment, setLanguage, setTitle, updateDepartment,
  type Language,
} from '../../shared/src/index.js';
import { ALICE, expectOneTransaction, expectRejected, me, smallBoard, system } from './helpers.js';

describe('meta', () => {
  it('setTitle trims and writes one transaction', () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { title: 'Old', template: 'blank', language: 'en' }, system);
    expectOneTransaction(doc, me, () => setTitle(doc, '  Milano 2025  ', me));
    expect(readBoard(doc).meta.title).toBe('Milano 2025');
    setTitle(doc, 'x'.repeat(TITLE_MAX), me);
    expect(readBoard(doc).meta.title).toHaveLength(TITLE_MAX);
  });

  it('setTitle rejects empty and too long titles', () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { title: 'Old', template: 'blank', language: 'en' }, system);
    expectRejected(doc, () => setTitle(doc, '   ', me));
    expectRejected(doc, () => setTitle(doc, 'x'.repeat(TITLE_MAX + 1), me));
    expect(readBoard(doc).meta.title).toBe('Old');
  });

  it('setLanguage accepts en/it only', () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { title: 'T', template: 'blank', language: 'en' }, system);
    expectOneTransaction(doc, me, () => setLanguage(doc, 'it', me));
    expect(readBoard(doc).meta.language).toBe('it');
    expectRejected(doc, () => setLanguage(doc, 'de' as Language, me));
  });
});

describe('departments', () => {
  it('departmentKeyFor makes readable, unique, valid keys', () => {
    const taken = new Set(['sales']);
    expect(departmentKeyFor('Field Sales', (k) => taken.has(k))).toBe('field-sales');
    expect(departmentKeyFor('Sales', (k) => taken.has(k))).toBe('sales-2');
    expect(departmentKeyFor('Qualità & Controllo', () => false)).toBe('qualita-controllo');
    expect(departmentKeyFor('営業', () => false)).toBe('dept');
    const long = departmentKeyFor('A'.repeat(80), (k) => k.length === 32);
    expect(long).toMatch(DEPARTMENT_KEY_PATTERN);
  });

  it('addDepartment derives or checks the key and appends', () => {
    const doc = new Y.Doc();
    const k1 = expectOneTransaction(doc, me, () => addDepartment(doc, { name: ' Field Sales ' }, me));
    const k2 = addDepartment(doc, { name: 'Field sales', color: '#ABCDEF' }, me);
    const k3 = addDepartment(doc, { name: 'Finance' }, me, 'fin');
    expect([k1, k2, k3]).toEqual(['field-sales', 'field-sales-2', 'fin']);
    const board = readBoard(doc);
    expect(board.departments.map((d) => d.key)).toEqual([k1, k2, k3]);
    expect(board.departments[0]!.name).toBe('Field Sales');
    expect(board.departments[1]!.color).toBe('#abcdef');
    expect(board.departmentsByKey.get('fin')!.name).toBe('Finance');
  });

  it('addDepartment rejects bad input without writing', () => {
    const doc = new Y.Doc();
    addDepartment(doc, { name: 'Sales' }, me, 'sales');
    expectRejected(doc, () => addDepartment(doc, { name: '' }, me));
    expectRejected(doc, () => addDepartment(doc, { name: 'x'.repeat(DEPARTMENT_NAME_MAX + 1) }, me));
    expectRejected(doc, () => addDepartment(doc, { name: 'X', color: 'blue' }, me));
    expectRejected(doc, () => addDepartment(doc, { name: 'X' }, me, 'Bad Key'));
    expectRejected(doc, () => addDepartment(doc, { name: 'Sales again' }, me, 'sales'));
  });

  it('updateDepartment and moveDepartment', () => {
    const { doc } = smallBoard();
    addDepartment(doc, { name: 'Finance' }, me, 'finance');
    expectOneTransaction(doc, me, () => updateDepartment(doc, 'sales', { name: 'Vendite', color: '#FF0000' }, me));
    expect(readBoard(doc).departmentsByKey.get('sales')).toMatchObject({ name: 'Vendite', color: '#ff0000' });
    expectRejected(doc, () => updateDepartment(doc, 'sales', { color: '#ff00' }, me));
    expectRejected(doc, () => updateDepartment(doc, 'sales', { name: ' ' }, me));
    expectRejected(doc, () => updateDepartment(doc, 'nope', { name: 'x' }, me), 'not-found');
    expectOneTransaction(doc, me, () => moveDepartment(doc, 'finance', 0, me));
    expect(readBoard(doc).departments.map((d) => d.key)).toEqual(['finance', 'sales', 'engineering']);
    moveDepartment(doc, 'finance', 1, me);
    expect(readBoard(doc).departments.map((d) => d.key)).toEqual(['sales', 'finance', 'engineering']);
    expectRejected(doc, () => moveDepartment(doc, 'nope', 0, me), 'not-found');
  });

  it('removeDepartment strips it from every note owner list in the same transaction', () => {
    const { doc, stageA, stageB } = smallBoard();
    const n1 = addNote(doc, { stageId: stageA, owners: ['sales', 'engineering'] }, ALICE, me);
    const n2 = addNote(doc, { stageId: stageB, owners: ['engineering'] }, ALICE, me);
    const n3 = addNote(doc, { stageId: stageB, owners: ['sales'] }, ALICE, me);
    expectOneTransaction(doc, me, () => removeDepartment(doc, 'engineering', me));
    const board = readBoard(doc);
    expect(board.departments.map((d) => d.key)).toEqual(['sales']);
    expect(board.notesById.get(n1)!.owners).toEqual(['sales']);
    expect(board.notesById.get(n2)!.owners).toEqual([]);
    expect(board.notesById.get(n3)!.owners).toEqual(['sales']);
    expectRejected(doc, () => removeDepartment(doc, 'engineering', me), 'not-found');
  });
});
