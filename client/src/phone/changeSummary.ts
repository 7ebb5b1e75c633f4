import type { Note } from '../../../shared/src/index.js';

/**
 * What the list view tells a screen reader about other people's changes:
 * which notes appeared, changed or went away, grouped per stage, and at most
 * one summary per interval (a burst of 20 notes is one sentence, not 20).
 * Pure: no React, no timers, no i18n; the clock is passed in.
 */
export type ChangeKind = 'added' | 'edited' | 'removed';

export interface NoteChange {
  kind: ChangeKind;
  noteId: string;
  stageId: string;
  /** The note's author (the only name a note carries; an edit may be a facilitator's). */
  authorName: string;
}

export interface ChangeSummary {
  kind: ChangeKind;
  stageId: string;
  count: number;
  /** Distinct author names, in the order they came. */
  names: string[];
}

/**
 * The changes between two versions of the board's notes, leaving out the
 * notes we added ourselves. Edits count text, kind and stage changes (a move
 * is an edit of the stage it lands in); votes and statuses are not announced.
 * The caller leaves out the notes our own transactions touched (our edits
 * and deletions: see ChangeAnnouncer).
 */
export function diffNotes(
  prev: ReadonlyMap<string, Note>, next: ReadonlyMap<string, Note>, myId: string,
): NoteChange[] {
  const changes: NoteChange[] = [];
  for (const [id, note] of next) {
    const before = prev.get(id);
    if (!before) {
      if (note.authorId !== myId) changes.push({ kind: 'added', noteId: id, stageId: note.stageId, authorName: note.authorName });
    } else if (before.text !== note.text || before.kind !== note.kind || before.stageId !== note.stageId) {
      changes.push({ kind: 'edited', noteId: id, stageId: note.stageId, authorName: note.authorName });
    }
  }
  for (const [id, note] of prev) {
    if (!next.has(id)) changes.push({ kind: 'removed', noteId: id, stageId: note.stageId, authorName: note.authorName });
  }
  return changes;
}

/** Groups changes by kind and stage, in the order each group first appeared. */
export function summarise(changes: readonly NoteChange[]): ChangeSummary[] {
  const groups = new Map<string, ChangeSummary>();
  for (const c of changes) {
    const key = `${c.kind}\u0000${c.stageId}`;
    const group = groups.get(key) ?? { kind: c.kind, stageId: c.stageId, count: 0, names: [] };
    group.count += 1;
    if (c.authorName && !group.names.includes(c.authorName)) group.names.push(c.authorName);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Collects changes and releases them as one summary at most every
 * `intervalMs`: the first batch after a quiet interval at once, later ones
 * when the interval since the last summary has passed.
 */
export class ChangeThrottle {
  private pending: NoteChange[] = [];
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs: number) {}

  push(changes: readonly NoteChange[]): void {
    this.pending.push(...changes);
  }

  /** Milliseconds until `take` may release something; undefined when nothing waits. */
  waitMs(now: number): number | undefined {
    if (this.pending.length === 0) return undefined;
    return Math.max(0, this.lastAt + this.intervalMs - now);
  }

  /** The summary of what waited, when the interval allows one now; otherwise undefined. */
  take(now: number): ChangeSummary[] | undefined {
    const wait = this.waitMs(now);
    if (wait === undefined || wait > 0) return undefined;
    const out = summarise(this.pending);
    this.pending = [];
    this.lastAt = now;
    return out;
  }
}
