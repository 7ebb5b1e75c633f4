import type { Health } from '../../server/src/http/health.js';
import { freePort } from './free-port.js';
import { Haproxy } from './haproxy.js';
import { startPostgres, type PostgresCluster } from './postgres.js';
import { TestRedis } from './redis.js';
import { ServerProcess } from './server-process.js';

/**
 * N built Tabella nodes behind HAProxy (docs/deploy/haproxy.cfg) on one
 * throwaway PostgreSQL and one throwaway Redis, as docs/scaling.md deploys
 * them. `seed` prepares boards and members through the first node before
 * the balancer opens; tests then go through `url`.
 */
export interface BalancedCluster<T> {
  /** The balancer: what browsers and providers connect to. */
  url: string;
  nodes: ServerProcess[];
  haproxy: Haproxy;
  pg: PostgresCluster;
  redis: TestRedis;
  seeded: T;
  /** Each node's /healthz, asked directly (not through the balancer); undefined for a node that does not answer. */
  health(): Promise<(Health | undefined)[]>;
  stop(): Promise<void>;
}

export async function startBalancedCluster<T>(
  options: { nodes?: number; env?: Record<string, string>; seed: (url: string) => Promise<T> },
): Promise<BalancedCluster<T>> {
  const pg = await startPostgres();
  const redis = new TestRedis();
  await redis.start();
  const databaseUrl = await pg.createDatabase();
  // Every node is told the balancer's URL (docs/scaling.md): its links point there, and
  // browsers' websockets from that origin are allowed.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const nodes = Array.from({ length: options.nodes ?? 2 }, (_, i) => new ServerProcess(undefined, {
    PUBLIC_URL: url, DATABASE_URL: databaseUrl, REDIS_URL: redis.url, NODE_ID: `node${i}`, ...options.env,
  }));
  await Promise.all(nodes.map((node) => node.start()));
  const seeded = await options.seed(nodes[0]!.url);
  const haproxy = await Haproxy.start(nodes.map((node) => new URL(node.url).host), port);
  return {
    url: haproxy.url,
    nodes,
    haproxy,
    pg,
    redis,
    seeded,
    async health() {
      return Promise.all(
        nodes.map(async (node) => {
          try {
            return (await (await fetch(`${node.url}/healthz`, { signal: AbortSignal.timeout(3_000) })).json()) as Health;
          } catch {
            return undefined;
          }
        }),
      );
    },
    async stop() {
      await haproxy.stop();
      for (const node of nodes) await node.kill();
      await redis.stop();
      await pg.destroy();
    },
  };
}
