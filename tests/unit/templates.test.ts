import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  LANGUAGES, OperationError, ROOT, SCHEMA_VERSION, initializeBoard, readBoard, systemOrigin,
  type Language, type NewBoardInput,
} from '../../shared/src/index.js';
import { recordTransactions } from './helpers.js';

interface Localized { en: string; it: string }
interface Fixture {
  segments: { key: string; name: Localized; description: Localized; stages: { salesStage: Localized; buyerStep: Localized }[] }[];
  departments: { key: string; name: Localized }[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/vision-workshop.json', import.meta.url), 'utf8'),
) as Fixture;

const origin = systemOrigin('template');
const NOW = 1_700_000_000_000;

describe.each(LANGUAGES)('initializeBoard vision-workshop (%s)', (lang: Language) => {
  const doc = new Y.Doc();
  const rec = recordTransactions(doc);
  initializeBoard(doc, { title: '  Workshop Milano  ', template: 'vision-workshop', language: lang }, origin, NOW);
  rec.stop();
  const board = readBoard(doc);

  it('runs as one transaction with the given origin', () => {
    expect(rec.origins).toEqual([origin]);
    expect(rec.origins[0]).toBe(origin);
  });

  it('writes meta', () => {
    expect(board.meta).toEqual({
      schemaVersion: SCHEMA_VERSION, title: 'Workshop Milano', language: lang,
      template: 'vision-workshop', createdAt: NOW,
    });
    expect(board.problems).toEqual([]);
  });

  it('creates the three segments in fixture order with 6/5/4 stages', () => {
    expect(board.segments.map((s) => s.name)).toEqual(fixture.segments.map((s) => s.name[lang]));
    expect(board.segments.map((s) => s.description)).toEqual(fixture.segments.map((s) => s.description[lang]));
    expect(board.segments.map((s) => s.stages.length)).toEqual([6, 5, 4]);
    expect(new Set(board.segments.map((s) => s.color)).size).toBe(3);
  });

  it('pairs every stage with the buyer step of the fixture, in order', () => {
    board.segments.forEach((segment, i) => {
      const expected = fixture.segments[i]!.stages.map((s) => ({ name: s.salesStage[lang], buyerStep: s.buyerStep[lang] }));
      expect(segment.stages.map((s) => ({ name: s.name, buyerStep: s.buyerStep }))).toEqual(expected);
      for (const stage of segment.stages) {
        expect(stage.segmentId).toBe(segment.id);
        expect(board.stagesById.get(stage.id)).toBe(stage);
      }
    });
    expect(board.stagesById.size).toBe(15);
  });

  it('creates the ten departments with the fixture keys and names', () => {
    expect(board.departments.map((d) => d.key)).toEqual(fixture.departments.map((d) => d.key));
    expect(board.departments.map((d) => d.name)).toEqual(fixture.departments.map((d) => d.name[lang]));
    expect(board.departments).toHaveLength(10);
    expect(new Set(board.departments.map((d) => d.color)).size).toBe(10);
  });

  it('starts without notes', () => {
    expect(board.notesById.size).toBe(0);
    expect(board.orphanNotes).toEqual([]);
  });
});

describe('initializeBoard', () => {
  it('the Italian board differs from the English one', () => {
    const en = new Y.Doc();
    const it_ = new Y.Doc();
    initializeBoard(en, { title: 'x', template: 'vision-workshop', language: 'en' }, origin);
    initializeBoard(it_, { title: 'x', template: 'vision-workshop', language: 'it' }, origin);
    expect(readBoard(en).segments[1]!.name).toBe('Distributors and resellers');
    expect(readBoard(it_).segments[1]!.name).toBe('Distributori e rivenditori');
    expect(readBoard(it_).departments[0]!.name).toBe('Vendite');
  });

  it.each(LANGUAGES)('blank template (%s) writes only meta', (lang) => {
    const doc = new Y.Doc();
    const rec = recordTransactions(doc);
    initializeBoard(doc, { title: 'Blank', template: 'blank', language: lang }, origin, NOW);
    expect(rec.origins).toEqual([origin]);
    const board = readBoard(doc);
    expect(board.meta).toEqual({ schemaVersion: SCHEMA_VERSION, title: 'Blank', language: lang, template: 'blank', createdAt: NOW });
    expect(board.segments).toEqual([]);
    expect(board.departments).toEqual([]);
    expect(board.problems).toEqual([]);
    for (const name of [ROOT.segments, ROOT.stages, ROOT.departments, ROOT.notes]) expect(doc.getMap(name).size).toBe(0);
  });

  it.each([
    ['empty title', { title: '   ', template: 'blank', language: 'en' }],
    ['too long title', { title: 'x'.repeat(121), template: 'blank', language: 'en' }],
    ['unknown language', { title: 'x', template: 'vision-workshop', language: 'fr' }],
    ['unknown template', { title: 'x', template: 'kanban', language: 'en' }],
  ])('rejects %s without writing anything', (_label, input) => {
    const doc = new Y.Doc();
    const rec = recordTransactions(doc);
    expect(() => initializeBoard(doc, input as NewBoardInput, origin)).toThrow(OperationError);
    expect(rec.origins).toEqual([]);
    expect(doc.getMap(ROOT.meta).size).toBe(0);
  });
});
