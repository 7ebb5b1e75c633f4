import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Health, RedisState } from '../../server/src/http/health.js';
import { SqliteBoardStore } from '../../server/src/store/sqlite-store.js';
import { connect, createBoard } from '../support/clients.js';
import { flakyStore } from '../support/flaky-store.js';
import { startTestServer, type TestServer } from '../support/in-process-server.js';

/**
 * /healthz as a load balancer reads it (docs/scaling.md): the store's state,
 * probed at most once a second and at most one probe in flight, Redis's state
 * as reported, 503 when the store does not answer. Draining is drain.test.ts.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'tabella-health-'));
const store = flakyStore(new SqliteBoardStore(join(dataDir, 'tabella.sqlite')));
let redis: RedisState = 'off';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ DATA_DIR: dataDir }, { store, redis: () => redis });
});
afterAll(async () => {
  store.pingMode = 'answer';
  await server.close();
});

async function health(): Promise<{ status: number; body: Health; cache: string | null }> {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Health, cache: res.headers.get('cache-control') };
}

/** Polls until the store's last answer (cached up to 1 s) is the one wanted. */
async function untilStore(state: Health['store']): Promise<void> {
  await vi.waitFor(async () => expect((await health()).body.store).toBe(state), { timeout: 5_000, interval: 100 });
}

describe('/healthz', () => {
  it('answers 200 with the store, Redis and draining state, never cached', async () => {
    expect(await health()).toEqual({
      status: 200,
      body: { status: 'ok', store: 'ok', redis: 'off', draining: false, sockets: 0 },
      cache: 'no-store',
    });
  });

  it('answers 503 while the store refuses, and 200 again once it answers', async () => {
    store.pingMode = 'fail';
    await untilStore('unreachable');
    expect(await health()).toMatchObject({ status: 503, body: { status: 'unavailable', store: 'unreachable', draining: false } });
    store.pingMode = 'answer';
    await untilStore('ok');
    expect((await health()).status).toBe(200);
  });

  it('answers 503 while the store hangs, with one query in flight however many probes come', async () => {
    await untilStore('ok');
    store.pingMode = 'hang';
    await untilStore('unreachable');
    const before = store.pings;
    const storm = await Promise.all(Array.from({ length: 50 }, () => health()));
    expect(storm.every((h) => h.status === 503 && h.body.store === 'unreachable')).toBe(true);
    // The hung query is still the one in flight: no probe sent another.
    expect(store.pings).toBe(before);
    store.pingMode = 'answer';
    await untilStore('ok');
  });

  it('asks a healthy store at most once per second however often it is probed', async () => {
    await untilStore('ok');
    const before = store.pings;
    const started = Date.now();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await health()).status);
    // Cached for 1 s after each answer: probes one after another within that cost at most one query.
    if (Date.now() - started < 1_000) expect(store.pings - before).toBeLessThanOrEqual(1);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it('counts the websockets open on the node', async () => {
    const board = await createBoard(server.url);
    const viewer = connect(server.url, board.id, board.tokens.viewer);
    await viewer.synced;
    expect((await health()).body.sockets).toBe(1);
    viewer.destroy();
    await vi.waitFor(async () => expect((await health()).body.sockets).toBe(0));
  });

  it('reports Redis down and stays 200: the node keeps serving its boards', async () => {
    redis = 'down';
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', redis: 'down' } });
    redis = 'ok';
    expect((await health()).body.redis).toBe('ok');
  });
});
