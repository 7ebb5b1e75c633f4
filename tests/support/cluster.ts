import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { startPostgres, type PostgresCluster } from './postgres.js';
import { TestRedis } from './redis.js';
import { startTestServer, type TestServer } from './in-process-server.js';
import type { TestClient } from './clients.js';

export interface TestCluster {
  pg: PostgresCluster;
  redis: TestRedis | undefined;
  databaseUrl: string;
  nodes: TestServer[];
  close(): Promise<void>;
}

/**
 * Several real Tabella nodes in this process, on one throwaway PostgreSQL
 * database and (unless `redis: false`) one throwaway Redis: the deployment of
 * docs/scaling.md without the load balancer.
 */
export async function startCluster(options: { nodes?: number; redis?: boolean; env?: Record<string, string> } = {}): Promise<TestCluster> {
  const pg = await startPostgres();
  const redis = options.redis === false ? undefined : new TestRedis();
  await redis?.start();
  const databaseUrl = await pg.createDatabase();
  const nodes: TestServer[] = [];
  for (let i = 0; i < (options.nodes ?? 2); i++) {
    nodes.push(await startTestServer({
      DATABASE_URL: databaseUrl, ...(redis ? { REDIS_URL: redis.url } : {}), NODE_ID: `node${i}`, ...options.env,
    }));
  }
  return {
    pg, redis, databaseUrl, nodes,
    async close() {
      for (const node of nodes) await node.close().catch(() => undefined);
      await redis?.stop();
      await pg.destroy();
    },
  };
}

/**
 * A stock provider on `doc` (a fresh one by default) to one node: giving an
 * existing doc is how a browser moves to another node (its load balancer
 * sent the reconnect elsewhere) with everything it has.
 */
export function connectDoc(baseUrl: string, boardId: string, token: string, doc = new Y.Doc(), params: Record<string, string> = {}): TestClient {
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, boardId, doc, {
    params: { token, ...params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) resolve();
    });
  });
  return {
    doc, provider, closes, synced,
    destroy() {
      provider.destroy();
    },
  };
}
