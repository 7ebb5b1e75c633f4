import { afterEach, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Verdict } from '../../shared/src/index.js';
import { boardGuard } from '../../server/src/sync/update-guard.js';
import { read, violations } from '../fuzz/board-oracle.js';
import { fuzzBoard, type FuzzActor } from '../fuzz/fuzz-board.js';
import { HonestReplica } from '../fuzz/honest-replica.js';
import { HOSTILE, type HostileContext } from '../fuzz/hostile-updates.js';
import { seededRandom } from '../support/random.js';

/**
 * Seeded differential fuzz of the update guard, in-process: a real SQLite
 * store and Room, `room.receivePeerUpdate` with `boardGuard(actor)` for
 * several participants (and a facilitator moving the phases). Each update's
 * real effect (the board read before and after) is judged by an oracle written
 * from the docs, independently of the guard (tests/fuzz/board-oracle.ts).
 *
 * Longer run: GUARD_FUZZ_UPDATES=50000 GUARD_FUZZ_SEED=<n> npm run fuzz:guard
 */
const UPDATES = Number(process.env.GUARD_FUZZ_UPDATES ?? 3_000);
const SEED = Number(process.env.GUARD_FUZZ_SEED ?? 20_261_202);
/** One update may not hold the event loop longer than this (every board's sockets wait meanwhile). */
const MAX_MS = 100;

afterEach(() => vi.restoreAllMocks());

/** Failures by check: how many, and the first few with what made them, for the report. */
class Failures {
  private readonly byCheck = new Map<string, { count: number; first: string[] }>();

  add(check: string, step: number, what: string, detail: string): void {
    const entry = this.byCheck.get(check) ?? { count: 0, first: [] };
    entry.count += 1;
    if (entry.first.length < 3) entry.first.push(`step ${step}, ${what}: ${detail.slice(0, 300)}`);
    this.byCheck.set(check, entry);
  }

  report(): string[] {
    return [...this.byCheck].map(([check, { count, first }]) => `${check} (${count}x); ${first.join(' | ')}`);
  }
}

/** Errors that say "this input is malformed", as opposed to code tripping over it. */
function isMalformedInputError(error: unknown): boolean {
  return error instanceof Error && !(error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError);
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

const TIMEOUT_MS = Math.max(120_000, UPDATES * 40);

it(`the guard lets through exactly what the rules allow (${UPDATES} updates, seed ${SEED})`, { timeout: TIMEOUT_MS }, async () => {
  const rng = seededRandom(SEED);
  // Ids and times from the seed too, so a seed replays the same run.
  vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    const bytes = new Uint8Array(array!.buffer, array!.byteOffset, array!.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rng() * 256);
    return array;
  });
  vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);

  const board = await fuzzBoard();
  const { room } = board;
  const replicas = new Map<FuzzActor, HonestReplica>(
    [...board.participants, board.facilitator].map((a) => [a, new HonestReplica(room.doc, a.actor, rng)]),
  );
  const totalWeight = HOSTILE.reduce((sum, [, w]) => sum + w, 0);
  const failures = new Failures();
  const counts = { accepted: 0, refused: 0, thrown: 0, honest: 0, mustAccept: 0 };
  let before = read(room.doc);
  let beforeBytes = Y.encodeStateAsUpdate(room.doc);
  let slowest = 0;

  const began = performance.now();
  for (let step = 0; step < UPDATES; step++) {
    if (performance.now() - began > TIMEOUT_MS * 0.8) {
      // Slow updates (a failure of their own) must not turn the report into a timeout.
      failures.add('the run stopped early, out of time', step, '', `${step} of ${UPDATES} updates`);
      break;
    }
    const sender = rng() < 0.04 ? board.facilitator : board.participants[Math.floor(rng() * board.participants.length)]!;
    const replica = replicas.get(sender)!;
    let update: Uint8Array | undefined;
    let what = '';
    let mustAccept = false;
    if (sender === board.facilitator || rng() < 0.45) {
      const honest = replica.next();
      if (honest) {
        ({ update, mustAccept } = honest);
        what = `honest ${honest.what}`;
        counts.honest += 1;
      }
    }
    if (!update) {
      let r = rng() * totalWeight;
      const [name, , make] = HOSTILE.find(([, w]) => (r -= w) < 0) ?? HOSTILE[0]!;
      const context: HostileContext = { rng, doc: room.doc, memberId: sender.actor.memberId, honest: () => replica.next()?.update };
      update = make(context);
      what = name;
      if (!update) continue;
    }
    what = `${what} by ${sender.actor.memberId}`;

    const written = board.written();
    // After a refusal the room rebuilds its staging copy in slices (updates wait meanwhile): not this update's cost.
    await room.judgingReady();
    let verdict: Verdict | Promise<Verdict> | undefined;
    let thrown: unknown;
    const start = performance.now();
    const cpu = process.cpuUsage();
    try {
      verdict = room.receivePeerUpdate(update, boardGuard(sender.actor), sender.origin, sender.peer);
    } catch (error) {
      thrown = error;
    }
    // Wall time, unless the machine was busy elsewhere: the CPU time this
    // process spent says how long the call itself held the event loop.
    const used = process.cpuUsage(cpu);
    const ms = Math.min(performance.now() - start, (used.user + used.system) / 1000);
    slowest = Math.max(slowest, ms);
    if (verdict instanceof Promise) verdict = await verdict.catch((error: unknown) => void (thrown = error));
    await room.flushed();
    if (room.doc.store.pendingStructs !== null || room.doc.store.pendingDs !== null) {
      failures.add('something was left pending in the room\'s doc', step, what, `${verdict?.ok ? 'accepted' : 'refused or thrown'}`);
      // Recorded; dropped so the steps after this one are judged on their own
      // (parked structs also go out with the room's state to the replicas).
      room.doc.store.pendingStructs = null;
      room.doc.store.pendingDs = null;
    }
    const after = read(room.doc);
    const afterBytes = Y.encodeStateAsUpdate(room.doc);
    const changed = !sameBytes(beforeBytes, afterBytes);

    if (mustAccept) counts.mustAccept += 1;
    if (thrown !== undefined) counts.thrown += 1;
    else if (verdict!.ok) counts.accepted += 1;
    else counts.refused += 1;

    if (ms > MAX_MS) failures.add(`one update held the event loop over ${MAX_MS} ms`, step, what, `${ms.toFixed(0)} ms, ${update.byteLength} bytes`);
    if (thrown !== undefined && !isMalformedInputError(thrown)) failures.add('threw something other than a malformed-input error', step, what, String(thrown));
    if ((thrown !== undefined || verdict?.ok === false) && changed) {
      failures.add('refused or thrown, yet the board changed', step, what, thrown === undefined ? verdict!.ok ? '' : verdict!.reason : String(thrown));
    }
    if ((thrown !== undefined || verdict?.ok === false) && board.written() !== written) failures.add('refused or thrown, yet the store was written', step, what, '');
    if (changed) {
      const bad = violations(sender.actor, before, after);
      if (bad.length > 0) failures.add('a change the rules forbid got in', step, what, bad.join('; '));
    }
    if (mustAccept && (thrown !== undefined || verdict?.ok !== true)) {
      failures.add('an allowed honest update was refused', step, what, thrown !== undefined ? String(thrown) : verdict?.ok === false ? verdict.reason : '');
    }
    if (!what.startsWith('honest') || thrown !== undefined || verdict?.ok !== true) replica.restart();
    before = after;
    beforeBytes = afterBytes;
  }
  await board.close();

  expect(counts.honest, 'the run exercised honest updates').toBeGreaterThan(UPDATES / 10);
  expect(counts.refused, 'the run exercised refusals').toBeGreaterThan(UPDATES / 20);
  expect(
    failures.report(),
    `seed ${SEED}, ${JSON.stringify(counts)}, slowest ${slowest.toFixed(0)} ms; replay: GUARD_FUZZ_SEED=${SEED} GUARD_FUZZ_UPDATES=${UPDATES} npm run fuzz:guard`,
  ).toEqual([]);
});
