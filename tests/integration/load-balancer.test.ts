import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readBoard } from '../../shared/src/index.js';
import { ackingWriter, type AckingWriter } from '../support/acking-writer.js';
import { connect, createBoard, joinBoard, type TestClient } from '../support/clients.js';
import { startBalancedCluster, type BalancedCluster } from '../support/balanced-cluster.js';

/**
 * Two real nodes behind Debian's HAProxy running docs/deploy/haproxy.cfg
 * (docs/scaling.md): HTTP and websockets pass through it, `leastconn`
 * spreads sockets, a node that is stopped or hangs is taken out by the
 * /healthz checks and its people land on the other node, and a node that
 * drains (SIGTERM) hands its people over without losing anything acknowledged.
 * Needs `npm run build` and haproxy (/usr/sbin/haproxy, or HAPROXY_BIN).
 */
async function seed(url: string) {
  // One board per test that writes: with a store per node (SQLite, see cluster.ts) what one
  // test wrote on one node would be missing on the other, and the next test's writer would
  // resend it there as if it were its own (refused: R5).
  const board = await createBoard(url);
  const writer = await joinBoard(url, board.id, board.tokens.participant, 'Writer', 'sales');
  const moversBoard = await createBoard(url);
  const mover = await joinBoard(url, moversBoard.id, moversBoard.tokens.participant, 'Mover', 'sales');
  return { board, writer, moversBoard, mover };
}

let cluster: BalancedCluster<Awaited<ReturnType<typeof seed>>>;
const open: (TestClient | AckingWriter)[] = [];

beforeAll(async () => {
  cluster = await startBalancedCluster({ nodes: 2, seed });
}, 60_000);
afterAll(async () => {
  for (const c of open) c.destroy();
  await cluster?.stop();
});

/** Open websockets per node, each node asked directly. */
async function sockets(): Promise<(number | undefined)[]> {
  return (await cluster.health()).map((h) => h?.sockets);
}

/** Waits until HAProxy's log says `node` changed to `state` for the n-th time. */
async function until(node: string, state: 'UP' | 'DOWN', nth: number): Promise<void> {
  const pattern = new RegExp(`tabella_nodes/${node} is ${state}`, 'g');
  await vi.waitFor(() => expect((cluster.haproxy.logs.match(pattern) ?? []).length).toBeGreaterThanOrEqual(nth), { timeout: 15_000, interval: 100 });
}

/** Opens a client through the balancer and returns it with the index of the node it landed on. */
async function placed<C extends { provider: { synced: boolean } }>(open: () => C): Promise<{ client: C; node: number }> {
  const before = await sockets();
  const client = open();
  await vi.waitFor(() => expect(client.provider.synced).toBe(true), { timeout: 10_000 });
  let node = -1;
  await vi.waitFor(async () => {
    const after = await sockets();
    node = after.findIndex((n, i) => (n ?? 0) > (before[i] ?? 0));
    expect(node).toBeGreaterThanOrEqual(0);
  });
  return { client, node };
}

function viewer(board = cluster.seeded.board): TestClient {
  const c = connect(cluster.url, board.id, board.tokens.viewer);
  open.push(c);
  return c;
}

function writerNamed(who: 'writer' | 'mover'): AckingWriter {
  const { memberId, session } = cluster.seeded[who];
  const name = who === 'writer' ? 'Writer' : 'Mover';
  const board = who === 'writer' ? cluster.seeded.board : cluster.seeded.moversBoard;
  const w = ackingWriter(cluster.url, board.id, session, { id: memberId, name, department: 'sales' }, { maxBackoffTime: 300 });
  open.push(w);
  return w;
}

function closeAll(): void {
  for (const c of open.splice(0)) c.destroy();
}

describe('two nodes behind HAProxy', () => {
  it('runs the configuration docs/scaling.md shows, character for character', () => {
    const doc = readFileSync(new URL('../../docs/scaling.md', import.meta.url), 'utf8');
    const shown = /```haproxy\n(# HAProxy in front[\s\S]*?)```/.exec(doc)?.[1];
    expect(shown).toBe(readFileSync(new URL('../../docs/deploy/haproxy.cfg', import.meta.url), 'utf8'));
  });

  it('passes HTTP and websockets through, and leastconn puts two sockets on two nodes', async () => {
    const { board } = cluster.seeded;
    const info = await fetch(`${cluster.url}/api/boards/${board.id}?token=${board.tokens.viewer}`);
    expect(info.status).toBe(200);
    expect(await sockets()).toEqual([0, 0]);

    const a = await placed(() => viewer());
    const b = await placed(() => viewer());
    expect([a.node, b.node].sort()).toEqual([0, 1]);
    expect(await sockets()).toEqual([1, 1]);
    for (const { client } of [a, b]) expect(readBoard(client.doc).meta.title).toBe('Test workshop');
    closeAll();
    await vi.waitFor(async () => expect(await sockets()).toEqual([0, 0]));
  });

  it('takes a stopped node out: every new connection and request goes to the other', async () => {
    const node2 = cluster.nodes[1]!;
    await node2.kill();
    await until('node2', 'DOWN', 1);
    for (let i = 0; i < 4; i++) await placed(() => viewer());
    expect((await sockets())[0]).toBe(4);
    for (let i = 0; i < 10; i++) expect((await fetch(`${cluster.url}/api/time`)).status).toBe(200);
    closeAll();

    await node2.start();
    await until('node2', 'UP', 1);
    await vi.waitFor(async () => expect(await sockets()).toEqual([0, 0]));
  });

  it('takes a hung node out and cuts its sockets: its people reconnect to the other node and keep writing', async () => {
    const watcher = await placed(() => viewer(cluster.seeded.moversBoard));
    const mover = await placed(() => writerNamed('mover'));
    expect(mover.node).not.toBe(watcher.node);
    const hung = cluster.nodes[mover.node]!;
    const name = `node${mover.node + 1}`;
    const downs = (cluster.haproxy.logs.match(new RegExp(`${name} is DOWN`, 'g')) ?? []).length;

    hung.send('SIGSTOP');
    try {
      await until(name, 'DOWN', downs + 1);
      // HAProxy cut the hung node's websocket; the stock provider came back through it, to the healthy node.
      await vi.waitFor(async () => expect((await sockets())[watcher.node]).toBe(2), { timeout: 15_000 });
      const stageId = readBoard(mover.client.doc).segments[0]!.stages[0]!.id;
      const note = mover.client.write(stageId, 'written after moving');
      await vi.waitFor(() => expect(mover.client.acked).toBe(note.clock), { timeout: 10_000 });
      await vi.waitFor(() => expect(readBoard(watcher.client.doc).notesById.has(note.id)).toBe(true));
    } finally {
      hung.send('SIGCONT');
    }
    await until(name, 'UP', downs + 1);
    closeAll();
  });

  it('SIGTERM of a node: its people reconnect through HAProxy to the other node and nothing acknowledged is lost', async () => {
    await vi.waitFor(async () => expect(await sockets()).toEqual([0, 0]));
    const watcher = await placed(() => viewer());
    const writer = await placed(() => writerNamed('writer'));
    expect(writer.node).not.toBe(watcher.node);
    const drained = cluster.nodes[writer.node]!;
    const stages = readBoard(writer.client.doc).segments.flatMap((s) => s.stages.map((st) => st.id));

    // Writing never stops while the node drains and the writer moves.
    let n = 0;
    const writing = setInterval(() => writer.client.write(stages[n % stages.length]!, `note ${n++}`), 10);
    let acknowledgedBefore: string[];
    try {
      await vi.waitFor(() => expect(writer.client.acknowledged().length).toBeGreaterThan(10), { timeout: 10_000 });
      expect(await drained.stop()).toBe(0);
      acknowledgedBefore = writer.client.acknowledged();
      expect(writer.client.closeCodes).toContain(1001);
      // Back through the balancer, on the node still up.
      await vi.waitFor(async () => expect((await sockets())[watcher.node]).toBe(2), { timeout: 15_000 });
      const resumed = writer.client.written.size;
      await vi.waitFor(() => expect(writer.client.written.size).toBeGreaterThan(resumed + 10));
    } finally {
      clearInterval(writing);
    }
    const last = Math.max(...writer.client.written.values());
    await vi.waitFor(() => expect(writer.client.acked).toBe(last), { timeout: 10_000 });

    const fresh = viewer();
    await fresh.synced;
    const notes = readBoard(fresh.doc).notesById;
    expect(acknowledgedBefore.filter((id) => !notes.has(id))).toEqual([]);
    expect([...writer.client.written.keys()].filter((id) => !notes.has(id))).toEqual([]);
    await vi.waitFor(() => expect(readBoard(watcher.client.doc).notesById.size).toBe(notes.size));
  });
});
