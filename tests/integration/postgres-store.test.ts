import { Writable } from 'node:stream';
import pg from 'pg';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PgBoardStore } from '../../server/src/store/postgres-store.js';
import { startPostgres, type PostgresCluster } from '../support/postgres.js';

/**
 * What only a store several nodes share must do (the rest is the contract
 * suite, board-store.contract.test.ts): two PgBoardStore instances are two
 * nodes (two pools) on one real PostgreSQL.
 */
let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  await cluster?.destroy();
});

const open: PgBoardStore[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
async function node(url: string, log?: pino.Logger): Promise<PgBoardStore> {
  const store = await PgBoardStore.open(url, log);
  open.push(store);
  return store;
}

function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(text, text);
  return Y.encodeStateAsUpdate(doc);
}

function keys(updates: { data: Uint8Array }[]): string[] {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u.data);
  return [...doc.getMap('m').keys()].sort();
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('PgBoardStore shared by several nodes', () => {
  it('P1: two stores opening an empty database at once both succeed and the schema is made once', async () => {
    const url = await cluster.createDatabase();
    const stores = await Promise.all([node(url), node(url), node(url)]);
    const versions = await sql<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual([1]);
    await stores[0]!.createBoard({ id: 'boardA000000', createdAt: 1 }, [], update('a0'));
    expect(await stores[2]!.getBoard('boardA000000')).toEqual({ id: 'boardA000000', createdAt: 1 });
    // A later start finds it done and applies nothing.
    await node(url);
    expect(await sql(url, 'SELECT version FROM schema_migrations')).toHaveLength(1);
  });

  it('P2: concurrent appends from two nodes get gap-free, distinct seqs, stored in seq order', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = await Promise.all([node(url), node(url)]);
    await a.createBoard({ id: 'boardA000000', createdAt: 1 }, [], update('init'));
    const perNode = 150;
    const writes = (store: PgBoardStore, name: string) => Promise.all(range(1, perNode).map((i) => store.appendUpdate('boardA000000', update(`${name}${i}`))));
    const [seqsA, seqsB] = await Promise.all([writes(a, 'a'), writes(b, 'b')]);
    const all = [...seqsA, ...seqsB].sort((x, y) => x - y);
    expect(all).toEqual(range(2, 2 * perNode + 1));
    const stored = await b.loadUpdatesAfter('boardA000000', 0);
    expect(stored.head).toBe(2 * perNode + 1);
    expect(stored.updates.map((u) => u.seq)).toEqual(range(1, 2 * perNode + 1));
    expect(keys(stored.updates)).toHaveLength(2 * perNode + 1);
  });

  it('P3: compaction while another node appends loses nothing; a compaction running elsewhere makes this one a no-op', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = await Promise.all([node(url), node(url)]);
    await a.createBoard({ id: 'boardA000000', createdAt: 1 }, [], update('u0'));
    for (let i = 1; i <= 20; i++) await a.appendUpdate('boardA000000', update(`u${i}`));

    // Node B appends while node A compacts what it had read (seq <= upTo).
    const seen = await a.loadUpdatesAfter('boardA000000', 0);
    const appends = Promise.all(range(21, 60).map((i) => b.appendUpdate('boardA000000', update(`u${i}`))));
    await a.compact('boardA000000', Y.mergeUpdates(seen.updates.map((u) => u.data)), seen.head);
    await appends;
    const after = await b.loadUpdatesAfter('boardA000000', 0);
    expect(keys(after.updates)).toEqual(range(0, 60).map((i) => `u${i}`).sort());
    expect(after.updates[0]!.seq).toBe(seen.head); // the snapshot sits at upTo
    expect(after.updates.map((u) => u.seq)).toEqual(range(seen.head, 61));

    // Another node holds the compaction lock of this document: this compact changes nothing.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query("SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2, 0))", ['boardA000000', '']);
      await b.compact('boardA000000', update('lost'), 61);
      expect((await a.loadUpdatesAfter('boardA000000', 0)).updates.map((u) => u.seq)).toEqual(range(seen.head, 61));
      await holder.query('COMMIT');
    } finally {
      await holder.end();
    }
    // Released: the same compaction now replaces every row.
    const state = Y.mergeUpdates((await a.loadUpdatesAfter('boardA000000', 0)).updates.map((u) => u.data));
    await b.compact('boardA000000', state, 61);
    const compacted = await a.loadUpdatesAfter('boardA000000', 0);
    expect(compacted.updates.map((u) => u.seq)).toEqual([61]);
    expect(keys(compacted.updates)).toHaveLength(61);
    expect(await a.appendUpdate('boardA000000', update('u61'))).toBe(62);
  });

  it('P4: deleting a document keeps its head: its seqs never go back', async () => {
    const url = await cluster.createDatabase();
    const store = await node(url);
    await store.createBoard({ id: 'boardA000000', createdAt: 1 }, [], update('main'));
    expect(await store.appendUpdate('boardA000000', update('d1'), 'private/m1')).toBe(1);
    expect(await store.appendUpdate('boardA000000', update('d2'), 'private/m1')).toBe(2);
    await store.deleteDoc('boardA000000', 'private/m1');
    expect(await store.loadUpdatesAfter('boardA000000', 0, 'private/m1')).toEqual({ updates: [], head: 2 });
    expect(await store.appendUpdate('boardA000000', update('d3'), 'private/m1')).toBe(3);
  });

  it('P5: PostgreSQL stopped: calls and ping reject (no crash); restarted: the same store works again', async () => {
    const url = await cluster.createDatabase();
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }));
    const store = await node(url, log);
    await store.createBoard({ id: 'boardA000000', createdAt: 1 }, [], update('a0'));
    // Idle connections in the pool, which the stop cuts.
    await Promise.all(range(1, 5).map((i) => store.appendUpdate('boardA000000', update(`a${i}`))));

    await cluster.stop();
    try {
      const started = performance.now();
      await expect(store.ping()).rejects.toThrow();
      await expect(store.appendUpdate('boardA000000', update('lost'))).rejects.toThrow();
      await expect(store.loadUpdates('boardA000000')).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      await cluster.start();
    }
    // The dropped idle connections were reported, not thrown.
    expect(lines.some((l) => l.includes('postgres connection lost'))).toBe(true);
    await expect(store.ping()).resolves.toBeUndefined();
    expect(await store.appendUpdate('boardA000000', update('a6'))).toBe(7);
    expect(keys((await store.loadUpdatesAfter('boardA000000', 0)).updates)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
  });

  it('P6: an append that resolved survives kill -9 of PostgreSQL', async () => {
    const url = await cluster.createDatabase();
    const store = await node(url);
    await store.createBoard({ id: 'boardA000000', createdAt: 1 }, [], update('a0'));
    const seqs = await Promise.all(range(1, 20).map((i) => store.appendUpdate('boardA000000', update(`a${i}`))));
    cluster.kill();
    await cluster.start();
    const again = await node(url);
    const stored = await again.loadUpdatesAfter('boardA000000', 0);
    expect(stored.head).toBe(Math.max(...seqs));
    expect(keys(stored.updates)).toHaveLength(21);
  });
});
