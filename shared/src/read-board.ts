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
  /** Entries that were skipped or repaired while reading, for logging and diagnostics. */
  problems: Problem[];
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

/**
 * Reads a board incrementally: note records are re-validated only when a
 * transaction touched them, so a remote edit to one note costs one note read
 * plus re-grouping, and unchanged notes keep their object identity (React can
 * skip re-rendering them). Structure (segments, stages, departments) is small
 * and re-read whenever it changes.
 */
export class BoardReader {
  private readonly r: BoardRoots;
  private readonly noteCache = new Map<string, CachedNote>();
  private current: BoardSnapshot | undefined;
  private readonly onNotes = (events: Y.YEvent<Y.Map<unknown>>[]): void => {
    for (const event of events) {
      if (event.target === this.r.notes) {
        for (const key of event.changes.keys.keys()) this.noteCache.delete(key);
      } else {
        const key = event.path[0];
        if (typeof key === 'string') this.noteCache.delete(key);
      }
    }
    this.current = undefined;
  };
  private readonly onOther = (): void => {
    this.current = undefined;
  };

  constructor(doc: Y.Doc) {
    this.r = roots(doc);
    this.r.notes.observeDeep(this.onNotes as (e: Y.YEvent<Y.AbstractType<unknown>>[]) => void);
    for (const map of [this.r.meta, this.r.segments, this.r.stages, this.r.departments]) {
      map.observeDeep(this.onOther);
    }
  }

  destroy(): void {
    this.r.notes.unobserveDeep(this.onNotes as (e: Y.YEvent<Y.AbstractType<unknown>>[]) => void);
    for (const map of [this.r.meta, this.r.segments, this.r.stages, this.r.departments]) {
      map.unobserveDeep(this.onOther);
    }
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
    const problems: Problem[] = [];
    const meta = readMeta(this.r.meta, problems);
    const segments = readCollection(
      'segments', this.r.segments, ENTITY_ID_PATTERN, readSegment,
      (id, rec): Segment => ({ id, ...rec, stages: [] }), problems,
    ).sort(byOrderThenId);
    const segmentsById = new Map(segments.map((s) => [s.id, s]));
    const stages = readCollection(
      'stages', this.r.stages, ENTITY_ID_PATTERN, readStage,
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
      'departments', this.r.departments, DEPARTMENT_KEY_PATTERN, readDepartment,
      (key, rec): Department => ({ key, ...rec }), problems,
    ).sort(byOrderThenId);

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

    return {
      meta,
      segments,
      stagesById,
      departments,
      departmentsByKey: new Map(departments.map((d) => [d.key, d])),
      notesById,
      notesByStage,
      orphanNotes,
      problems,
    };
  }
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
