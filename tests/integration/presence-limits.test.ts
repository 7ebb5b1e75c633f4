import { describe, expect, it, vi } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { CLOSE } from '../../shared/src/index.js';
import { createBoard } from '../support/clients.js';
import { startTestServer, useTestServer } from '../support/in-process-server.js';
import { rawSocket } from '../support/raw-socket.js';

/**
 * Issue #10, presence: one presence message may not claim many client ids or
 * carry huge states, and no sequence of messages may either. The attacker is
 * a raw viewer socket; an observer (connected before) and a joiner (after)
 * record exactly what the server relays to them.
 */
const fixture = useTestServer();

/** 2 KiB per state (MAX_PRESENCE_STATE_BYTES), plus the identity the server stamps in. */
const STATE_LIMIT = 2048 + 256;

interface Entry { clientId: number; clock: number; state: string }

function awarenessUpdate(entries: readonly Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}

/** A socket that decodes every presence entry the server sends it, from the first message on. */
async function recorder(url: string, path: string): Promise<{ ws: WebSocket; entries: Entry[]; bytes: number[] }> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`);
  const entries: Entry[] = [];
  const bytes: number[] = [];
  ws.on('error', () => undefined);
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== 1) return;
    bytes.push(data.byteLength);
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    for (let n = decoding.readVarUint(update); n > 0; n--) {
      entries.push({ clientId: decoding.readVarUint(update), clock: decoding.readVarUint(update), state: decoding.readVarString(update) });
    }
  });
  await new Promise((resolve) => ws.once('open', resolve));
  return { ws, entries, bytes };
}

const ATTACK_IDS = (first: number) => (clientId: number) => clientId >= first && clientId < first + 10_000;

describe('presence limits (issue #10)', () => {
  it('a viewer claiming 1,500 ids with 7 MiB of states reaches peers and joiners with at most 4 small states', async () => {
    const board = await createBoard(fixture.server.url);
    const path = `/sync/${board.id}?token=${board.tokens.viewer}`;
    const observer = await recorder(fixture.server.url, path);
    const attacker = await rawSocket(fixture.server.url, path);
    fixture.open.push({ destroy: () => observer.ws.close() }, { destroy: () => attacker.close() });
    const isAttack = ATTACK_IDS(50_000);

    // Even ids: ~9.8 KB states (750 of them, 7.3 MB); odd ids: small ones.
    const big = JSON.stringify({ cursor: { x: 1, y: 1 }, pad: 'x'.repeat(9_800) });
    const first = Array.from({ length: 1_500 }, (_, i): Entry => ({
      clientId: 50_000 + i, clock: 1, state: i % 2 === 0 ? big : JSON.stringify({ cursor: { x: i, y: 0 } }),
    }));
    const message = awarenessUpdate(first);
    expect(message.byteLength).toBeGreaterThan(7 * 1024 * 1024);
    attacker.sendAwareness(message);
    // Then 1,500 more ids, then removing its states and adding new ids again.
    attacker.sendAwareness(awarenessUpdate(first.map((e) => ({ clientId: e.clientId + 2_000, clock: 1, state: '{"cursor":null}' }))));
    for (let round = 0; round < 5; round++) {
      attacker.sendAwareness(awarenessUpdate([50_001, 50_003, 50_005, 50_007].map((clientId) => ({ clientId, clock: 2 + round * 2, state: 'null' }))));
      attacker.sendAwareness(awarenessUpdate(Array.from({ length: 100 }, (_, i) => ({ clientId: 60_000 + round * 100 + i, clock: 1, state: '{}' }))));
      attacker.sendAwareness(awarenessUpdate([50_001, 50_003, 50_005, 50_007].map((clientId) => ({ clientId, clock: 3 + round * 2, state: '{"cursor":null}' }))));
    }
    // Processed in order: once this arrives everything before it was handled.
    attacker.sendAwareness(awarenessUpdate([{ clientId: 50_001, clock: 100, state: '{"marker":1}' }]));
    await vi.waitFor(() => expect(observer.entries.some((e) => e.clientId === 50_001 && e.state.includes('marker'))).toBe(true));

    const relayedIds = new Set(observer.entries.filter((e) => isAttack(e.clientId)).map((e) => e.clientId));
    expect(relayedIds.size).toBeLessThanOrEqual(4);
    expect(Math.max(...observer.entries.map((e) => e.state.length))).toBeLessThanOrEqual(STATE_LIMIT);
    expect(Math.max(...observer.bytes)).toBeLessThan(16 * 1024);

    const joiner = await recorder(fixture.server.url, path);
    fixture.open.push({ destroy: () => joiner.ws.close() });
    await vi.waitFor(() => expect(joiner.entries.map((e) => e.clientId)).toContain(50_001));
    expect(new Set(joiner.entries.filter((e) => isAttack(e.clientId)).map((e) => e.clientId)).size).toBeLessThanOrEqual(4);
    expect(Math.max(...joiner.bytes)).toBeLessThan(16 * 1024);
  });

  it('the board cap (MAX_PRESENCE_PER_BOARD) counts claims before anything is applied', async () => {
    const small = await startTestServer({ MAX_PRESENCE_PER_BOARD: '6' });
    try {
      const board = await createBoard(small.url);
      const path = `/sync/${board.id}?token=${board.tokens.viewer}`;
      const observer = await recorder(small.url, path);
      const sockets = await Promise.all([1, 2, 3].map(() => rawSocket(small.url, path)));
      // Three connections, each one message with 4 new ids: 12 asked, 6 fit.
      await Promise.all(sockets.map(async (socket, n) => {
        socket.sendAwareness(awarenessUpdate([0, 1, 2, 3].map((i) => ({ clientId: 70_000 + n * 10 + i, clock: 1, state: '{}' }))));
        // Answered on this socket after its message was handled (someone's states exist by then).
        const answered = new Promise((resolve) => socket.ws.on('message', (data: Buffer) => data[0] === 1 && resolve(undefined)));
        socket.ws.send(new Uint8Array([3]));
        await answered;
      }));
      const room = await small.rooms.peek(board.id);
      expect(room!.awareness.getStates().size).toBe(6);
      await vi.waitFor(() => expect(new Set(observer.entries.map((e) => e.clientId)).size).toBeGreaterThanOrEqual(6));
      expect(new Set(observer.entries.map((e) => e.clientId)).size).toBe(6);
      for (const s of sockets) s.close();
      observer.ws.close();
    } finally {
      await small.close();
    }
  });

  it('peers that come and go leave nothing behind in the room\'s presence', async () => {
    const board = await createBoard(fixture.server.url);
    const path = `/sync/${board.id}?token=${board.tokens.viewer}`;
    const stay = await recorder(fixture.server.url, path);
    fixture.open.push({ destroy: () => stay.ws.close() });
    for (let n = 0; n < 10; n++) {
      const visitor = await rawSocket(fixture.server.url, path);
      visitor.sendAwareness(awarenessUpdate([0, 1, 2, 3].map((i) => ({ clientId: 80_000 + n * 10 + i, clock: 1, state: '{}' }))));
      // Half remove their states before leaving (as the stock provider does), half just leave.
      if (n % 2 === 0) visitor.sendAwareness(awarenessUpdate([0, 1, 2, 3].map((i) => ({ clientId: 80_000 + n * 10 + i, clock: 2, state: 'null' }))));
      visitor.close();
      await visitor.closed;
    }
    const room = (await fixture.server.rooms.peek(board.id))!;
    // The room's own (empty) presence is the only clock left.
    await vi.waitFor(() => expect([room.awareness.getStates().size, [...room.awareness.meta.keys()]]).toEqual([0, [room.awareness.clientID]]));
  });

  it('a presence message declaring more entries than a board can hold is refused before it is read (4422)', async () => {
    const board = await createBoard(fixture.server.url);
    const attacker = await rawSocket(fixture.server.url, `/sync/${board.id}?token=${board.tokens.viewer}`);
    // 1.2 million well-formed entries of 6 bytes (7.2 MB): each a state of `0`, which is not an object.
    const entries = Array.from({ length: 1_200_000 }, (_, i): Entry => ({ clientId: 100_000 + i, clock: 1, state: '0' }));
    attacker.sendAwareness(awarenessUpdate(entries));
    expect(await attacker.closed).toMatchObject({ code: CLOSE.malformed });
  });
});
