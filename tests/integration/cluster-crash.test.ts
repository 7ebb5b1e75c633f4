import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { addNote, localOrigin, readBoard } from '../../shared/src/index.js';
import { connect, createBoard, joinBoard, type TestClient } from '../support/clients.js';
import { startPostgres, type PostgresCluster } from '../support/postgres.js';
import { seededRandom } from '../support/random.js';
import { TestRedis } from '../support/redis.js';
import { ServerProcess } from '../support/server-process.js';

/**
 * kill -9 of one node of two, under 30 writers spread over both: every note
 * any node acknowledged (message 100, sent after PostgreSQL committed it) is
 * there afterwards, on the surviving node, without a restart; and once the
 * dead node's writers reconnect to the survivor (as a load balancer would
 * send them), everything they wrote arrives.
 */
const WRITERS = 30;

interface Writer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  author: { id: string; name: string; department: string };
  session: string;
  acked: number;
  node: number;
  written: Map<string, number>;
}

let pg: PostgresCluster;
const redis = new TestRedis();
const nodes: ServerProcess[] = [];
const writers: Writer[] = [];
const others: TestClient[] = [];

beforeAll(async () => {
  pg = await startPostgres();
  await redis.start();
  const databaseUrl = await pg.createDatabase();
  for (const name of ['a', 'b']) {
    const node = new ServerProcess(undefined, { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, NODE_ID: name, PING_INTERVAL_MS: '2000' });
    await node.start();
    nodes.push(node);
  }
}, 60_000);

afterAll(async () => {
  for (const w of writers) {
    w.provider.destroy();
    w.doc.destroy();
  }
  for (const c of others) c.destroy();
  for (const node of nodes) await node.kill();
  await redis.stop();
  await pg.destroy();
});

function writerProvider(url: string, boardId: string, session: string, doc: Y.Doc, onAck: (clock: number) => void): WebsocketProvider {
  const provider = new WebsocketProvider(`${url.replace('http', 'ws')}/sync`, boardId, doc, {
    params: { token: session, ack: '1' },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 250,
  });
  provider.messageHandlers[100] = (_encoder, decoder) => {
    for (let n = decoding.readVarUint(decoder); n > 0; n--) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      if (client === doc.clientID) onAck(clock);
    }
  };
  provider.messageHandlers[101] = (_encoder, decoder) => void decoding.readVarUint(decoder);
  return provider;
}

describe('kill -9 of one node of two', () => {
  it(`loses no acknowledged note of ${WRITERS} writers`, { timeout: 90_000 }, async () => {
    const rnd = seededRandom(7);
    const [a, b] = [nodes[0]!, nodes[1]!];
    const board = await createBoard(a.url);
    const viewer = connect(b.url, board.id, board.tokens.viewer);
    others.push(viewer);
    await viewer.synced;
    const stages = readBoard(viewer.doc).segments.flatMap((s) => s.stages.map((st) => st.id));
    for (let i = 0; i < WRITERS; i++) {
      const on = i % 2;
      const { memberId, session } = await joinBoard(nodes[on]!.url, board.id, board.tokens.participant, `Writer ${i}`, 'sales');
      const doc = new Y.Doc();
      const writer: Writer = {
        doc, session, node: on, acked: 0, written: new Map(),
        author: { id: memberId, name: `Writer ${i}`, department: 'sales' },
        provider: undefined as unknown as WebsocketProvider,
      };
      writer.provider = writerProvider(nodes[on]!.url, board.id, session, doc, (clock) => (writer.acked = Math.max(writer.acked, clock)));
      writers.push(writer);
    }
    await vi.waitFor(() => expect(writers.every((w) => w.provider.synced)).toBe(true), { timeout: 20_000 });

    let serial = 0;
    const acknowledgedNow = () => writers.flatMap((w) => [...w.written].filter(([, clock]) => clock <= w.acked).map(([id]) => id));
    // Write until both nodes have acknowledged a fair number (however busy the machine), then a random while more.
    const deadline = performance.now() + 30_000;
    let until = Infinity;
    while (performance.now() < Math.min(until, deadline)) {
      if (until === Infinity && acknowledgedNow().length > 50 && writers.some((w) => w.node === 0 && w.acked > 0)) {
        until = performance.now() + rnd() * 500;
      }
      const w = writers[Math.floor(rnd() * writers.length)]!;
      const id = addNote(w.doc, { stageId: stages[serial % stages.length]!, text: `note #${serial++}` }, w.author, localOrigin(w.author.id));
      w.written.set(id, Y.getState(w.doc.store, w.doc.clientID));
      await new Promise((r) => setTimeout(r, 2));
    }
    const acknowledged = acknowledgedNow();
    expect(acknowledged.length).toBeGreaterThan(50);
    expect(writers.filter((w) => w.node === 0 && w.acked > 0).length).toBeGreaterThan(0);
    await a.kill();

    // The survivor holds every acknowledged note, A's included, without a restart.
    await vi.waitFor(() => {
      const present = readBoard(viewer.doc).notesById;
      expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    }, { timeout: 10_000 });
    const fresh = connect(b.url, board.id, board.tokens.viewer);
    others.push(fresh);
    await fresh.synced;
    expect(acknowledged.filter((id) => !readBoard(fresh.doc).notesById.has(id))).toEqual([]);

    // A's writers are sent to B, with everything they wrote: nothing is lost, acknowledged or not.
    for (const w of writers.filter((x) => x.node === 0)) {
      w.provider.destroy();
      w.provider = writerProvider(b.url, board.id, w.session, w.doc, (clock) => (w.acked = Math.max(w.acked, clock)));
    }
    const all = writers.flatMap((w) => [...w.written.keys()]);
    await vi.waitFor(() => {
      const notes = readBoard(viewer.doc).notesById;
      expect(all.filter((id) => !notes.has(id))).toEqual([]);
    }, { timeout: 20_000 });
  });
});
