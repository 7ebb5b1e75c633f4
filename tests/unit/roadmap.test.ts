import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  ROADMAP_LABELS, addFeedback, addNote, buildRoadmap, confirmOwners, formatRoadmapDates, initializeBoard, readBoard, setNoteStatus,
  upsertMember, type FeedbackOutcome, type Roadmap,
} from '../../shared/src/index.js';
import { HOSTILE, runRoadmapScenario, type RoadmapScenario } from '../support/roadmap-scenario.js';
import { ALICE, me, system } from './helpers.js';

const NOW = Date.UTC(2025, 2, 13, 17);

function exampleBoard(language: 'en' | 'it' = 'en'): { doc: Y.Doc; s: RoadmapScenario } {
  const doc = new Y.Doc();
  initializeBoard(doc, { title: 'Vision workshop', template: 'vision-workshop', language }, system, Date.UTC(2025, 2, 12, 8));
  const members: [string, string, 'facilitator' | 'participant' | 'viewer', boolean][] = [
    ['alice', 'sales', 'facilitator', false],
    ['v1', 'sales', 'participant', false],
    ['v2', 'fae', 'participant', false],
    ['v3', 'shipping', 'participant', false],
    ['v4', '', 'participant', false],
    ['gone', 'sales', 'participant', true],
    ['watcher', 'marketing', 'viewer', false],
  ];
  for (const [id, department, role, removed] of members) {
    upsertMember(doc, id, { name: `Person ${id}`, department, role, joinedAt: 1, removed }, system);
  }
  const s = runRoadmapScenario(doc, language, ALICE, me, ['v1', 'v2', 'v3']);
  return { doc, s };
}

function allItems(roadmap: Roadmap) {
  return roadmap.segments.flatMap((seg) => seg.stages.flatMap((st) => [...st.actions, ...st.open, ...st.parked, ...st.questions]));
}

describe('buildRoadmap', () => {
  it('carries title, language, dates and the segments and stages in board order', () => {
    const { doc } = exampleBoard('it');
    const snapshot = readBoard(doc);
    const roadmap = buildRoadmap(snapshot, { now: NOW });
    expect(roadmap.title).toBe('Vision workshop');
    expect(roadmap.language).toBe('it');
    expect(roadmap.createdAt).toBe(Date.UTC(2025, 2, 12, 8));
    expect(roadmap.generatedAt).toBe(NOW);
    expect(roadmap.lastActivityAt).toBeGreaterThanOrEqual(Date.UTC(2025, 2, 12, 9));
    expect(roadmap.segments.map((s) => s.name)).toEqual(snapshot.segments.map((s) => s.name));
    expect(roadmap.segments.map((s) => s.number)).toEqual([1, 2, 3]);
    roadmap.segments.forEach((segment, i) => {
      const source = snapshot.segments[i]!;
      expect(segment.stages.map((s) => [s.name, s.buyerStep])).toEqual(source.stages.map((s) => [s.name, s.buyerStep]));
      expect(segment.stages.map((s) => s.number)).toEqual(source.stages.map((_, j) => j + 1));
    });
  });

  it('counts participants and facilitators by department, without removed people and viewers', () => {
    const { doc } = exampleBoard();
    const { participants } = buildRoadmap(readBoard(doc));
    expect(participants.total).toBe(5);
    const byKey = Object.fromEntries(participants.byDepartment.map((d) => [d.department?.key ?? '', d]));
    expect(byKey.sales).toMatchObject({ participants: 1, facilitators: 1, total: 2 });
    expect(byKey.fae).toMatchObject({ participants: 1, facilitators: 0, total: 1 });
    expect(byKey['']).toMatchObject({ department: null, total: 1 });
    expect(byKey.marketing).toBeUndefined();
    // Board order, people without a department last.
    expect(participants.byDepartment.map((d) => d.department?.key ?? '')).toEqual(['sales', 'fae', 'shipping', '']);
  });

  it('counts a person once: several records under one name, a facilitator who also joined as a participant', () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { title: 'T', template: 'vision-workshop', language: 'en' }, system, 1);
    const records: [string, string, string, 'facilitator' | 'participant' | 'viewer', number, boolean][] = [
      ['f1', 'Giulia Rossi', '', 'facilitator', 1, false],
      ['f2', 'giulia  ROSSI', 'sales', 'participant', 2, false], // the facilitator on a second device, as a participant
      ['a1', 'Anna Bianchi', 'fae', 'participant', 3, false],
      ['a2', 'Anna Bianchi', 'shipping', 'participant', 9, false], // rejoined later, in another department
      ['a3', 'Anna Bianchi', '', 'participant', 10, false], // and once more without one: the latest department stays
      ['b1', 'Bruno Verdi', 'sales', 'participant', 4, true], // removed...
      ['b2', 'Bruno Verdi', 'fae', 'participant', 5, false], // ...and back under the same name
      ['c1', 'Carla Neri', 'sales', 'viewer', 6, false],
      ['d1', 'Dario', 'fae', 'participant', 7, false],
    ];
    for (const [id, name, department, role, joinedAt, removed] of records) {
      upsertMember(doc, id, { name, department, role, joinedAt, removed }, system);
    }
    const { participants } = buildRoadmap(readBoard(doc));
    expect(participants.total).toBe(4);
    const byKey = Object.fromEntries(participants.byDepartment.map((d) => [d.department?.key ?? '', d]));
    expect(byKey.sales).toMatchObject({ participants: 0, facilitators: 1, total: 1 });
    expect(byKey.shipping).toMatchObject({ participants: 1, facilitators: 0, total: 1 });
    expect(byKey.fae).toMatchObject({ participants: 2, facilitators: 0, total: 2 });
    expect(byKey['']).toBeUndefined();
    expect(participants.byDepartment.reduce((n, d) => n + d.total, 0)).toBe(participants.total);
  });

  it('counts and lists the notes still to decide, per stage and in total, once', () => {
    const { doc, s } = exampleBoard();
    const stageId = readBoard(doc).segments[0]!.stages[2]!.id;
    const more = [
      addNote(doc, { stageId, text: 'Open one' }, ALICE, me),
      addNote(doc, { stageId, text: 'Open two', kind: 'best practice' }, ALICE, me),
    ];
    addNote(doc, { stageId, text: 'A question is not a decision', kind: 'question' }, ALICE, me);
    const roadmap = buildRoadmap(readBoard(doc));
    expect(roadmap.segments[0]!.stages[2]!.open.map((i) => i.id)).toEqual(more);
    expect(roadmap.open.map((p) => p.item.id)).toEqual([...more, s.open]);
    expect(roadmap.open[0]).toMatchObject({ segmentNumber: 1, stageNumber: 3 });
    const perStage = roadmap.segments.reduce((n, seg) => n + seg.stages.reduce((m, st) => m + st.open.length, 0), 0);
    expect(roadmap.counts.open).toBe(3);
    expect(perStage).toBe(roadmap.counts.open);
    for (const p of roadmap.open) expect(p.item.status).toBe('open');
    // In all-open mode the open notes are the actions: nothing is left to decide apart.
    expect(buildRoadmap(readBoard(doc), { include: 'all-open' }).counts.open).toBe(0);
  });

  it('keeps the merged notes\' texts and authors on the note that absorbed them', () => {
    const { doc, s } = exampleBoard();
    const roadmap = buildRoadmap(readBoard(doc));
    const first = allItems(roadmap).find((i) => i.id === s.samples[0])!;
    expect(first.merged).toEqual([
      { id: s.duplicate, text: 'An FAE at the spec review', kind: 'action', authorName: 'Alice' },
    ]);
    expect(first.mergedCount).toBe(first.merged.length);
  });

  it('lists accepted actions and best practices with owners, votes, merges and authors', () => {
    const { doc, s } = exampleBoard();
    const roadmap = buildRoadmap(readBoard(doc));
    expect(roadmap.include).toBe('accepted');
    const items = new Map(allItems(roadmap).map((i) => [i.id, i]));
    const first = items.get(s.samples[0]!)!;
    expect(first).toMatchObject({
      kind: 'action', status: 'accepted', votes: 1, mergedCount: 1,
      responsible: { key: 'fae', name: 'Field application engineering' },
    });
    expect(first.supporting.map((d) => d.key)).toEqual(['engineering', 'sales']);
    expect(first.authors).toEqual([readBoard(doc).notesById.get(s.samples[0]!)!.authorName, 'Alice']);
    expect(items.get(s.samples[1]!)!.votes).toBe(3);
    expect(items.get(s.samples[2]!)!.kind).toBe('best practice');
    const oemShape = roadmap.segments[0]!.stages[1]!;
    expect(oemShape.actions.map((a) => a.id)).toEqual([s.samples[0]]);
    expect(roadmap.counts).toEqual({ actions: 15, parked: 1, questions: 1, open: 1 });
  });

  it('keeps parked notes, open questions and notes still open apart', () => {
    const { doc, s } = exampleBoard();
    const roadmap = buildRoadmap(readBoard(doc));
    expect(roadmap.parked.map((p) => p.item.id)).toEqual([s.parked]);
    expect(roadmap.parked[0]).toMatchObject({ segmentNumber: 2, stageNumber: 2 });
    expect(roadmap.questions.map((p) => p.item.id)).toEqual([s.samples[7]]);
    const direct = roadmap.segments[2]!;
    expect(direct.stages[0]!.open.map((i) => i.id)).toEqual([s.open]);
    expect(direct.stages[0]!.actions.map((i) => i.id)).not.toContain(s.open);
    expect(direct.stages[3]!.questions).toHaveLength(1);
    for (const item of allItems(roadmap)) {
      if (item.status === 'parked') expect(roadmap.parked.some((p) => p.item.id === item.id)).toBe(true);
    }
  });

  it('without any accepted note takes every note that is not parked (documented default)', () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { title: 'T', template: 'vision-workshop', language: 'en' }, system, 1);
    const stage = readBoard(doc).segments[0]!.stages[0]!.id;
    const a = addNote(doc, { stageId: stage, text: 'A' }, ALICE, me);
    const b = addNote(doc, { stageId: stage, text: 'B', kind: 'best practice' }, ALICE, me);
    const c = addNote(doc, { stageId: stage, text: 'C' }, ALICE, me);
    setNoteStatus(doc, c, 'parked', me);
    const roadmap = buildRoadmap(readBoard(doc));
    expect(roadmap.include).toBe('all-open');
    expect(roadmap.segments[0]!.stages[0]!.actions.map((i) => i.id)).toEqual([a, b]);
    expect(roadmap.parked.map((p) => p.item.id)).toEqual([c]);
    // Explicit option wins.
    const strict = buildRoadmap(readBoard(doc), { include: 'accepted' });
    expect(strict.segments[0]!.stages[0]!.actions).toEqual([]);
    expect(strict.segments[0]!.stages[0]!.open.map((i) => i.id)).toEqual([a, b]);
    // And the other way round on a board with accepted notes.
    const { doc: example, s } = exampleBoard();
    const all = buildRoadmap(readBoard(example), { include: 'all-open' });
    expect(all.segments[2]!.stages[0]!.actions.map((i) => i.id)).toContain(s.open);
  });

  it('gathers per department what it is responsible for and supports', () => {
    const { doc, s } = exampleBoard();
    const roadmap = buildRoadmap(readBoard(doc));
    const sales = roadmap.byDepartment.find((d) => d.department.key === 'sales')!;
    // Roadmap order: segment, stage, then board order within the stage.
    expect(sales.responsible.map((p) => p.item.id)).toEqual([s.differs, ...Object.values(s.hostile), s.samples[5]]);
    expect(sales.supporting.map((p) => p.item.id)).toEqual([s.samples[0], s.samples[1], s.samples[3]]);
    const shipping = roadmap.byDepartment.find((d) => d.department.key === 'shipping')!;
    expect(shipping.responsible.map((p) => p.item.id)).toEqual([s.samples[1]]);
    expect(shipping.responsible[0]).toMatchObject({ segmentNumber: 1, stageNumber: 3 });
    expect(shipping.commitments).toHaveLength(1);
    const management = roadmap.byDepartment.find((d) => d.department.key === 'management')!;
    expect(management).toMatchObject({ responsible: [], supporting: [], commitments: [] });
    expect(roadmap.byDepartment.map((d) => d.department.key)).toEqual(roadmap.departments.map((d) => d.key));
  });

  it('builds the responsibility matrix: departments x stages', () => {
    const { doc, s } = exampleBoard();
    const roadmap = buildRoadmap(readBoard(doc));
    const { matrix } = roadmap;
    const stageCount = roadmap.segments.reduce((n, seg) => n + seg.stages.length, 0);
    expect(matrix.stages).toHaveLength(stageCount);
    expect(matrix.rows.map((r) => r.department.key)).toEqual(roadmap.departments.map((d) => d.key));
    for (const row of matrix.rows) expect(row.cells).toHaveLength(stageCount);
    const at = (dept: string, stageId: string) =>
      matrix.rows.find((r) => r.department.key === dept)!.cells.find((c) => c.stageId === stageId)!;
    const oemShape = roadmap.segments[0]!.stages[1]!.id;
    expect(at('fae', oemShape)).toEqual({ stageId: oemShape, responsible: 1, supporting: 0 });
    expect(at('engineering', oemShape)).toEqual({ stageId: oemShape, responsible: 0, supporting: 1 });
    const directFirst = roadmap.segments[2]!.stages[0]!.id;
    expect(at('sales', directFirst).responsible).toBe(Object.keys(s.hostile).length);
    // Every action is counted once as responsible, or as unowned.
    const responsible = matrix.rows.reduce((n, r) => n + r.responsible, 0);
    const unowned = Object.values(matrix.unowned).reduce((n, c) => n + c, 0);
    expect(responsible + unowned).toBe(roadmap.counts.actions);
    expect(unowned).toBe(2);
  });

  it('warns about actions with no owner and contested owners', () => {
    const { doc, s } = exampleBoard();
    const { warnings } = buildRoadmap(readBoard(doc));
    const byNote = new Map(warnings.map((w) => [w.item.item.id, w]));
    expect(byNote.get(s.unowned)).toMatchObject({ type: 'no-owner', suggested: null });
    expect(byNote.get(s.tie)).toMatchObject({ type: 'contested-owner', reason: 'tie' });
    const differs = byNote.get(s.differs);
    expect(differs).toMatchObject({ type: 'contested-owner', reason: 'differs' });
    if (differs?.type === 'contested-owner') {
      expect(differs.proposals[0]).toMatchObject({ department: { key: 'marketing' }, count: 2 });
    }
    expect(warnings).toHaveLength(3);
    // Confirming the owner settles the tie.
    confirmOwners(doc, s.tie, { responsible: 'fae', supporting: [] }, me);
    const after = buildRoadmap(readBoard(doc)).warnings.map((w) => w.item.item.id);
    expect(after).not.toContain(s.tie);
  });

  it('suggests the most-proposed department for an action with no owner', () => {
    const { doc, s } = exampleBoard();
    confirmOwners(doc, s.differs, { responsible: '', supporting: [] }, me);
    const warning = buildRoadmap(readBoard(doc)).warnings.find((w) => w.item.item.id === s.differs);
    expect(warning).toMatchObject({ type: 'no-owner', suggested: { department: { key: 'marketing' }, count: 2 } });
  });

  it('wires commitments per stage and feedback counts with the latest comments', () => {
    const { doc } = exampleBoard();
    const roadmap = buildRoadmap(readBoard(doc));
    const stage = roadmap.segments[0]!.stages[2]!;
    expect(stage.commitments).toEqual([
      expect.objectContaining({ department: expect.objectContaining({ key: 'shipping' }), byName: 'Paola Ferri' }),
    ]);
    expect(roadmap.commitments).toHaveLength(1);
    expect(stage.feedback.counts).toEqual({ worked: 0, partly: 0, blocked: 1 });
    expect(stage.feedback.total).toBe(1);
    expect(stage.feedback.latest[0]).toMatchObject({ outcome: 'blocked', repName: 'Luca Neri', department: { key: 'shipping' } });
    expect(roadmap.segments[0]!.stages[0]!.feedback).toEqual({
      counts: { worked: 0, partly: 0, blocked: 0 }, total: 0, latest: [], notFollowed: 0, blockers: [], departments: [],
    });
  });

  it('sums up what went wrong at a stage: share not followed, blockers and departments most often first', () => {
    const { doc } = exampleBoard();
    const stageId = readBoard(doc).segments[0]!.stages[1]!.id;
    const reports: [FeedbackOutcome, string, string][] = [
      ['blocked', 'No engineer free', 'engineering'],
      ['worked', 'ignored when it worked', 'marketing'],
      ['partly', '  no ENGINEER   free ', 'engineering'],
      ['partly', 'Price list outdated', 'shipping'],
      ['blocked', '', ''],
    ];
    reports.forEach(([outcome, blocker, department], i) => {
      addFeedback(doc, { stageId, outcome, blocker, department }, system, 1000 + i);
    });
    const feedback = buildRoadmap(readBoard(doc), { latestFeedback: 2 }).segments[0]!.stages[1]!.feedback;
    expect(feedback.total).toBe(5);
    expect(feedback.notFollowed).toBe(4 / 5);
    // Newest first: the text kept is the newest report's, trimmed; ties keep the newest first.
    expect(feedback.blockers).toEqual([
      { value: 'no ENGINEER   free', count: 2 }, { value: 'Price list outdated', count: 1 },
    ]);
    expect(feedback.departments.map((d) => [d.value.key, d.count])).toEqual([['engineering', 2], ['shipping', 1]]);
    expect(feedback.latest.map((f) => f.createdAt)).toEqual([1004, 1003]);
  });

  it('ranks every note with dots, most first', () => {
    const { doc, s } = exampleBoard();
    const { votes } = buildRoadmap(readBoard(doc));
    expect(votes.map((p) => [p.item.id, p.item.votes])).toEqual([[s.samples[1], 3], [s.samples[0], 1], [s.parked, 1]]);
  });

  it('keeps user text as typed (escaping is the renderers\' job) and ignores deleted departments', () => {
    const { doc, s } = exampleBoard();
    const roadmap = buildRoadmap(readBoard(doc));
    const items = new Map(allItems(roadmap).map((i) => [i.id, i]));
    expect(items.get(s.hostile.markdown)!.text).toBe(HOSTILE.markdown);
    // A department key no longer on the board (concurrent removal) is left out.
    const snapshot = readBoard(doc);
    const departments = snapshot.departments.filter((d) => d.key !== 'engineering');
    const without = buildRoadmap({ ...snapshot, departments });
    const first = allItems(without).find((i) => i.id === s.samples[0])!;
    expect(first.supporting.map((d) => d.key)).toEqual(['sales']);
    expect(without.matrix.rows.map((r) => r.department.key)).not.toContain('engineering');
  });

  it('is pure: the same snapshot gives the same roadmap', () => {
    const { doc } = exampleBoard();
    const snapshot = readBoard(doc);
    expect(buildRoadmap(snapshot, { now: NOW })).toEqual(buildRoadmap(snapshot, { now: NOW }));
  });

  it('works on a blank board', () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { title: 'Blank', template: 'blank', language: 'en' }, system, 5);
    const roadmap = buildRoadmap(readBoard(doc), { now: 6 });
    expect(roadmap).toMatchObject({ segments: [], departments: [], warnings: [], lastActivityAt: 5, include: 'all-open' });
    expect(roadmap.matrix).toEqual({ stages: [], rows: [], unowned: {} });
  });
});

describe('roadmap labels', () => {
  it('has every label in English and Italian', () => {
    const en = ROADMAP_LABELS.en as unknown as Record<string, unknown>;
    const itl = ROADMAP_LABELS.it as unknown as Record<string, unknown>;
    expect(Object.keys(itl).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(itl)) {
      if (typeof value === 'string') expect(value, key).not.toBe('');
    }
    expect(ROADMAP_LABELS.it.contents).toBe('Indice');
    expect(ROADMAP_LABELS.it.responsibilityMatrix).toBe('Matrice delle responsabilità');
    expect(ROADMAP_LABELS.it.page(2, 9)).toBe('Pagina 2 di 9');
  });

  it('formats workshop dates in the board language', () => {
    const day1 = Date.UTC(2025, 2, 12, 9);
    const day2 = Date.UTC(2025, 2, 13, 16);
    expect(formatRoadmapDates(day1, day1 + 1000, ROADMAP_LABELS.en)).toBe('12 March 2025');
    expect(formatRoadmapDates(day1, day2, ROADMAP_LABELS.it)).toBe('12 marzo 2025 – 13 marzo 2025');
  });
});
