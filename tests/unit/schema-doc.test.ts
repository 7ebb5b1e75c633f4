import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  AUTHOR_NAME_MAX, BOARD_ID_PATTERN, BUYER_STEP_MAX, CLOSE, DEPARTMENT_KEY_PATTERN, DEPARTMENT_NAME_MAX,
  ENTITY_ID_PATTERN, LANGUAGES, NOTE_KINDS, NOTE_TEXT_MAX, OWNERS_MAX, ROLES, ROOT, SCHEMA_VERSION,
  SEGMENT_DESCRIPTION_MAX, SEGMENT_NAME_MAX, STAGE_NAME_MAX, TEMPLATES, TITLE_MAX, COLOR_PATTERN,
  BoardReader, addNote, initializeBoard, readBoard, systemOrigin,
  MEMBER_NAME_MAX, MERGED_MAX, NOTE_MEMBER_KEY_PATTERN, NOTE_STATUSES, PHASES, PHASE_ABILITIES,
  TIMER_STATUSES, VOTE_COUNT_MAX, VOTES_PER_PERSON_MAX,
  castVote, configureVoting, confirmOwners, mergeNotes, proposeOwner, setNoteStatus, setPhase, setPrivateWriting,
  setSpotlight, setVotingOpen, startTimer, upsertMember, assignGroup, setCommitment, addFeedback, dismissDuplicate,
  startDiscussion, DISCUSSION_AGENDA_MAX, TIMEBOX_MAX_SECONDS, TIMEBOX_MIN_SECONDS,
  BOOKLET_SUMMARY_MAX, BOOKLET_TEXT_MAX, BRAND_NAME_MAX, LOGO_MAX_BYTES, LOGO_MAX_SIDE, LOGO_MAX_PIXELS,
  setBookletText, setBrand, setLogo,
} from '../../shared/src/index.js';
import { buildNote, listStages, newId } from '../../docs/examples/add-note.mjs';

const docPath = new URL('../../docs/board-schema.md', import.meta.url);
const examplePath = new URL('../../docs/examples/add-note.mjs', import.meta.url);
const md = readFileSync(docPath, 'utf8');

/** The text of the `### \`name\`` section, up to the next heading. */
function section(name: string): string {
  const start = md.indexOf(`### \`${name}\``);
  expect(start, `section for ${name}`).toBeGreaterThanOrEqual(0);
  const rest = md.slice(start + 1);
  const end = rest.search(/\n#{2,3} /);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Field names in the first column of a section's table. */
function documentedFields(name: string): string[] {
  return [...section(name).matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]!);
}

function row(name: string, field: string): string {
  const line = section(name).split('\n').find((l) => l.startsWith(`| \`${field}\` |`));
  expect(line, `${name}.${field} row`).toBeDefined();
  return line!;
}

const origin = systemOrigin('schema-doc');

/** A board whose every record has every field, as Tabella writes it. */
function fullBoard() {
  const doc = new Y.Doc();
  initializeBoard(doc, { title: 'Schema', template: 'vision-workshop', language: 'en' }, origin, 1);
  const board = readBoard(doc);
  const stageId = board.segments[0]!.stages[0]!.id;
  const noteId = addNote(doc, { stageId, text: 'n', owners: ['sales'] }, { id: 'a', name: 'A', department: 'fae' }, origin);
  // The facilitation fields are written by facilitators' ops, never by addNote.
  const dup = addNote(doc, { stageId, text: 'dup' }, { id: 'b', name: 'B', department: '' }, origin);
  upsertMember(doc, 'a', { name: 'A', department: 'fae', role: 'participant', joinedAt: 1, removed: false }, origin);
  upsertMember(doc, 'f', { name: 'F', department: '', role: 'facilitator', joinedAt: 1, removed: false }, origin);
  setPhase(doc, 'vote', origin);
  setPrivateWriting(doc, false, origin);
  startTimer(doc, 60_000, 1000, origin);
  setSpotlight(doc, { kind: 'segment', id: board.segments[0]!.id }, 'f', 1000, origin);
  configureVoting(doc, { votesPerPerson: 5, capPerNote: 2, hideResults: true }, origin);
  setVotingOpen(doc, true, origin);
  assignGroup(doc, 'a', board.segments[0]!.id, origin);
  castVote(doc, dup, 'a', origin);
  proposeOwner(doc, dup, 'a', 'engineering', origin);
  const other = addNote(doc, { stageId, text: 'other' }, { id: 'b', name: 'B', department: '' }, origin);
  dismissDuplicate(doc, noteId, other, origin);
  mergeNotes(doc, noteId, [dup], origin);
  setNoteStatus(doc, noteId, 'accepted', origin);
  confirmOwners(doc, noteId, { responsible: 'sales', supporting: ['fae'] }, origin);
  startDiscussion(doc, [noteId], 1000, origin, { timeboxSeconds: 120 });
  setCommitment(doc, stageId, 'engineering', 'An application engineer joins every first spec review', 'Head of Engineering', origin);
  addFeedback(doc, { stageId, outcome: 'blocked', blocker: 'No FAE free', department: 'fae', comment: 'Lost two weeks', repName: 'Giulia' }, origin);
  return doc;
}

describe('docs/board-schema.md matches the code', () => {
  it('names every root map', () => {
    for (const root of Object.values(ROOT)) {
      expect(md).toContain(`| \`${root}\` |`);
      expect(md).toMatch(new RegExp(`^### \`${root}\`$`, 'm'));
    }
  });

  it('documents exactly the fields each record reader reads and Tabella writes', () => {
    const doc = fullBoard();
    const board = readBoard(doc);
    expect(board.problems).toEqual([]);
    const readFields = {
      meta: Object.keys(board.meta),
      segments: Object.keys(board.segments[0]!).filter((k) => k !== 'id' && k !== 'stages'),
      stages: Object.keys(board.segments[0]!.stages[0]!).filter((k) => k !== 'id'),
      departments: Object.keys(board.departments[0]!).filter((k) => k !== 'key'),
      notes: Object.keys([...board.notesById.values()][0]!).filter((k) => k !== 'id'),
      members: Object.keys(board.members[0]!).filter((k) => k !== 'id'),
      session: Object.keys(board.session),
      commitments: Object.keys(board.commitments[0]!).filter((k) => k !== 'stageId' && k !== 'department'),
      feedback: Object.keys(board.feedback[0]!).filter((k) => k !== 'id'),
    };
    for (const [name, fields] of Object.entries(readFields)) {
      expect(documentedFields(name).sort(), name).toEqual([...fields].sort());
      // What Tabella writes is what is documented, too.
      const map = doc.getMap<unknown>(name);
      const plain = name === 'meta' || name === 'session';
      const written = plain ? [...map.keys()] : [...(map.values().next().value as Y.Map<unknown>).keys()];
      expect(written.sort(), `${name} as written`).toEqual([...fields].sort());
    }
    // Every read value is set (no default stands in for a field written above).
    expect(board.session.timer && board.session.spotlight && board.session.voting && board.session.discussion).toBeTruthy();
    expect(board.session.dismissedDuplicates).toHaveLength(1);
    expect(board.groups.size).toBe(1);
    expect(board.votesByNote.size).toBe(1);
    expect(board.proposalsByNote.size).toBe(1);
  });

  it('documents which note and member fields are optional, with their defaults', () => {
    for (const [field, def] of [['status', '`open`'], ['responsible', "`''`"], ['supporting', '`[]`'], ['merged', '`[]`']]) {
      expect(row('notes', field!)).toContain(`| no (${def}) |`);
    }
    expect(row('members', 'department')).toContain("| no (`''`) |");
    expect(row('members', 'removed')).toContain('| no (`false`) |');
    expect(row('session', 'phase')).toContain('`brainstorm` |');
  });

  it('states the facilitation rules of the code', () => {
    for (const status of NOTE_STATUSES) expect(row('notes', 'status')).toContain(`\`${status}\``);
    for (const phase of PHASES) expect(row('session', 'phase')).toContain(`\`${phase}\``);
    for (const role of ROLES) expect(row('members', 'role')).toContain(`\`${role}\``);
    for (const status of TIMER_STATUSES) expect(md).toMatch(new RegExp(`timer.status \\|.*\`${status}\``));
    expect(row('members', 'name')).toMatch(new RegExp(`to ${MEMBER_NAME_MAX}\\b`));
    expect(row('notes', 'merged')).toMatch(new RegExp(`at most ${MERGED_MAX}\\b`));
    expect(md).toMatch(new RegExp(`voting.votesPerPerson \\|.*to ${VOTES_PER_PERSON_MAX}\\b`));
    expect(md).toMatch(new RegExp(`discussion.noteIds \\|.*1 to ${DISCUSSION_AGENDA_MAX} distinct`));
    expect(md).toMatch(new RegExp(`discussion.timeboxSeconds \\|.*${TIMEBOX_MIN_SECONDS} to ${TIMEBOX_MAX_SECONDS}:`));
    expect(section('votes')).toMatch(new RegExp(`1 to ${VOTE_COUNT_MAX}\\b`));
    expect(md).toContain(`\`${NOTE_MEMBER_KEY_PATTERN.source}\``);
    // The phase table is PHASE_ABILITIES.
    for (const phase of PHASES) {
      const a = PHASE_ABILITIES[phase];
      const yn = (b: boolean) => (b ? 'yes' : 'no');
      expect(section('session')).toContain(`| ${phase} | ${yn(a.writeNotes)} | ${yn(a.vote)} | ${yn(a.propose)} |`);
    }
  });

  it('states the limits, allowed values and patterns of the code', () => {
    const limits: [string, string, number][] = [
      ['meta', 'title', TITLE_MAX], ['segments', 'name', SEGMENT_NAME_MAX],
      ['segments', 'description', SEGMENT_DESCRIPTION_MAX], ['stages', 'name', STAGE_NAME_MAX],
      ['stages', 'buyerStep', BUYER_STEP_MAX], ['departments', 'name', DEPARTMENT_NAME_MAX],
      ['notes', 'text', NOTE_TEXT_MAX], ['notes', 'authorName', AUTHOR_NAME_MAX], ['notes', 'owners', OWNERS_MAX],
      ['notes', 'supporting', OWNERS_MAX],
    ];
    for (const [name, field, max] of limits) {
      expect(row(name, field), `${name}.${field}`).toMatch(new RegExp(`(at most|to) ${max}\\b`));
    }
    for (const kind of NOTE_KINDS) expect(row('notes', 'kind')).toContain(`\`${kind}\``);
    for (const lang of LANGUAGES) expect(row('meta', 'language')).toContain(`\`${lang}\``);
    for (const t of TEMPLATES) expect(row('meta', 'template')).toContain(`\`${t}\``);
    expect(row('meta', 'schemaVersion')).toContain(`\`${SCHEMA_VERSION}\``);
    for (const pattern of [ENTITY_ID_PATTERN, DEPARTMENT_KEY_PATTERN, BOARD_ID_PATTERN, COLOR_PATTERN]) {
      expect(md).toContain(`\`${pattern.source}\``);
    }
  });

  it('lists every role and close code', () => {
    for (const role of ROLES) expect(md).toContain(`| \`${role}\` |`);
    for (const code of Object.values(CLOSE)) expect(md).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });

  it('embeds the example script verbatim', () => {
    const example = readFileSync(examplePath, 'utf8');
    expect(md).toContain('```js\n' + example + '```');
  });
});

describe('docs/examples/add-note.mjs', () => {
  it('makes ids that match the entity id pattern', () => {
    for (let i = 0; i < 50; i++) expect(newId()).toMatch(ENTITY_ID_PATTERN);
  });

  it('lists segments and stages in board order', () => {
    const doc = fullBoard();
    const board = readBoard(doc);
    expect(listStages(doc)).toEqual(board.segments.map((s) => ({
      id: s.id, name: s.name, stages: s.stages.map((st) => ({ id: st.id, name: st.name, buyerStep: st.buyerStep })),
    })));
  });

  it('buildNote writes a note that BoardReader reads without problems, last in its stage, in one transaction', () => {
    const doc = fullBoard();
    const reader = new BoardReader(doc);
    const stageId = listStages(doc)[0]!.stages[0]!.id;
    const before = reader.snapshot().notesByStage.get(stageId)!;
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const id = buildNote(doc, stageId, '  Call the buyer within a day  ', { id: 'script', name: 'Script', department: 'sales' });
    expect(transactions).toBe(1);
    const board = reader.snapshot();
    expect(board.problems).toEqual([]);
    expect(board.notesByStage.get(stageId)!.map((n) => n.id)).toEqual([...before.map((n) => n.id), id]);
    const note = board.notesById.get(id)!;
    expect(note).toMatchObject({
      stageId, text: 'Call the buyer within a day', kind: 'action', authorId: 'script', authorName: 'Script',
      authorDepartment: 'sales', owners: [],
    });
    expect(note.order).toBeGreaterThan(before[before.length - 1]!.order);
    expect(Math.abs(note.createdAt - Date.now())).toBeLessThan(60_000);
    expect(note.updatedAt).toBe(note.createdAt);

    // A second one goes after the first; an empty stage starts at order 1.
    const second = buildNote(doc, stageId, 'second', { id: 'script', name: 'Script' });
    expect(reader.snapshot().notesByStage.get(stageId)!.at(-1)!.id).toBe(second);
    const emptyStage = listStages(doc)[1]!.stages[0]!.id;
    const third = buildNote(doc, emptyStage, 'first here', { id: 'script', name: 'Script' });
    expect(reader.snapshot().notesById.get(third)!.order).toBe(1);
    expect(reader.snapshot().problems).toEqual([]);
    reader.destroy();
  });

  it('buildNote refuses a missing stage and too long text without writing', () => {
    const doc = fullBoard();
    const before = Y.encodeStateVector(doc);
    expect(() => buildNote(doc, 'nope', 'x', { id: 'a', name: 'A' })).toThrow(/no stage/);
    const stageId = listStages(doc)[0]!.stages[0]!.id;
    expect(() => buildNote(doc, stageId, 'x'.repeat(1001), { id: 'a', name: 'A' })).toThrow(/1000/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('a note built by the example syncs to another replica intact', () => {
    const doc = fullBoard();
    const stageId = listStages(doc)[0]!.stages[0]!.id;
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(doc);
    const id = buildNote(doc, stageId, 'synced', { id: 'a', name: 'A' });
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, sv));
    expect(readBoard(peer).notesById.get(id)).toEqual(readBoard(doc).notesById.get(id));
    expect(readBoard(peer).problems).toEqual([]);
  });

  it('documents the booklet keys and the brand fields as Tabella writes them, with their limits', () => {
    const doc = fullBoard();
    const board = readBoard(doc);
    const segment = board.segments[0]!;
    setBookletText(doc, { key: 'foreword' }, 'Foreword', origin);
    setBookletText(doc, { key: 'executiveSummary' }, 'Summary', origin);
    setBookletText(doc, { segmentId: segment.id }, 'Segment', origin);
    setBookletText(doc, { stageId: segment.stages[0]!.id }, 'Stage', origin);
    setBrand(doc, { companyName: 'Rossi', accentColor: '#0F766E' }, origin);
    setLogo(doc, { bytes: new Uint8Array([1, 2, 3]), type: 'png', width: 3, height: 1 }, origin);
    const written = [...doc.getMap('booklet').keys()].map((k) => k.replace(segment.id, '<segmentId>').replace(segment.stages[0]!.id, '<stageId>'));
    const booklet = section('booklet');
    for (const key of written) expect(booklet).toContain(`| \`${key}\` | string |`);
    expect(booklet).toContain(`at most ${BOOKLET_TEXT_MAX}`);
    expect(booklet).toContain(`at most ${BOOKLET_SUMMARY_MAX}`);
    expect(documentedFields('brand').sort()).toEqual([...doc.getMap('brand').keys()].sort());
    expect(row('brand', 'companyName')).toContain(`at most ${BRAND_NAME_MAX}`);
    expect(row('brand', 'logo')).toContain(`at most ${LOGO_MAX_BYTES / 1024} KiB`);
    expect(row('brand', 'logoWidth')).toContain(`1 to ${LOGO_MAX_SIDE} (width x height at most ${LOGO_MAX_PIXELS / 1e6} megapixels)`);
    const read = readBoard(doc);
    expect(read.problems).toEqual([]);
    expect(read.brand).toMatchObject({ companyName: 'Rossi', accentColor: '#0f766e', logo: { type: 'png', width: 3, height: 1 } });
    expect(read.booklet.segments.get(segment.id)).toBe('Segment');
  });
});
