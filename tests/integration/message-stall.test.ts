import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, addNote, localOrigin, readBoard } from '../../shared/src/index.js';
import { aliceAndMallory } from '../support/hostile-participant.js';
import { useTestServer } from '../support/in-process-server.js';
import { rawSocket } from '../support/raw-socket.js';
import { rawUpdate, type RawStruct } from '../support/raw-update.js';

/**
 * Issue 10 §2: no single message may block the server's event loop for more
 * than 100 ms. The server runs in this process, so the loop measured here is
 * the server's. Each attack is a participant's message crafted as raw bytes;
 * before the bounds, the first one blocked the loop 6.6 s and the second 6.3 s.
 */
const fixture = useTestServer();
// The room size of a real workshop; without the bounds each attack below took seconds on it.
const NOTES = 300;
const STALL_MS = 100;

async function busyBoard() {
  const { board, alice, mallory, stageId } = await aliceAndMallory(fixture);
  alice.doc.transact(() => {
    for (let i = 0; i < NOTES; i++) addNote(alice.doc, { stageId, text: `Alice's action ${i}` }, alice.author, localOrigin(alice.memberId));
  }, localOrigin(alice.memberId));
  await vi.waitFor(() => expect(readBoard(mallory.doc).notesById.size).toBe(NOTES), { timeout: 20_000 });
  return { board, alice, mallory };
}

/** CPU time of this process's main thread so far, in ms (Linux; clock ticks of 10 ms). */
function mainThreadCpuMs(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Sends `update` as `session`; returns how the server closed the socket and
 * the longest the event loop was blocked meanwhile, counted in CPU time of
 * the main thread: vitest runs test files in parallel on two cores, so
 * wall-clock delays would also measure the neighbours; the CPU the loop's own
 * thread spent between two ticks is what held it. (The server, and the one
 * raw client, run in this process; the update's bytes are built before.)
 */
async function sendMeasured(boardId: string, session: string, update: Uint8Array) {
  const socket = await rawSocket(fixture.server.url, `/sync/${boardId}?token=${session}`);
  // Garbage from building the attack is collected now, not inside the measurement.
  (globalThis as { gc?: () => void }).gc?.();
  let blockedMs = 0;
  let last = mainThreadCpuMs();
  const ticker = setInterval(() => {
    const now = mainThreadCpuMs();
    blockedMs = Math.max(blockedMs, now - last);
    last = now;
  }, 5);
  socket.sendUpdate(update);
  const closed = await socket.closed;
  // The replica rebuild after a refusal runs in a task of its own: measure it too.
  await new Promise((resolve) => setTimeout(resolve, 50));
  clearInterval(ticker);
  return { closed, blockedMs };
}

async function storedState(boardId: string): Promise<Uint8Array> {
  const room = await fixture.server.rooms.peek(boardId);
  await room?.flushed();
  const doc = new Y.Doc();
  for (const u of (await fixture.server.store.loadUpdates(boardId)).updates) Y.applyUpdate(doc, u);
  return Y.encodeStateAsUpdate(doc);
}

describe('no single message stalls the server', () => {
  it('R4, R11: a delete set repeating one range over a colleague\'s notes is merged, judged once and refused; 300 KB is refused unread', async () => {
    const { board, alice, mallory } = await busyBoard();
    const before = await storedState(board.id);
    const state = Y.getState(alice.doc.store, alice.doc.clientID);
    const repeated = (count: number) => rawUpdate([], [{ client: alice.doc.clientID, ranges: Array.from({ length: count }, (): [number, number] => [0, state]) }]);
    const within = repeated(80_000);
    expect(within.byteLength).toBeGreaterThan(200_000);
    const judged = await sendMeasured(board.id, mallory.session, within);
    expect(judged.closed).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R4: .*your own notes/) });
    expect(judged.blockedMs).toBeLessThan(STALL_MS);
    const over = repeated(100_000);
    expect(over.byteLength).toBeGreaterThan(300_000);
    const unread = await sendMeasured(board.id, mallory.session, over);
    expect(unread.closed.reason).toMatch(/^R11\/update-too-large: update too large \(\d+ bytes/);
    expect(unread.blockedMs).toBeLessThan(STALL_MS);
    expect(await storedState(board.id)).toEqual(before);
  });

  it('R11: an update of hundreds of thousands of tiny structs is refused before it is applied', async () => {
    const { board, mallory } = await busyBoard();
    const tiny: RawStruct[] = Array.from({ length: 550_000 }, () => ({ kind: 'gc', len: 1 }));
    const huge = rawUpdate([{ client: 4_242, clock: 0, structs: tiny }]);
    const measuredHuge = await sendMeasured(board.id, mallory.session, huge);
    expect(measuredHuge.closed.code).toBe(CLOSE.forbidden);
    expect(measuredHuge.closed.reason).toMatch(/^R11\/update-too-large: .*too large/);
    expect(measuredHuge.blockedMs).toBeLessThan(STALL_MS);
    // Under the byte limit, over the struct limit: counted, not applied.
    const many = rawUpdate([{ client: 4_243, clock: 0, structs: tiny.slice(0, 100_000) }]);
    const measuredMany = await sendMeasured(board.id, mallory.session, many);
    expect(measuredMany.closed.reason).toMatch(/^R11\/update-too-large: .*too large \(\d+ items/);
    expect(measuredMany.blockedMs).toBeLessThan(STALL_MS);
  });

  it('R4, R11: items racing for one key are refused unapplied; the most conflict-heavy update within the limits stays under the bound', async () => {
    const { board, alice, mallory } = await busyBoard();
    const before = await storedState(board.id);
    const noteIds = [...readBoard(alice.doc).notesById.keys()];
    // Root entries for existing note keys with no neighbours: Yjs resolves
    // each against every other one on the same key (its conflict scan).
    const racing = (clients: number, keys: string[], perKey: number) => rawUpdate(Array.from({ length: clients }, (_, c) => ({
      client: 10_000 + c + keys.length * 100,
      clock: 0,
      structs: keys.flatMap((key) => Array.from({ length: perKey }, (): RawStruct => ({ kind: 'any', parent: 'notes', key, value: 'x' }))),
    })));
    const oneKey = await sendMeasured(board.id, mallory.session, racing(32, noteIds.slice(0, 1), 250));
    expect(oneKey.closed.reason).toMatch(/^R11\/update-too-large: .*too many items at one spot/);
    expect(oneKey.blockedMs).toBeLessThan(STALL_MS);
    // 8 clients racing for each of 300 keys: 2,400 items, as many per key as allowed.
    const within = await sendMeasured(board.id, mallory.session, racing(8, noteIds, 1));
    expect(within.closed).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R4: .*own notes/) });
    expect(within.blockedMs).toBeLessThan(STALL_MS);
    expect(await storedState(board.id)).toEqual(before);
  });
});
