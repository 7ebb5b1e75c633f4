import type * as Y from 'yjs';
import { ENTITY_ID_PATTERN } from '../ids.js';
import { DEFAULT_PHASE, PHASES, type Phase } from '../phases.js';
import type { Problem } from './fields.js';
import { readDismissedDuplicates } from './dismissed-duplicates.js';

/**
 * The `session` root map: how the facilitator is running the workshop right
 * now. Plain values (not nested Y.Maps): each is replaced as a whole, so a
 * reader never sees half a timer. Written only by facilitators.
 */

/** Timer durations, as the facilitator may set them: 1 s to 4 h. */
export const TIMER_MIN_MS = 1000;
export const TIMER_MAX_MS = 4 * 60 * 60 * 1000;

export const TIMER_STATUSES = ['running', 'paused', 'stopped'] as const;
export type TimerStatus = (typeof TIMER_STATUSES)[number];

/**
 * A countdown. Times are the *server's* clock: clients convert with their
 * measured offset, so every screen shows the same remaining time whatever the
 * device clocks say.
 */
export interface Timer {
  status: TimerStatus;
  /** The countdown's full length (for a progress display); grows and shrinks with extensions. */
  durationMs: number;
  /** Server epoch ms at which a running timer reaches zero. */
  endsAt: number;
  /** Time left when paused (meaningless while running; 0 when stopped). */
  remainingMs: number;
}

export type SpotlightTarget =
  | { kind: 'viewport'; x: number; y: number; scale: number }
  | { kind: 'segment'; id: string }
  | { kind: 'stage'; id: string };

/** The facilitator's "bring everyone to me". */
export interface Spotlight {
  /** Grows by one with each request, so a client reacts to each request exactly once. */
  seq: number;
  /** Member id of the facilitator who asked. */
  by: string;
  /** When it was asked, ms since the epoch. */
  at: number;
  target: SpotlightTarget;
}

export const VOTES_PER_PERSON_MAX = 50;

export interface Voting {
  open: boolean;
  /** Dots each person may spend on the whole board (integer 1..50). */
  votesPerPerson: number;
  /** Most dots one person may put on one note, or null for no cap. */
  capPerNote: number | null;
  /** Hide totals from participants until voting closes. */
  hideResults: boolean;
}

export interface Session {
  phase: Phase;
  privateWriting: boolean;
  timer: Timer | null;
  spotlight: Spotlight | null;
  voting: Voting | null;
  /** Pair keys the facilitator marked "not duplicates" (schema/dismissed-duplicates.ts); absent reads as []. */
  dismissedDuplicates: string[];
  discussion: Discussion | null;
}

/** Most notes one discussion's agenda holds (a whole 500-note board, ranked). */
export const DISCUSSION_AGENDA_MAX = 500;
/** A time box per note, as the facilitator may set it: 10 s to 1 h. */
export const TIMEBOX_MIN_SECONDS = 10;
export const TIMEBOX_MAX_SECONDS = 3600;

/**
 * "Discuss next": the facilitator walks the room through an agenda of notes
 * (in rank order or a chosen order), one at a time on every screen. A plain
 * value replaced as a whole, so a reader never sees the agenda of one
 * discussion with the position of another. Decisions live on the notes
 * (status, responsible, supporting), never here, so ending a discussion loses
 * nothing.
 */
export interface Discussion {
  /** The agenda: distinct note ids, at most DISCUSSION_AGENDA_MAX. Notes removed or merged meanwhile are skipped. */
  noteIds: string[];
  /** Position of the current note in `noteIds`; `noteIds.length` once past the last one (the agenda is done). */
  index: number;
  /** Agenda notes the facilitator moved on from without deciding (they count as discussed). */
  passed: string[];
  /** Server ms at which the current note came up: the time box counts from here (invariant 9). */
  noteStartedAt: number;
  /** Seconds per note (integer 10..3600), or null for no time box. */
  timeboxSeconds: number | null;
}

/** Scale limits of a spotlighted viewport (the canvas zoom). */
export const SPOTLIGHT_SCALE_MIN = 0.01;
export const SPOTLIGHT_SCALE_MAX = 100;

type Read<T> = { value: T } | { error: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function positiveInt(value: unknown, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;
}

export function readTimer(value: unknown): Read<Timer> {
  if (!isObject(value)) return { error: 'must be an object' };
  const { status, durationMs, endsAt, remainingMs } = value;
  if (typeof status !== 'string' || !(TIMER_STATUSES as readonly string[]).includes(status)) {
    return { error: `status must be one of ${TIMER_STATUSES.join(', ')}` };
  }
  if (!finite(durationMs) || durationMs < 0) return { error: 'durationMs must be a number >= 0' };
  if (!finite(endsAt)) return { error: 'endsAt must be a finite number' };
  if (!finite(remainingMs) || remainingMs < 0) return { error: 'remainingMs must be a number >= 0' };
  return { value: { status: status as TimerStatus, durationMs, endsAt, remainingMs } };
}

export function readSpotlightTarget(value: unknown): Read<SpotlightTarget> {
  if (!isObject(value)) return { error: 'target must be an object' };
  if (value.kind === 'viewport') {
    const { x, y, scale } = value;
    if (!finite(x) || !finite(y)) return { error: 'target x and y must be finite numbers' };
    if (!finite(scale) || scale < SPOTLIGHT_SCALE_MIN || scale > SPOTLIGHT_SCALE_MAX) {
      return { error: `target scale must be from ${SPOTLIGHT_SCALE_MIN} to ${SPOTLIGHT_SCALE_MAX}` };
    }
    return { value: { kind: 'viewport', x, y, scale } };
  }
  if (value.kind === 'segment' || value.kind === 'stage') {
    if (typeof value.id !== 'string' || !ENTITY_ID_PATTERN.test(value.id)) return { error: 'target id is not valid' };
    return { value: { kind: value.kind, id: value.id } };
  }
  return { error: 'target kind must be viewport, segment or stage' };
}

export function readSpotlight(value: unknown): Read<Spotlight> {
  if (!isObject(value)) return { error: 'must be an object' };
  const { seq, by, at } = value;
  if (!positiveInt(seq)) return { error: 'seq must be an integer >= 1' };
  if (typeof by !== 'string' || !ENTITY_ID_PATTERN.test(by)) return { error: 'by must be a member id' };
  if (!finite(at)) return { error: 'at must be a finite number' };
  const target = readSpotlightTarget(value.target);
  if ('error' in target) return target;
  return { value: { seq, by, at, target: target.value } };
}

export function readVoting(value: unknown): Read<Voting> {
  if (!isObject(value)) return { error: 'must be an object' };
  const { open, votesPerPerson, capPerNote, hideResults } = value;
  if (typeof open !== 'boolean') return { error: 'open must be a boolean' };
  if (!positiveInt(votesPerPerson, VOTES_PER_PERSON_MAX)) {
    return { error: `votesPerPerson must be an integer from 1 to ${VOTES_PER_PERSON_MAX}` };
  }
  if (capPerNote !== null && !positiveInt(capPerNote)) return { error: 'capPerNote must be null or an integer >= 1' };
  if (typeof hideResults !== 'boolean') return { error: 'hideResults must be a boolean' };
  return { value: { open, votesPerPerson, capPerNote, hideResults } };
}

function idList(value: unknown, what: string): Read<string[]> {
  if (!Array.isArray(value) || value.length > DISCUSSION_AGENDA_MAX) {
    return { error: `${what} must be a list of at most ${DISCUSSION_AGENDA_MAX} note ids` };
  }
  if (!value.every((id) => typeof id === 'string' && ENTITY_ID_PATTERN.test(id))) return { error: `${what} must hold note ids` };
  if (new Set(value).size !== value.length) return { error: `${what} must not repeat a note` };
  return { value: [...value] as string[] };
}

export function readDiscussion(value: unknown): Read<Discussion> {
  if (!isObject(value)) return { error: 'must be an object' };
  const noteIds = idList(value.noteIds, 'noteIds');
  if ('error' in noteIds) return noteIds;
  const passed = idList(value.passed, 'passed');
  if ('error' in passed) return passed;
  const { index, noteStartedAt, timeboxSeconds } = value;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > noteIds.value.length) {
    return { error: 'index must be an integer from 0 to the agenda length' };
  }
  if (!finite(noteStartedAt)) return { error: 'noteStartedAt must be a finite number' };
  if (timeboxSeconds !== null && !(positiveInt(timeboxSeconds, TIMEBOX_MAX_SECONDS) && timeboxSeconds >= TIMEBOX_MIN_SECONDS)) {
    return { error: `timeboxSeconds must be null or an integer from ${TIMEBOX_MIN_SECONDS} to ${TIMEBOX_MAX_SECONDS}` };
  }
  // An id passed but not on the agenda means nothing: dropped (a repair, not a reason to lose the discussion).
  const agenda = new Set(noteIds.value);
  return {
    value: {
      noteIds: noteIds.value, index, passed: passed.value.filter((id) => agenda.has(id)), noteStartedAt, timeboxSeconds,
    },
  };
}

/**
 * Reads the session map. Like meta it cannot be skipped as a whole: each bad
 * value falls back to its default (as if absent) and is reported.
 */
export function readSession(map: Y.Map<unknown>, problems: Problem[]): Session {
  const report = (id: string, message: string): void => {
    problems.push({ collection: 'session', id, message });
  };
  const optional = <T>(key: string, read: (v: unknown) => Read<T>): T | null => {
    const raw = map.get(key);
    if (raw === undefined) return null;
    const result = read(raw);
    if ('error' in result) {
      report(key, result.error);
      return null;
    }
    return result.value;
  };
  const rawPhase = map.get('phase');
  let phase = DEFAULT_PHASE;
  if (rawPhase !== undefined) {
    if (typeof rawPhase === 'string' && (PHASES as readonly string[]).includes(rawPhase)) phase = rawPhase as Phase;
    else report('phase', `must be one of ${PHASES.join(', ')}`);
  }
  const rawPrivate = map.get('privateWriting');
  if (rawPrivate !== undefined && typeof rawPrivate !== 'boolean') report('privateWriting', 'must be a boolean');
  return {
    phase,
    privateWriting: rawPrivate === true,
    timer: optional('timer', readTimer),
    spotlight: optional('spotlight', readSpotlight),
    voting: optional('voting', readVoting),
    dismissedDuplicates: optional('dismissedDuplicates', readDismissedDuplicates) ?? [],
    discussion: optional('discussion', readDiscussion),
  };
}
