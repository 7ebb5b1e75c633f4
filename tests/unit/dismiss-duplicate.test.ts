import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addNote, deleteNote, dismissDuplicate, DISMISSED_DUPLICATES_MAX, initializeBoard, readBoard, systemOrigin,
} from '../../shared/src/index.js';

const origin = systemOrigin('test');

function board() {
  const doc = new Y.Doc();
  initializeBoard(doc, { title: 'T', template: 'vision-workshop', language: 'it' }, origin, 1);
  const stageId = readBoard(doc).segments[0]!.stages[0]!.id;
  const add = (text: string) => addNote(doc, { stageId, text }, { id: 'a', name: 'A', department: '' }, origin);
  return { doc, add };
}

describe('dismissing a suggested duplicate pair', () => {
  it('stores the sorted pair key once, in one transaction', () => {
    const { doc, add } = board();
    const [x, y] = [add('uno'), add('due')];
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const key = dismissDuplicate(doc, y, x, origin);
    dismissDuplicate(doc, x, y, origin);
    expect(key).toBe(x < y ? `${x}|${y}` : `${y}|${x}`);
    expect(readBoard(doc).session.dismissedDuplicates).toEqual([key]);
    expect(transactions).toBe(2);
  });

  it('drops the keys of notes that are gone when it writes', () => {
    const { doc, add } = board();
    const [x, y, z] = [add('uno'), add('due'), add('tre')];
    dismissDuplicate(doc, x, y, origin);
    deleteNote(doc, y, origin);
    const key = dismissDuplicate(doc, x, z, origin);
    expect(readBoard(doc).session.dismissedDuplicates).toEqual([key]);
  });

  it('refuses a pair of one note or a missing note, and reads a malformed list as empty with a problem', () => {
    const { doc, add } = board();
    const x = add('uno');
    expect(() => dismissDuplicate(doc, x, x, origin)).toThrow();
    expect(() => dismissDuplicate(doc, x, 'missing', origin)).toThrow();
    doc.getMap('session').set('dismissedDuplicates', ['b|a']);
    const read = readBoard(doc);
    expect(read.session.dismissedDuplicates).toEqual([]);
    expect(read.problems).toContainEqual(expect.objectContaining({ collection: 'session', id: 'dismissedDuplicates' }));
    expect(DISMISSED_DUPLICATES_MAX).toBeGreaterThanOrEqual(1000);
  });
});
