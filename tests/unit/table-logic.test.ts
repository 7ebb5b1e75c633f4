import { describe, expect, it } from 'vitest';
import {
  addNote, castVote, configureVoting, confirmOwners, proposeOwner, readBoard, setNoteStatus, setVotingOpen,
} from '../../shared/src/index.js';
import { foldText } from '../../client/src/table/foldText.js';
import { buildRows, isContested } from '../../client/src/table/tableRows.js';
import { filterRows } from '../../client/src/table/tableFilter.js';
import { sortRows } from '../../client/src/table/tableSort.js';
import { parseTableParams, tableSearch } from '../../client/src/table/tableUrl.js';
import { ALICE, me, smallBoard, system } from './helpers.js';

const BOB = { id: 'bob', name: 'Bòb Ferrè', department: 'engineering' };

function board() {
  const b = smallBoard();
  const a = addNote(b.doc, { stageId: b.stageA, text: 'Perché la qualità conta' }, ALICE, me);
  const c = addNote(b.doc, { stageId: b.stageA, text: 'Call the buyer', kind: 'question' }, BOB, me);
  const d = addNote(b.doc, { stageId: b.stageB, text: 'Città pilota' }, BOB, me);
  configureVoting(b.doc, { votesPerPerson: 9, capPerNote: null, hideResults: true }, system);
  setVotingOpen(b.doc, true, system);
  for (const m of ['x', 'y']) castVote(b.doc, d, m, system);
  castVote(b.doc, c, 'x', system);
  castVote(b.doc, a, 'z', system);
  return { ...b, a, c, d };
}

describe('the notes table: search, filters, contested owners, sort, URL', () => {
  it('folds accents for English and Italian search', () => {
    expect(foldText('Perché CITTÀ più Ñandú')).toBe('perche citta piu nandu');
  });

  it('filters by stage, kind, author, status and accent-free words in text or author', () => {
    const { doc, stageA, a, c, d } = board();
    setNoteStatus(doc, d, 'accepted', system);
    const rows = buildRows(readBoard(doc), false);
    const ids = (f: Parameters<typeof filterRows>[1]) => filterRows(rows, f).map((r) => r.id);
    expect(ids({ q: 'perche QUALITA' })).toEqual([a]);
    expect(ids({ q: 'citta' })).toEqual([d]);
    expect(ids({ q: 'ferre' })).toEqual([c, d]);
    expect(ids({ stage: stageA })).toEqual([a, c]);
    expect(ids({ kind: 'question' })).toEqual([c]);
    expect(ids({ status: 'accepted' })).toEqual([d]);
    expect(ids({ author: 'bob', stage: stageA })).toEqual([c]);
    expect(ids({ department: 'sales' })).toEqual([a]);
  });

  it('owner, "no owner" and "contested owner" filters', () => {
    const { doc, a, c, d } = board();
    proposeOwner(doc, a, 'p1', 'sales', system);
    proposeOwner(doc, a, 'p2', 'engineering', system); // 1 vs 1: contested
    for (const m of ['p1', 'p2', 'p3']) proposeOwner(doc, c, m, 'sales', system);
    proposeOwner(doc, c, 'p4', 'engineering', system); // 3 vs 1: a clear leader
    confirmOwners(doc, d, { responsible: 'engineering', supporting: [] }, system);
    const rows = buildRows(readBoard(doc), false);
    expect(filterRows(rows, { contested: true }).map((r) => r.id)).toEqual([a]);
    expect(filterRows(rows, { owner: 'engineering' }).map((r) => r.id)).toEqual([a, c, d]);
    expect(filterRows(rows, { noOwner: true })).toEqual([]);
    expect(isContested([{ department: 's', count: 4 }, { department: 'e', count: 2 }])).toBe(true);
    expect(isContested([{ department: 's', count: 2 }])).toBe(false);
  });

  it('ranks by dots with ties shown, and hides dots and ranks while totals are hidden', () => {
    const { doc, a, c, d } = board();
    const rows = buildRows(readBoard(doc), false);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect([byId.get(d)!.rank, byId.get(a)!.rank, byId.get(c)!.rank]).toEqual([1, 2, 2]);
    expect([byId.get(a)!.tied, byId.get(d)!.tied]).toEqual([true, false]);
    expect(sortRows(rows, { key: 'rank', dir: 'asc' }).map((r) => r.id)).toEqual([d, a, c]);
    expect(sortRows(rows, { key: 'votes', dir: 'desc' }).map((r) => r.id)).toEqual([d, a, c]);
    expect(sortRows(rows, { key: 'text', dir: 'asc' }).map((r) => r.id)).toEqual([c, d, a]);
    const hidden = buildRows(readBoard(doc), true);
    expect(hidden.every((r) => r.votes === null && r.rank === null && !r.tied)).toBe(true);
  });

  it('keeps the filter and sort in the query string, never the hash, and reads it back', () => {
    const state = { filter: { stage: 's1', q: 'città', contested: true, kind: 'action' as const }, sort: { key: 'votes' as const, dir: 'desc' as const } };
    const search = tableSearch('?lang=it', state);
    expect(search).toContain('view=table');
    expect(search).toContain('lang=it');
    expect(parseTableParams(search)).toEqual(state);
    expect(tableSearch(search, undefined)).toBe('?lang=it');
    expect(parseTableParams('?kind=bogus&sort=nope&status=parked').filter).toEqual({ status: 'parked' });
  });
});
