import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  AUTHOR_NAME_MAX, NOTE_TEXT_MAX, OWNERS_MAX, ROOT, addDepartment, addNote, deleteNote, moveNote,
  readBoard, updateNote, type NoteKind,
} from '../../shared/src/index.js';
import { ALICE, expectOneTransaction, expectRejected, me, noteIds, smallBoard, sync, system } from './helpers.js';

describe('notes', () => {
  it('addNote writes a complete record in one transaction', () => {
    const { doc, stageA } = smallBoard();
    const id = expectOneTransaction(doc, me, () =>
      addNote(doc, { stageId: stageA, text: '  Send samples  ', kind: 'best practice', owners: ['engineering', 'sales', 'engineering'] }, ALICE, me, 42),
    );
    const board = readBoard(doc);
    expect(board.problems).toEqual([]);
    expect(board.notesById.get(id)).toEqual({
      // Appends take a random fraction so concurrent appends do not tie.
      id, stageId: stageA, order: expect.toSatisfy((o: number) => o >= 1 && o < 1.5), text: 'Send samples', kind: 'best practice',
      authorId: 'alice', authorName: 'Alice', authorDepartment: 'sales',
      owners: ['engineering', 'sales'], createdAt: 42, updatedAt: 42,
      status: 'open', responsible: '', supporting: [], merged: [],
    });
    expect(board.notesByStage.get(stageA)).toEqual([board.notesById.get(id)]);
    // Facilitator-only fields are not written by addNote: they read as defaults.
    const written = [...doc.getMap<Y.Map<unknown>>('notes').get(id)!.keys()];
    for (const field of ['status', 'responsible', 'supporting', 'merged']) expect(written).not.toContain(field);
  });

  it('addNote defaults to an empty action without owners, appended at the end', () => {
    const { doc, stageA } = smallBoard();
    const a = addNote(doc, { stageId: stageA }, { id: 'bob', name: 'Bob', department: '' }, me);
    const b = addNote(doc, { stageId: stageA }, ALICE, me);
    const c = addNote(doc, { stageId: stageA, index: 0 }, ALICE, me);
    expect(noteIds(doc, stageA)).toEqual([c, a, b]);
    expect(readBoard(doc).notesById.get(a)).toMatchObject({ text: '', kind: 'action', owners: [], authorDepartment: '' });
  });

  it('addNote rejects invalid input without writing', () => {
    const { doc, stageA } = smallBoard();
    expectRejected(doc, () => addNote(doc, { stageId: 'nope' }, ALICE, me), 'not-found');
    expectRejected(doc, () => addNote(doc, { stageId: stageA, text: 'x'.repeat(NOTE_TEXT_MAX + 1) }, ALICE, me));
    expectRejected(doc, () => addNote(doc, { stageId: stageA, owners: ['legal'] }, ALICE, me));
    expectRejected(doc, () => addNote(doc, { stageId: stageA, owners: ['Not A Key'] }, ALICE, me));
    expectRejected(doc, () => addNote(doc, { stageId: stageA, kind: 'rant' as NoteKind }, ALICE, me));
    expectRejected(doc, () => addNote(doc, { stageId: stageA }, { ...ALICE, id: 'bad id!' }, me));
    expectRejected(doc, () => addNote(doc, { stageId: stageA }, { ...ALICE, department: 'Bad Dept' }, me));
    expectRejected(doc, () => addNote(doc, { stageId: stageA }, { ...ALICE, name: 'x'.repeat(AUTHOR_NAME_MAX + 1) }, me));
    expect(doc.getMap(ROOT.notes).size).toBe(0);
  });

  it('limits owners to OWNERS_MAX distinct departments', () => {
    const { doc, stageA } = smallBoard();
    const keys = Array.from({ length: OWNERS_MAX + 1 }, (_, i) => `d${i}`);
    for (const key of keys) addDepartment(doc, { name: key }, system, key);
    const id = addNote(doc, { stageId: stageA, owners: keys.slice(0, OWNERS_MAX) }, ALICE, me);
    expect(readBoard(doc).notesById.get(id)!.owners).toHaveLength(OWNERS_MAX);
    expectRejected(doc, () => addNote(doc, { stageId: stageA, owners: keys }, ALICE, me));
  });

  it('updateNote writes only changed fields plus updatedAt', () => {
    const { doc, stageA } = smallBoard();
    const id = addNote(doc, { stageId: stageA, text: 'a' }, ALICE, me, 1);
    expectOneTransaction(doc, me, () => updateNote(doc, id, { text: ' b ', kind: 'question', owners: ['sales'] }, me, 5));
    expect(readBoard(doc).notesById.get(id)).toMatchObject({ text: 'b', kind: 'question', owners: ['sales'], createdAt: 1, updatedAt: 5 });

    const changed: string[] = [];
    doc.getMap(ROOT.notes).observeDeep((events) => {
      for (const e of events) changed.push(...e.changes.keys.keys());
    });
    updateNote(doc, id, { text: 'b', kind: 'question', owners: ['engineering'] }, me, 9);
    expect(changed.sort()).toEqual(['owners', 'updatedAt']);
    expect(readBoard(doc).notesById.get(id)).toMatchObject({ text: 'b', owners: ['engineering'], updatedAt: 9 });
  });

  it('updateNote with nothing to change runs no transaction', () => {
    const { doc, stageA } = smallBoard();
    const id = addNote(doc, { stageId: stageA, text: 'same' }, ALICE, me, 1);
    const before = readBoard(doc).notesById.get(id);
    let count = 0;
    doc.on('afterTransaction', () => count++);
    updateNote(doc, id, { text: ' same ', kind: 'action' }, me, 7);
    expect(count).toBe(0);
    expect(readBoard(doc).notesById.get(id)).toEqual(before);
  });

  it('updateNote rejects invalid input without writing', () => {
    const { doc, stageA } = smallBoard();
    const id = addNote(doc, { stageId: stageA, text: 'a' }, ALICE, me);
    expectRejected(doc, () => updateNote(doc, id, { text: 'x'.repeat(NOTE_TEXT_MAX + 1) }, me));
    expectRejected(doc, () => updateNote(doc, id, { owners: ['legal'] }, me));
    expectRejected(doc, () => updateNote(doc, id, { kind: 'nope' as NoteKind }, me));
    expectRejected(doc, () => updateNote(doc, 'missing', { text: 'x' }, me), 'not-found');
  });

  it('deleteNote removes one note', () => {
    const { doc, stageA } = smallBoard();
    const a = addNote(doc, { stageId: stageA }, ALICE, me);
    const b = addNote(doc, { stageId: stageA }, ALICE, me);
    expectOneTransaction(doc, me, () => deleteNote(doc, a, me));
    expect(noteIds(doc, stageA)).toEqual([b]);
    expectRejected(doc, () => deleteNote(doc, a, me), 'not-found');
  });
});

describe('moveNote', () => {
  function stageWithNotes(n: number) {
    const board = smallBoard();
    const ids = Array.from({ length: n }, (_, i) => addNote(board.doc, { stageId: board.stageA, text: `n${i}` }, ALICE, me));
    return { ...board, ids };
  }

  it.each([
    [0, 0], [0, 1], [0, 3], [3, 0], [3, 2], [1, 2], [2, 1], [1, 99],
  ])('within a stage, from %i to %i', (from, to) => {
    const { doc, stageA, ids } = stageWithNotes(4);
    const moved = ids[from]!;
    expectOneTransaction(doc, me, () => moveNote(doc, moved, stageA, to, me, 77));
    const expected = ids.filter((id) => id !== moved);
    expected.splice(Math.min(to, expected.length), 0, moved);
    expect(noteIds(doc, stageA)).toEqual(expected);
    expect(readBoard(doc).notesById.get(moved)!.updatedAt).toBe(77);
  });

  it.each([0, 1, 2, 5])('to another stage at index %i', (to) => {
    const { doc, stageA, stageB, ids } = stageWithNotes(3);
    const others = [0, 1].map(() => addNote(doc, { stageId: stageB }, ALICE, me));
    expectOneTransaction(doc, me, () => moveNote(doc, ids[1]!, stageB, to, me));
    const expected = [...others];
    expected.splice(Math.min(to, expected.length), 0, ids[1]!);
    expect(noteIds(doc, stageB)).toEqual(expected);
    expect(noteIds(doc, stageA)).toEqual([ids[0], ids[2]]);
    expect(readBoard(doc).notesById.get(ids[1]!)!.stageId).toBe(stageB);
  });

  it('into an empty stage', () => {
    const { doc, stageA, stageB, ids } = stageWithNotes(2);
    moveNote(doc, ids[0]!, stageB, 3, me);
    expect(noteIds(doc, stageB)).toEqual([ids[0]]);
    expect(noteIds(doc, stageA)).toEqual([ids[1]]);
  });

  it('many moves to the same gap keep landing at the requested index', () => {
    const { doc, stageA, ids } = stageWithNotes(3);
    // Repeatedly move the last note to index 1: halves the same gap each time.
    for (let i = 0; i < 80; i++) {
      const current = noteIds(doc, stageA);
      const last = current[current.length - 1]!;
      moveNote(doc, last, stageA, 1, me);
      const after = noteIds(doc, stageA);
      expect(after[1]).toBe(last);
      expect(new Set(after)).toEqual(new Set(ids));
    }
  });

  it('a move between distinct neighbours writes only the moved note', () => {
    const { doc, stageA, ids } = stageWithNotes(4);
    const touched = new Set<string>();
    doc.getMap(ROOT.notes).observeDeep((events) => {
      for (const e of events) touched.add(String(e.path[0]));
    });
    moveNote(doc, ids[3]!, stageA, 1, me);
    expect([...touched]).toEqual([ids[3]]);
  });

  it('concurrent appends to one stage do not tie on order', () => {
    const { doc, stageA } = smallBoard();
    const peer = new Y.Doc();
    sync(doc, peer);
    const orders = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const a = addNote(doc, { stageId: stageA, text: `a${i}` }, ALICE, me);
      const b = addNote(peer, { stageId: stageA, text: `b${i}` }, { id: 'bob', name: 'Bob', department: '' }, me);
      sync(doc, peer);
      sync(peer, doc);
      orders.add(readBoard(doc).notesById.get(a)!.order);
      orders.add(readBoard(doc).notesById.get(b)!.order);
    }
    expect(orders.size).toBe(40);
  });

  it('lands at the requested index between notes that tie on order (concurrent appends)', () => {
    const { doc, stageA } = smallBoard();
    const peer = new Y.Doc();
    sync(doc, peer);
    // Both clients append to the same stage offline and end up with the same
    // order (appends add a random fraction, so force it as an older client would).
    const mine = addNote(doc, { stageId: stageA, text: 'mine' }, ALICE, me);
    const theirs = addNote(peer, { stageId: stageA, text: 'theirs' }, { id: 'bob', name: 'Bob', department: '' }, me);
    doc.getMap<Y.Map<unknown>>('notes').get(mine)!.set('order', 1);
    peer.getMap<Y.Map<unknown>>('notes').get(theirs)!.set('order', 1);
    sync(peer, doc);
    sync(doc, peer);
    const board = readBoard(doc);
    expect(board.notesById.get(mine)!.order).toBe(board.notesById.get(theirs)!.order);
    const third = addNote(doc, { stageId: stageA, text: 'third' }, ALICE, me);
    const tied = noteIds(doc, stageA).slice(0, 2);
    expectOneTransaction(doc, me, () => moveNote(doc, third, stageA, 1, me));
    expect(noteIds(doc, stageA)).toEqual([tied[0], third, tied[1]]);
    const fourth = expectOneTransaction(doc, me, () => addNote(doc, { stageId: stageA, text: 'fourth', index: 1 }, ALICE, me));
    expect(noteIds(doc, stageA)).toEqual([tied[0], fourth, third, tied[1]]);
    sync(doc, peer);
    expect(noteIds(peer, stageA)).toEqual(noteIds(doc, stageA));
  });

  it('rejects unknown notes and stages', () => {
    const { doc, ids } = stageWithNotes(1);
    expectRejected(doc, () => moveNote(doc, ids[0]!, 'nope', 0, me), 'not-found');
    expectRejected(doc, () => moveNote(doc, 'nope', 'nope', 0, me), 'not-found');
  });
});
