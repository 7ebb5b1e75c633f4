import type * as Y from 'yjs';
import type { Origin } from '../origin.js';
import { roots } from '../schema/layout.js';
import { TIMER_MAX_MS, TIMER_MIN_MS, readTimer, type Timer } from '../schema/session.js';
import { invalid } from './errors.js';

/**
 * The session timer. Every time here is the server's clock (`serverNow`):
 * a client passes its own clock corrected by the offset it measured, so the
 * stored `endsAt` means the same instant on every screen.
 */

/** Milliseconds left at `serverNow`; never negative, 0 for no timer or a stopped one. */
export function timerRemainingMs(timer: Timer | null | undefined, serverNow: number): number {
  if (!timer) return 0;
  if (timer.status === 'running') return Math.max(0, timer.endsAt - serverNow);
  if (timer.status === 'paused') return Math.max(0, timer.remainingMs);
  return 0;
}

function checkNow(serverNow: number): void {
  if (!Number.isFinite(serverNow)) invalid('invalid-input', 'serverNow must be a finite number');
}

function checkDuration(ms: number, what: string): void {
  if (!Number.isFinite(ms) || ms < TIMER_MIN_MS || ms > TIMER_MAX_MS) {
    invalid('invalid-duration', `${what} must be from ${TIMER_MIN_MS / 1000} s to ${TIMER_MAX_MS / 3_600_000} h`, {
      seconds: TIMER_MIN_MS / 1000, hours: TIMER_MAX_MS / 3_600_000,
    });
  }
}

function currentTimer(doc: Y.Doc): Timer | null {
  const raw = roots(doc).session.get('timer');
  if (raw === undefined) return null;
  const read = readTimer(raw);
  return 'value' in read ? read.value : null;
}

function writeTimer(doc: Y.Doc, timer: Timer, origin: Origin): void {
  doc.transact(() => roots(doc).session.set('timer', { ...timer }), origin);
}

/** Starts (or restarts) a countdown of `durationMs`, replacing any timer. */
export function startTimer(doc: Y.Doc, durationMs: number, serverNow: number, origin: Origin): void {
  checkDuration(durationMs, 'Duration');
  checkNow(serverNow);
  const ms = Math.round(durationMs);
  writeTimer(doc, { status: 'running', durationMs: ms, endsAt: serverNow + ms, remainingMs: ms }, origin);
}

export function pauseTimer(doc: Y.Doc, serverNow: number, origin: Origin): void {
  checkNow(serverNow);
  const timer = currentTimer(doc);
  if (timer?.status !== 'running') invalid('timer-not-running', 'The timer is not running');
  writeTimer(doc, { ...timer, status: 'paused', remainingMs: timerRemainingMs(timer, serverNow) }, origin);
}

export function resumeTimer(doc: Y.Doc, serverNow: number, origin: Origin): void {
  checkNow(serverNow);
  const timer = currentTimer(doc);
  if (timer?.status !== 'paused') invalid('timer-not-paused', 'The timer is not paused');
  writeTimer(doc, { ...timer, status: 'running', endsAt: serverNow + timer.remainingMs }, origin);
}

/**
 * Adds `deltaMs` (negative shortens) to a running or paused timer, also one
 * that already reached zero ("two more minutes"). The time left afterwards
 * must be 0 to 4 h; `durationMs` follows, never below the time left.
 */
export function extendTimer(doc: Y.Doc, deltaMs: number, serverNow: number, origin: Origin): void {
  checkNow(serverNow);
  if (!Number.isFinite(deltaMs) || deltaMs === 0 || Math.abs(deltaMs) > TIMER_MAX_MS) {
    invalid('invalid-extension', 'The extension must be a non-zero number of ms, at most 4 h', { hours: TIMER_MAX_MS / 3_600_000 });
  }
  const timer = currentTimer(doc);
  if (!timer || timer.status === 'stopped') invalid('no-active-timer', 'There is no running or paused timer');
  const delta = Math.round(deltaMs);
  const left = timerRemainingMs(timer, serverNow) + delta;
  if (left > TIMER_MAX_MS) invalid('timer-too-long', 'A timer can run for at most 4 h', { hours: TIMER_MAX_MS / 3_600_000 });
  const remaining = Math.max(0, left);
  const durationMs = Math.min(TIMER_MAX_MS, Math.max(remaining, timer.durationMs + delta));
  writeTimer(doc, timer.status === 'running'
    ? { ...timer, durationMs, endsAt: serverNow + remaining }
    : { ...timer, durationMs, remainingMs: remaining }, origin);
}

/** Stops the timer (it stays visible as stopped, at zero). */
export function stopTimer(doc: Y.Doc, origin: Origin): void {
  const timer = currentTimer(doc);
  if (!timer) invalid('no-timer', 'There is no timer');
  writeTimer(doc, { ...timer, status: 'stopped', remainingMs: 0 }, origin);
}
