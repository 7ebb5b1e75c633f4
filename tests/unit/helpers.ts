import * as Y from 'yjs';
import { expect } from 'vitest';
import {
  OPERATION_ERROR_CODES, OperationError, addDepartment, addSegment, addStage, initializeBoard, localOrigin, readBoard, systemOrigin,
  type Author, type OperationErrorCode, type Origin,
} from '../../shared/src/index.js';

export const ALICE: Author = { id: 'alice', name: 'Alice', department: 'sales' };
export const me = localOrigin('alice');
export const system = systemOrigin('test');

/** Records every transaction on `doc`: its origin and whether it changed anything. */
export function recordTransactions(doc: Y.Doc): { origins: unknown[]; stop: () => void } {
  const origins: unknown[] = [];
  const listener = (tr: Y.Transaction): void => {
    origins.push(tr.origin);
  };
  doc.on('afterTransaction', listener);
  return { origins, stop: () => doc.off('afterTransaction', listener) };
}

/** Runs `op` and asserts it ran exactly one transaction, with `origin`. */
export function expectOneTransaction<T>(doc: Y.Doc, origin: Origin, op: () => T): T {
  const rec = recordTransactions(doc);
  try {
    const result = op();
    expect(rec.origins).toHaveLength(1);
    expect(rec.origins[0]).toBe(origin);
    return result;
  } finally {
    rec.stop();
  }
}

/**
 * Asserts `op` throws an OperationError of `expected` (its kind, or one code)
 * with a code the client can word, and leaves the doc untouched.
 */
export function expectRejected(doc: Y.Doc, op: () => unknown, expected: OperationError['kind'] | OperationErrorCode = 'invalid'): void {
  const before = Y.encodeStateVector(doc);
  const rec = recordTransactions(doc);
  let thrown: unknown;
  try {
    op();
  } catch (err) {
    thrown = err;
  } finally {
    rec.stop();
  }
  expect(thrown).toBeInstanceOf(OperationError);
  const { code, kind } = thrown as OperationError;
  expect(OPERATION_ERROR_CODES).toContain(code);
  expect(expected === 'invalid' || expected === 'not-found' ? kind : code).toBe(expected);
  expect(rec.origins).toHaveLength(0);
  expect(Y.encodeStateVector(doc)).toEqual(before);
}

/** An empty board with valid meta (so readers report no problems). */
export function blankDoc(): Y.Doc {
  const doc = new Y.Doc();
  initializeBoard(doc, { title: 'Test board', template: 'blank', language: 'en' }, system, 1);
  return doc;
}

/** A small board: one segment with two stages and two departments. */
export function smallBoard(): { doc: Y.Doc; segmentId: string; stageA: string; stageB: string } {
  const doc = blankDoc();
  const segmentId = addSegment(doc, { name: 'OEM' }, system);
  const stageA = addStage(doc, segmentId, { name: 'Discover', buyerStep: 'Recognises a need' }, system);
  const stageB = addStage(doc, segmentId, { name: 'Shape', buyerStep: 'Writes the spec' }, system);
  addDepartment(doc, { name: 'Sales' }, system, 'sales');
  addDepartment(doc, { name: 'Engineering' }, system, 'engineering');
  return { doc, segmentId, stageA, stageB };
}

/** Note ids of a stage in reading order. */
export function noteIds(doc: Y.Doc, stageId: string): string[] {
  return (readBoard(doc).notesByStage.get(stageId) ?? []).map((n) => n.id);
}

/** Applies all of `from`'s missing updates to `to`, with origin `origin`. */
export function sync(from: Y.Doc, to: Y.Doc, origin: unknown = 'remote'): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), origin);
}
