import Database from 'better-sqlite3';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { addNote, localOrigin, readBoard } from '../../shared/src/index.js';
import { connect, createBoard, joinBoard, type TestClient } from '../support/clients.js';
import { ServerProcess } from '../support/server-process.js';
import { seededRandom } from '../support/random.js';

/**
 * Nothing acknowledged is lost: writers add uniquely numbered notes and record
 * which ones the server acknowledged (message 100, sent after the commit);
 * the server is killed with SIGKILL at random moments and restarted. After
 * every restart each acknowledged note is there, the database passes
 * `PRAGMA integrity_check`, and the server serves again within 5 s.
 * CI runs a quick mode; `npm run test:crash` runs the full 20 rounds with 60 writers.
 */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);
const WRITERS = Number(process.env.CRASH_WRITERS ?? 12);
const SEED = Number(process.env.CRASH_SEED ?? 42);


interface Writer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  author: { id: string; name: string; department: string };
  acked: number;
  /** Note id -> the writer's clock once that note was written. */
  written: Map<string, number>;
}

const server = new ServerProcess(undefined, { PING_INTERVAL_MS: '2000' });
const writers: Writer[] = [];
const others: TestClient[] = [];

afterAll(async () => {
  for (const w of writers) {
    w.provider.destroy();
    w.doc.destroy();
  }
  for (const c of others) c.destroy();
  await server.kill();
});

async function healthy(url: string, deadlineMs: number): Promise<number> {
  const start = performance.now();
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return performance.now() - start;
    } catch {
      // not up yet
    }
    if (performance.now() - start > deadlineMs) throw new Error('server did not come back in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('crash safety', () => {
  it(`keeps every acknowledged note across ${ROUNDS} SIGKILLs with ${WRITERS} writers`, { timeout: 60_000 + ROUNDS * 30_000 }, async () => {
    const rnd = seededRandom(SEED);
    const url = await server.start();
    const board = await createBoard(url);
    const stages = await (async () => {
      const v = connect(url, board.id, board.tokens.viewer);
      others.push(v);
      await v.synced;
      return readBoard(v.doc).segments.flatMap((s) => s.stages.map((st) => st.id));
    })();
    for (let i = 0; i < WRITERS; i++) {
      const { memberId, session } = await joinBoard(url, board.id, board.tokens.participant, `Writer ${i}`, 'sales');
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`${url.replace('http', 'ws')}/sync`, board.id, doc, {
        params: { token: session, ack: '1' },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 250,
      });
      const writer: Writer = { doc, provider, author: { id: memberId, name: `Writer ${i}`, department: 'sales' }, acked: 0, written: new Map() };
      provider.messageHandlers[100] = (_encoder, decoder) => {
        for (let n = decoding.readVarUint(decoder); n > 0; n--) {
          const client = decoding.readVarUint(decoder);
          const clock = decoding.readVarUint(decoder);
          if (client === doc.clientID) writer.acked = Math.max(writer.acked, clock);
        }
      };
      provider.messageHandlers[101] = (_encoder, decoder) => void decoding.readVarUint(decoder);
      writers.push(writer);
    }
    await vi.waitFor(() => expect(writers.every((w) => w.provider.synced)).toBe(true), { timeout: 20_000 });

    let serial = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Write for a random while, then kill without warning.
      const until = performance.now() + 150 + rnd() * 600;
      while (performance.now() < until) {
        const w = writers[Math.floor(rnd() * writers.length)]!;
        if (w.provider.synced) {
          const id = addNote(w.doc, { stageId: stages[serial % stages.length]!, text: `note #${serial++}` }, w.author, localOrigin(w.author.id));
          w.written.set(id, Y.getState(w.doc.store, w.doc.clientID));
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      const acknowledged = writers.flatMap((w) => [...w.written].filter(([, clock]) => clock <= w.acked).map(([id]) => id));
      await server.kill();
      const startedAt = performance.now();
      await server.start();
      const upIn = await healthy(url, 5_000);
      expect(performance.now() - startedAt).toBeLessThan(5_000);
      void upIn;

      const db = new Database(join(server.dataDir, 'tabella.sqlite'), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      const check = connect(url, board.id, board.tokens.viewer);
      others.push(check);
      await check.synced;
      const present = readBoard(check.doc).notesById;
      const missing = acknowledged.filter((id) => !present.has(id));
      expect(missing, `round ${round}: acknowledged notes lost`).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(0);
      check.destroy();
      // Writers reconnect by themselves before the next round.
      await vi.waitFor(() => expect(writers.every((w) => w.provider.wsconnected && w.provider.synced)).toBe(true), { timeout: 15_000 });
    }
    // In the end, everything written (acknowledged or not) reaches the server once the writers resync.
    const all = writers.flatMap((w) => [...w.written.keys()]);
    const final = connect(url, board.id, board.tokens.viewer);
    others.push(final);
    await vi.waitFor(() => {
      const notes = readBoard(final.doc).notesById;
      expect(all.filter((id) => !notes.has(id))).toEqual([]);
    }, { timeout: 20_000 });
  });
});
