import type * as Y from 'yjs';
import { ENTITY_ID_PATTERN, DEPARTMENT_KEY_PATTERN } from './ids.js';
import { byOrderThenId } from './order.js';
import type { Problem } from './schema/fields.js';
import { roots, type BoardRoots, type RecordMap } from './schema/layout.js';
import { readMeta, type BoardMeta } from './schema/meta.js';
import { readSegment, type Segment } from './schema/segment.js';
import { readStage, type Stage } from './schema/stage.js';
import { readDepartment, type Department } from './schema/department.js';
import { readNote, type Note } from './schema/note.js';
import { readMember, type Member } from './schema/member.js';
import { readSession, type Session } from './schema/session.js';
import { readGroup } from './schema/group.js';
import { readVoteCount } from './schema/vote.js';
import { readProposal } from './schema/proposal.js';
import { NOTE_MEMBER_KEY_PATTERN, parseNoteMemberKey } from './schema/note-member-key.js';
import { readFollowUp, type FollowUp } from './read-follow-up.js';
import type { Commitment } from './schema/commitment.js';
import type { Feedback } from './schema/feedback.js';
import { readBooklet, type BookletTexts } from './schema/booklet.js';
import { readBrand, type Brand } from './schema/brand.js';

/** A validated, plain, immutable view of a board. */
export interface BoardSnapshot {
  meta: BoardMeta;
  /** Segments in order, each with its stages in order. */
  segments: Segment[];
  stagesById: ReadonlyMap<string, Stage>;
  departments: Department[];
  departmentsByKey: ReadonlyMap<string, Department>;
  notesById: ReadonlyMap<string, Note>;
  /** Notes of each stage in order. Stages without notes have no entry. */
  notesByStage: ReadonlyMap<string, Note[]>;
  /** Valid notes whose stage no longer exists (e.g. added while the stage was removed). */
  orphanNotes: Note[];
  /** Everyone who joined the board (including removed members), sorted by name. */
  members: Member[];
  membersById: ReadonlyMap<string, Member>;
  session: Session;
  /** Breakout groups: member id -> segment id (only segments that exist). */
  groups: ReadonlyMap<string, string>;
  /** Dots per note (only notes in `notesById`; notes without dots have no entry). */
  votesByNote: ReadonlyMap<string, VoteTally>;
  /** Owner proposals per note: member id -> department key (only notes in `notesById`). */
  proposalsByNote: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Executive commitments per stage and department (step 6), in stage order. */
  commitments: Commitment[];
  /** Reps' feedback from real deals (step 7), newest first. */
  feedback: Feedback[];
  /** The facilitator's words for the deliverables (foreword, summaries). */
  booklet: BookletTexts;
  /** The client's brand on the deliverables' covers. */
  brand: Brand;
  /** Entries that were skipped or repaired while reading, for logging and diagnostics. */
  problems: Problem[];
}

export interface VoteTally {
  total: number;
  byMember: ReadonlyMap<string, number>;
}

type Read<T> = { value: T } | { errors: string[] };

function readCollection<R, T>(
  collection: string,
  map: Y.Map<RecordMap>,
  keyPattern: RegExp,
  read: (m: RecordMap) => Read<R>,
  build: (key: string, record: R) => T,
  problems: Problem[],
): T[] {
  const out: T[] = [];
  map.forEach((entry, key) => {
    const result = readEntry(collection, key, entry, keyPattern, read, problems);
    if (result) out.push(build(key, result));
  });
  return out;
}

function readEntry<R>(
  collection: string,
  key: string,
  entry: unknown,
  keyPattern: RegExp,
  read: (m: RecordMap) => Read<R>,
  problems: Problem[],
): R | undefined {
  if (!keyPattern.test(key)) {
    problems.push({ collection, id: key, message: 'invalid key' });
    return undefined;
  }
  if (!isYMap(entry)) {
    problems.push({ collection, id: key, message: 'entry is not a Y.Map' });
    return undefined;
  }
  const result = read(entry);
  if ('errors' in result) {
    problems.push({ collection, id: key, message: result.errors.join('; ') });
    return undefined;
  }
  return result.value;
}

function isYMap(value: unknown): value is RecordMap {
  // Structural check: instanceof fails when two copies of yjs are loaded.
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RecordMap).get === 'function' &&
    typeof (value as RecordMap).forEach === 'function' &&
    (value as { _map?: unknown })._map instanceof Map
  );
}

type CachedNote = { note: Note } | { problem: Problem };

interface StructurePart {
  meta: BoardMeta;
  segments: Segment[];
  stagesById: Map<string, Stage>;
  departments: Department[];
  departmentsByKey: Map<string, Department>;
  problems: Problem[];
}

interface NotesPart {
  notesById: Map<string, Note>;
  notesByStage: Map<string, Note[]>;
  orphanNotes: Note[];
  problems: Problem[];
}

interface Part<T> {
  value: T;
  problems: Problem[];
}

/**
 * Reads a board incrementally. The snapshot is built from parts, each cached
 * until a transaction touches the roots it is read from (or a part it depends
 * on is rebuilt): a vote re-reads the votes only, and the notes, members and
 * structure of the new snapshot are the very same objects as before (React can
 * skip re-rendering them). Within the notes part, note records are
 * re-validated only when a transaction touched them, so a remote edit to one
 * note costs one note read plus re-grouping. Structure, members, session,
 * groups, votes and proposals are small (a few thousand plain entries at most
 * for 60 people) and re-read whole when they change.
 */
export class BoardReader {
  private readonly r: BoardRoots;
  private readonly noteCache = new Map<string, CachedNote>();
  private current: BoardSnapshot | undefined;
  private structure: StructurePart | undefined;
  private notes: NotesPart | undefined;
  private members: Part<{ members: Member[]; membersById: Map<string, Member> }> | undefined;
  private session: Part<Session> | undefined;
  private groups: Part<Map<string, string>> | undefined;
  private votes: Part<Map<string, VoteTally>> | undefined;
  private proposals: Part<Map<string, Map<string, string>>> | undefined;
  private followUp: Part<FollowUp> | undefined;
  private deliverables: Part<{ booklet: BookletTexts; brand: Brand }> | undefined;
  private readonly observers: [Y.Map<unknown>, (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void][];

  constructor(doc: Y.Doc) {
    this.r = roots(doc);
    const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
      for (const event of events) {
        if (event.target === this.r.notes) {
          for (const key of event.changes.keys.keys()) this.noteCache.delete(key);
        } else {
          const key = event.path[0];
          if (typeof key === 'string') this.noteCache.delete(key);
        }
      }
      this.notes = undefined;
      this.current = undefined;
    };
    const on = (drop: () => void) => (): void => {
      drop();
      this.current = undefined;
    };
    const onStructure = on(() => { this.structure = undefined; });
    this.observers = [
      [this.r.notes as Y.Map<unknown>, onNotes],
      [this.r.meta, onStructure],
      [this.r.segments as Y.Map<unknown>, onStructure],
      [this.r.stages as Y.Map<unknown>, onStructure],
      [this.r.departments as Y.Map<unknown>, onStructure],
      [this.r.members as Y.Map<unknown>, on(() => { this.members = undefined; })],
      [this.r.session, on(() => { this.session = undefined; })],
      [this.r.groups, on(() => { this.groups = undefined; })],
      [this.r.votes, on(() => { this.votes = undefined; })],
      [this.r.proposals, on(() => { this.proposals = undefined; })],
      [this.r.commitments as Y.Map<unknown>, on(() => { this.followUp = undefined; })],
      [this.r.feedback as Y.Map<unknown>, on(() => { this.followUp = undefined; })],
      [this.r.booklet, on(() => { this.deliverables = undefined; })],
      [this.r.brand, on(() => { this.deliverables = undefined; })],
    ];
    for (const [type, fn] of this.observers) type.observeDeep(fn);
  }

  destroy(): void {
    for (const [type, fn] of this.observers) type.unobserveDeep(fn);
  }

  /** The current snapshot; the same object until the doc changes. */
  snapshot(): BoardSnapshot {
    if (!this.current) this.current = this.build();
    return this.current;
  }

  private readNoteCached(key: string, entry: RecordMap): CachedNote {
    let cached = this.noteCache.get(key);
    if (!cached) {
      const problems: Problem[] = [];
      const record = readEntry('notes', key, entry, ENTITY_ID_PATTERN, readNote, problems);
      cached = record ? { note: { id: key, ...record } } : { problem: problems[0] as Problem };
      this.noteCache.set(key, cached);
    }
    return cached;
  }

  private build(): BoardSnapshot {
    // Dependencies: notes and groups are checked against the structure, votes
    // and proposals against the notes; rebuilding a part drops its dependants.
    if (!this.structure) {
      this.structure = readStructure(this.r);
      this.notes = undefined;
      this.groups = undefined;
      this.followUp = undefined;
      this.deliverables = undefined;
    }
    const structure = this.structure;
    if (!this.notes) {
      this.notes = this.readNotes(structure.stagesById);
      this.votes = undefined;
      this.proposals = undefined;
    }
    const notes = this.notes;
    this.members ??= this.readMembers();
    this.session ??= this.readSessionPart();
    this.groups ??= this.readGroups(structure.segments);
    this.votes ??= this.readVotes(notes.notesById);
    this.proposals ??= this.readProposals(notes.notesById);
    this.followUp ??= this.readFollowUpPart(structure);
    this.deliverables ??= readDeliverables(this.r, structure);
    const { members, session, groups, votes, proposals, followUp, deliverables } = this;
    return {
      meta: structure.meta,
      segments: structure.segments,
      stagesById: structure.stagesById,
      departments: structure.departments,
      departmentsByKey: structure.departmentsByKey,
      notesById: notes.notesById,
      notesByStage: notes.notesByStage,
      orphanNotes: notes.orphanNotes,
      members: members.value.members,
      membersById: members.value.membersById,
      session: session.value,
      groups: groups.value,
      votesByNote: votes.value,
      proposalsByNote: proposals.value,
      commitments: followUp.value.commitments,
      feedback: followUp.value.feedback,
      booklet: deliverables.value.booklet,
      brand: deliverables.value.brand,
      problems: [
        ...structure.problems, ...notes.problems, ...members.problems, ...session.problems,
        ...groups.problems, ...votes.problems, ...proposals.problems, ...followUp.problems,
        ...deliverables.problems,
      ],
    };
  }

  private readNotes(stagesById: ReadonlyMap<string, Stage>): NotesPart {
    const problems: Problem[] = [];
    const notesById = new Map<string, Note>();
    const notesByStage = new Map<string, Note[]>();
    const orphanNotes: Note[] = [];
    const live = new Set<string>();
    this.r.notes.forEach((entry, key) => {
      live.add(key);
      const cached = this.readNoteCached(key, entry);
      if ('problem' in cached) {
        problems.push(cached.problem);
        return;
      }
      const note = cached.note;
      notesById.set(key, note);
      if (!stagesById.has(note.stageId)) {
        orphanNotes.push(note);
        return;
      }
      const list = notesByStage.get(note.stageId);
      if (list) list.push(note);
      else notesByStage.set(note.stageId, [note]);
    });
    for (const key of this.noteCache.keys()) if (!live.has(key)) this.noteCache.delete(key);
    for (const list of notesByStage.values()) list.sort(byOrderThenId);
    orphanNotes.sort(byOrderThenId);
    return { notesById, notesByStage, orphanNotes, problems };
  }

  private readFollowUpPart(structure: StructurePart): Part<FollowUp> {
    const problems: Problem[] = [];
    const rank = new Map<string, number>();
    for (const segment of structure.segments) for (const stage of segment.stages) rank.set(stage.id, rank.size);
    const value = readFollowUp(
      this.r.commitments, this.r.feedback, structure.stagesById, structure.departmentsByKey, rank, problems,
    );
    return { value, problems };
  }

  private readMembers(): Part<{ members: Member[]; membersById: Map<string, Member> }> {
    const problems: Problem[] = [];
    const members = readCollection(
      'members', this.r.members, ENTITY_ID_PATTERN, readMember, (id, rec): Member => ({ id, ...rec }), problems,
    ).sort(byNameThenId);
    return { value: { members, membersById: new Map(members.map((m) => [m.id, m])) }, problems };
  }

  private readSessionPart(): Part<Session> {
    const problems: Problem[] = [];
    return { value: readSession(this.r.session, problems), problems };
  }

  private readGroups(segments: readonly Segment[]): Part<Map<string, string>> {
    const problems: Problem[] = [];
    const segmentIds = new Set(segments.map((s) => s.id));
    const groups = new Map<string, string>();
    this.r.groups.forEach((value, memberId) => {
      const segmentId = readPlain('groups', memberId, value, ENTITY_ID_PATTERN, readGroup, problems);
      if (segmentId === undefined) return;
      if (!segmentIds.has(segmentId)) {
        problems.push({ collection: 'groups', id: memberId, message: 'segment does not exist' });
        return;
      }
      groups.set(memberId, segmentId);
    });
    return { value: groups, problems };
  }

  /**
   * Dots on notes that are not in `notesById` (deleted while someone voted,
   * or malformed) are left out without a problem: they are a normal outcome
   * of concurrent edits, and they do not count against anyone's dots.
   */
  private readVotes(notesById: ReadonlyMap<string, Note>): Part<Map<string, VoteTally>> {
    const problems: Problem[] = [];
    const totals = new Map<string, { total: number; byMember: Map<string, number> }>();
    this.r.votes.forEach((value, key) => {
      const count = readPlain('votes', key, value, NOTE_MEMBER_KEY_PATTERN, readVoteCount, problems);
      const parsed = parseNoteMemberKey(key);
      if (count === undefined || !parsed || !notesById.has(parsed.noteId)) return;
      let tally = totals.get(parsed.noteId);
      if (!tally) totals.set(parsed.noteId, (tally = { total: 0, byMember: new Map() }));
      tally.total += count;
      tally.byMember.set(parsed.memberId, count);
    });
    return { value: totals, problems };
  }

  private readProposals(notesById: ReadonlyMap<string, Note>): Part<Map<string, Map<string, string>>> {
    const problems: Problem[] = [];
    const byNote = new Map<string, Map<string, string>>();
    this.r.proposals.forEach((value, key) => {
      const department = readPlain('proposals', key, value, NOTE_MEMBER_KEY_PATTERN, readProposal, problems);
      const parsed = parseNoteMemberKey(key);
      if (department === undefined || !parsed || !notesById.has(parsed.noteId)) return;
      let map = byNote.get(parsed.noteId);
      if (!map) byNote.set(parsed.noteId, (map = new Map()));
      map.set(parsed.memberId, department);
    });
    return { value: byNote, problems };
  }
}

function byNameThenId(a: Member, b: Member): number {
  return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Validates one plain (non-Y.Map) entry of a root map; reports and returns undefined when malformed. */
function readPlain<T>(
  collection: string,
  key: string,
  value: unknown,
  keyPattern: RegExp,
  read: (v: unknown) => { value: T } | { errors: string[] },
  problems: Problem[],
): T | undefined {
  if (!keyPattern.test(key)) {
    problems.push({ collection, id: key, message: 'invalid key' });
    return undefined;
  }
  const result = read(value);
  if ('errors' in result) {
    problems.push({ collection, id: key, message: result.errors.join('; ') });
    return undefined;
  }
  return result.value;
}

/** Meta, segments with their stages, and departments: a board without its notes. */
function readStructure(r: BoardRoots): StructurePart {
  const problems: Problem[] = [];
  const meta = readMeta(r.meta, problems);
  const segments = readCollection(
    'segments', r.segments, ENTITY_ID_PATTERN, readSegment,
    (id, rec): Segment => ({ id, ...rec, stages: [] }), problems,
  ).sort(byOrderThenId);
  const segmentsById = new Map(segments.map((s) => [s.id, s]));
  const stages = readCollection(
    'stages', r.stages, ENTITY_ID_PATTERN, readStage,
    (id, rec): Stage => ({ id, ...rec }), problems,
  ).sort(byOrderThenId);
  const stagesById = new Map<string, Stage>();
  for (const stage of stages) {
    const segment = segmentsById.get(stage.segmentId);
    if (!segment) {
      problems.push({ collection: 'stages', id: stage.id, message: 'segment does not exist' });
      continue;
    }
    segment.stages.push(stage);
    stagesById.set(stage.id, stage);
  }
  const departments = readCollection(
    'departments', r.departments, DEPARTMENT_KEY_PATTERN, readDepartment,
    (key, rec): Department => ({ key, ...rec }), problems,
  ).sort(byOrderThenId);
  return {
    meta, segments, stagesById, departments, departmentsByKey: new Map(departments.map((d) => [d.key, d])), problems,
  };
}

/**
 * The structure alone, for reads that need no notes (joins, board info): on a
 * 2,000-note board it costs a fraction of a millisecond where `readBoard` costs
 * tens (it validates every note).
 */
export function readBoardStructure(doc: Y.Doc): Pick<BoardSnapshot, 'meta' | 'segments' | 'stagesById' | 'departments' | 'departmentsByKey'> {
  const { meta, segments, stagesById, departments, departmentsByKey } = readStructure(roots(doc));
  return { meta, segments, stagesById, departments, departmentsByKey };
}

/** One-off read of a whole board (server, exports, tests). */
export function readBoard(doc: Y.Doc): BoardSnapshot {
  const reader = new BoardReader(doc);
  try {
    return reader.snapshot();
  } finally {
    reader.destroy();
  }
}

function readDeliverables(r: BoardRoots, structure: Pick<StructurePart, 'segments' | 'stagesById'>): Part<{ booklet: BookletTexts; brand: Brand }> {
  const problems: Problem[] = [];
  const segmentIds = new Set(structure.segments.map((s) => s.id));
  const booklet = readBooklet(r.booklet, segmentIds, new Set(structure.stagesById.keys()), problems);
  return { value: { booklet, brand: readBrand(r.brand, problems) }, problems };
}
