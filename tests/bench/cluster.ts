import { startPostgres } from '../support/postgres.js';
import { TestRedis } from '../support/redis.js';
import { EngineCounters, engineUsage, type EngineReading, type EngineUsage } from './engines.js';
import type { LatencySummary } from './latency.js';
import { runWorkshop, type ServerUsage, type WorkshopOptions } from './scenarios.js';
import { BenchServer } from './servers.js';

export interface ClusterResult {
  kind: 'tabella';
  nodes: number;
  boards: number;
  clients: number;
  client: 'stock' | 'lean';
  /** Every sender -> receiver pair of every room. */
  latency: LatencySummary;
  /** Pairs whose sender and receiver are on the same node / on different nodes (through PostgreSQL and Redis). */
  sameNode: LatencySummary;
  crossNode: LatencySummary;
  errors: string[];
  /** One per node. */
  usage: ServerUsage[];
  /** PostgreSQL's and Redis's work over the measured window (all boards together). */
  engines: EngineUsage;
  /** When and how these figures were measured (set by run.ts: the scenarios are often run alone, `--only=8`). */
  measured?: { date: string; command: string; load?: string };
}

/**
 * Scenarios 8-10: the workshop workload on `nodes` Tabella nodes, each its
 * own process, sharing a throwaway PostgreSQL database and Redis (the
 * deployment of docs/scaling.md without the load balancer: each person
 * connects to a node directly, rooms split evenly over the nodes).
 */
export async function clusterWorkshop(o: WorkshopOptions & { nodes: number }): Promise<ClusterResult> {
  const postgres = await startPostgres();
  const redis = new TestRedis();
  const servers: BenchServer[] = [];
  let counters: EngineCounters | undefined;
  try {
    await redis.start();
    const databaseUrl = await postgres.createDatabase();
    for (let i = 0; i < o.nodes; i++) {
      const server = new BenchServer('tabella', { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, NODE_ID: `node${i}` });
      servers.push(server);
      await server.start();
    }
    const engines = new EngineCounters(databaseUrl, redis.url);
    counters = engines;
    await engines.open();
    const readings: EngineReading[] = [];
    const run = await runWorkshop('tabella', servers, o, {
      start: async () => void readings.push(await engines.read()),
      end: async () => void readings.push(await engines.read()),
    });
    const sameNode = (sender: number, receiver: number) => run.serverOf.get(sender) === run.serverOf.get(receiver);
    return {
      kind: 'tabella', nodes: o.nodes, boards: o.boards, clients: run.clients, client: o.client,
      latency: run.tracker.summary(), sameNode: run.tracker.summary(sameNode),
      crossNode: run.tracker.summary((sender, receiver) => !sameNode(sender, receiver)),
      errors: run.errors, usage: run.usage, engines: engineUsage(readings[0]!, readings[1]!),
    };
  } finally {
    await counters?.close();
    for (const server of servers) await server.stop();
    await redis.stop();
    await postgres.destroy();
  }
}
