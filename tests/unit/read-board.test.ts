import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  BoardReader, ROOT, SCHEMA_VERSION, addNote, deleteNote, moveNote, readBoard, updateNote,
  type Problem,
} from '../../shared/src/index.js';
import { ALICE, me, noteIds, smallBoard, sync } from './helpers.js';

type AnyMap = Y.Map<unknown>;

function rec(fields: Record<string, unknown>): AnyMap {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m;
}

function validNote(stageId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    stageId, order: 5, text: 't', kind: 'action', authorId: 'u1', authorName: 'U',
    authorDepartment: '', owners: [], createdAt: 1, updatedAt: 1, ...extra,
  };
}

function problemIds(problems: Problem[], collection: string): string[] {
  return problems.filter((p) => p.collection === collection).map((p) => p.id).sort();
}

describe('BoardReader skips and reports malformed entries', () => {
  it('segments, stages, departments and notes', () => {
    const { doc, segmentId, stageA } = smallBoard();
    const good = readBoard(doc);
    const root = (name: string) => doc.getMap<unknown>(name);
    doc.transact(() => {
      root(ROOT.segments).set('bad key!', rec({ name: 'x', color: '#000000', order: 1 }));
      root(ROOT.segments).set('plainObject', { name: 'x', color: '#000000', order: 1 });
      root(ROOT.segments).set('aString', 'segment');
      root(ROOT.segments).set('anArray', new Y.Array());
      root(ROOT.segments).set('noColor', rec({ name: 'x', order: 1 }));
      root(ROOT.segments).set('badOrder', rec({ name: 'x', color: '#000000', order: 'first' }));
      root(ROOT.segments).set('nanOrder', rec({ name: 'x', color: '#000000', order: Number.NaN }));
      root(ROOT.segments).set('longName', rec({ name: 'x'.repeat(81), color: '#000000', order: 1 }));

      root(ROOT.stages).set('orphanStage', rec({ segmentId: 'gone', name: 's', order: 1 }));
      root(ROOT.stages).set('numName', rec({ segmentId, name: 42, order: 1 }));
      root(ROOT.stages).set('nullEntry', null);
      root(ROOT.stages).set('badSegmentId', rec({ segmentId: 'a b', name: 's', order: 1 }));

      root(ROOT.departments).set('Sales', rec({ name: 'Upper', color: '#000000', order: 1 }));
      root(ROOT.departments).set('emptyname', rec({ name: '', color: '#000000', order: 1 }));
      root(ROOT.departments).set('badcolor', rec({ name: 'x', color: 'red', order: 1 }));

      root(ROOT.notes).set('badKind', rec(validNote(stageA, { kind: 'rant' })));
      root(ROOT.notes).set('ownersNotArray', rec(validNote(stageA, { owners: 'sales' })));
      root(ROOT.notes).set('ownersBadKey', rec(validNote(stageA, { owners: ['Sales!'] })));
      root(ROOT.notes).set('tooManyOwners', rec(validNote(stageA, { owners: Array.from({ length: 11 }, (_, i) => `d${i}`) })));
      root(ROOT.notes).set('noStageId', rec(validNote(stageA, { stageId: undefined })));
      root(ROOT.notes).set('textTooLong', rec(validNote(stageA, { text: 'x'.repeat(1001) })));
      root(ROOT.notes).set('badAuthorDept', rec(validNote(stageA, { authorDepartment: 'NOPE' })));
      root(ROOT.notes).set('missingTimes', rec(validNote(stageA, { createdAt: undefined, updatedAt: '1' })));
      root(ROOT.notes).set('notAMap', 42);
      root(ROOT.notes).set('a/b', rec(validNote(stageA)));
      root(ROOT.notes).set('orphan', rec(validNote('deletedStage')));
      root(ROOT.notes).set('okNoOwners', rec(validNote(stageA, { owners: undefined, authorDepartment: undefined })));
    });

    let board!: ReturnType<typeof readBoard>;
    expect(() => { board = readBoard(doc); }).not.toThrow();
    expect(board.segments.map((s) => s.id)).toEqual(good.segments.map((s) => s.id));
    expect([...board.stagesById.keys()]).toEqual([...good.stagesById.keys()]);
    expect(board.departments.map((d) => d.key)).toEqual(['sales', 'engineering']);
    expect(board.orphanNotes.map((n) => n.id)).toEqual(['orphan']);
    expect(board.notesByStage.get(stageA)!.map((n) => n.id)).toEqual(['okNoOwners']);
    expect(board.notesById.get('okNoOwners')).toMatchObject({ owners: [], authorDepartment: '' });
    expect(board.notesById.has('orphan')).toBe(true);

    expect(problemIds(board.problems, 'segments')).toEqual(
      ['aString', 'anArray', 'bad key!', 'badOrder', 'longName', 'nanOrder', 'noColor', 'plainObject'],
    );
    expect(problemIds(board.problems, 'stages')).toEqual(['badSegmentId', 'nullEntry', 'numName', 'orphanStage']);
    expect(problemIds(board.problems, 'departments')).toEqual(['Sales', 'badcolor', 'emptyname']);
    expect(problemIds(board.problems, 'notes')).toEqual([
      'a/b', 'badAuthorDept', 'badKind', 'missingTimes', 'noStageId', 'notAMap', 'ownersBadKey',
      'ownersNotArray', 'textTooLong', 'tooManyOwners',
    ]);
    expect(problemIds(board.problems, 'meta')).toEqual([]);
    const byId = new Map(board.problems.map((p) => [p.id, p.message]));
    expect(byId.get('bad key!')).toBe('invalid key');
    expect(byId.get('plainObject')).toBe('entry is not a Y.Map');
    expect(byId.get('orphanStage')).toBe('segment does not exist');
    expect(byId.get('badKind')).toMatch(/kind/);
    expect(byId.get('missingTimes')).toMatch(/createdAt.*updatedAt/);
  });

  it('a stage of a missing segment hides nothing else and its notes become orphans', () => {
    const { doc, stageA, stageB } = smallBoard();
    const n = addNote(doc, { stageId: stageA }, ALICE, me);
    doc.getMap<AnyMap>(ROOT.stages).get(stageA)!.set('segmentId', 'missingSegment');
    const board = readBoard(doc);
    expect([...board.stagesById.keys()]).toEqual([stageB]);
    expect(board.orphanNotes.map((x) => x.id)).toEqual([n]);
    expect(board.problems).toEqual([{ collection: 'stages', id: stageA, message: 'segment does not exist' }]);
  });

  it('broken meta falls back to defaults and is reported', () => {
    const doc = new Y.Doc();
    const meta = doc.getMap<unknown>(ROOT.meta);
    meta.set('title', 'x'.repeat(200));
    meta.set('language', 'fr');
    meta.set('template', 3);
    meta.set('createdAt', 'yesterday');
    const board = readBoard(doc);
    expect(board.meta).toEqual({ schemaVersion: SCHEMA_VERSION, title: 'x'.repeat(120), language: 'en', template: 'vision-workshop', createdAt: 0 });
    expect(problemIds(board.problems, 'meta')).toHaveLength(5);
  });

  it('an empty doc reads as an empty board', () => {
    const board = readBoard(new Y.Doc());
    expect(board.segments).toEqual([]);
    expect(board.notesById.size).toBe(0);
  });

  it('picks up a malformed note once it is repaired', () => {
    const { doc, stageA } = smallBoard();
    const reader = new BoardReader(doc);
    const notes = doc.getMap<AnyMap>(ROOT.notes);
    notes.set('n1', rec(validNote(stageA, { kind: 'bad' })));
    expect(reader.snapshot().notesById.has('n1')).toBe(false);
    expect(problemIds(reader.snapshot().problems, 'notes')).toEqual(['n1']);
    notes.get('n1')!.set('kind', 'question');
    expect(reader.snapshot().notesById.get('n1')!.kind).toBe('question');
    expect(reader.snapshot().problems).toEqual([]);
    reader.destroy();
  });
});

describe('BoardReader snapshots', () => {
  it('returns the same snapshot until the doc changes', () => {
    const { doc, stageA } = smallBoard();
    const reader = new BoardReader(doc);
    const s1 = reader.snapshot();
    expect(reader.snapshot()).toBe(s1);
    addNote(doc, { stageId: stageA }, ALICE, me);
    expect(reader.snapshot()).not.toBe(s1);
    reader.destroy();
  });

  it('unchanged notes keep identity; changed, moved and replaced notes get new objects', () => {
    const { doc, stageA, stageB } = smallBoard();
    const ids = [0, 1, 2, 3].map((i) => addNote(doc, { stageId: stageA, text: `n${i}` }, ALICE, me));
    const [a, b, c, d] = ids as [string, string, string, string];
    const reader = new BoardReader(doc);
    const s1 = reader.snapshot();

    updateNote(doc, a, { text: 'changed' }, me);
    const s2 = reader.snapshot();
    expect(s2.notesById.get(a)).not.toBe(s1.notesById.get(a));
    expect(s2.notesById.get(a)!.text).toBe('changed');
    for (const id of [b, c, d]) expect(s2.notesById.get(id)).toBe(s1.notesById.get(id));

    moveNote(doc, b, stageB, 0, me);
    const s3 = reader.snapshot();
    expect(s3.notesById.get(b)).not.toBe(s2.notesById.get(b));
    expect(s3.notesByStage.get(stageB)![0]).toBe(s3.notesById.get(b));
    for (const id of [a, c, d]) expect(s3.notesById.get(id)).toBe(s2.notesById.get(id));

    // A structural change (not a note) re-reads structure but keeps note objects.
    doc.getMap<AnyMap>(ROOT.departments).get('sales')!.set('name', 'Vendite');
    const s4 = reader.snapshot();
    expect(s4.departmentsByKey.get('sales')!.name).toBe('Vendite');
    for (const id of ids) expect(s4.notesById.get(id)).toBe(s3.notesById.get(id));

    // Replacing a note's whole Y.Map under the same key is a change too.
    doc.getMap<AnyMap>(ROOT.notes).set(c, rec(validNote(stageA, { text: 'replaced' })));
    const s5 = reader.snapshot();
    expect(s5.notesById.get(c)!.text).toBe('replaced');
    expect(s5.notesById.get(d)).toBe(s4.notesById.get(d));

    deleteNote(doc, d, me);
    expect(reader.snapshot().notesById.has(d)).toBe(false);
    reader.destroy();
  });

  it('keeps identity for notes untouched by a remote update', () => {
    const { doc, stageA } = smallBoard();
    const ids = [0, 1, 2].map(() => addNote(doc, { stageId: stageA }, ALICE, me));
    const peer = new Y.Doc();
    sync(doc, peer);
    const reader = new BoardReader(doc);
    const s1 = reader.snapshot();
    updateNote(peer, ids[1]!, { kind: 'question' }, me);
    sync(peer, doc);
    const s2 = reader.snapshot();
    expect(s2.notesById.get(ids[1]!)!.kind).toBe('question');
    expect(s2.notesById.get(ids[0]!)).toBe(s1.notesById.get(ids[0]!));
    expect(s2.notesById.get(ids[2]!)).toBe(s1.notesById.get(ids[2]!));
    reader.destroy();
  });

  it('stops observing after destroy', () => {
    const { doc, stageA } = smallBoard();
    const reader = new BoardReader(doc);
    const s1 = reader.snapshot();
    reader.destroy();
    addNote(doc, { stageId: stageA }, ALICE, me);
    expect(reader.snapshot()).toBe(s1);
    expect(noteIds(doc, stageA)).toHaveLength(1);
  });
});
