import * as Y from 'yjs';
import { startPostgres, type PostgresCluster } from './postgres.js';
import { TestRedis } from './redis.js';
import { startTestServer, type TestServer } from './in-process-server.js';
import { connect, type TestClient } from './clients.js';

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

/** A stock provider on `doc` to one node (clients.ts `connect`): how a browser moves to another node. */
export function connectDoc(baseUrl: string, boardId: string, token: string, doc = new Y.Doc(), params: Record<string, string> = {}): TestClient {
  return connect(baseUrl, boardId, token, { doc, params });
}
