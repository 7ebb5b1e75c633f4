import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Health } from '../../server/src/http/health.js';
import { freePort } from './free-port.js';
import { Haproxy } from './haproxy.js';
import { ServerProcess } from './server-process.js';

/**
 * N built Tabella nodes behind HAProxy (docs/deploy/haproxy.cfg), as
 * docs/scaling.md deploys them. `seed` prepares boards and members once,
 * on the first node, before the balancer opens; tests then go through `url`.
 *
 * Today each node keeps its own SQLite file (two processes must not share
 * one): the seeded boards are copied to every node, so any node can serve
 * them, but a change made on one node never reaches another. When the nodes
 * run on PostgreSQL + Redis (issue 14) this helper starts those instead and
 * `sharedStore` is true; the tests are written for that and hold for both
 * wherever they do not need changes to cross nodes.
 */
export interface Cluster<T> {
  /** The balancer: what browsers and providers connect to. */
  url: string;
  nodes: ServerProcess[];
  haproxy: Haproxy;
  seeded: T;
  /** The nodes share one store and hear each other; false while each node has its own SQLite copy. */
  sharedStore: boolean;
  /** Each node's /healthz, asked directly (not through the balancer); undefined for a node that does not answer. */
  health(): Promise<(Health | undefined)[]>;
  stop(): Promise<void>;
}

export async function startCluster<T>(options: { nodes?: number; env?: Record<string, string>; seed: (url: string) => Promise<T> }): Promise<Cluster<T>> {
  const count = options.nodes ?? 2;
  // Every node is told the balancer's URL (docs/scaling.md): its links point there, and
  // browsers' websockets from that origin are allowed.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const nodes = Array.from({ length: count }, () => new ServerProcess(undefined, { PUBLIC_URL: url, ...options.env }));
  const first = nodes[0]!;
  await first.start();
  const seeded = await options.seed(first.url);
  // A clean stop checkpoints SQLite's WAL into the file, so one file is the whole store.
  const code = await first.stop();
  if (code !== 0) throw new Error(`seeding node did not stop cleanly (${code}):\n${first.logs}`);
  const file = join(first.dataDir, 'tabella.sqlite');
  if (existsSync(`${file}-wal`)) throw new Error('the seeding node left a WAL behind: the copies would miss its content');
  for (const node of nodes.slice(1)) copyFileSync(file, join(node.dataDir, 'tabella.sqlite'));
  await Promise.all(nodes.map((node) => node.start()));
  const haproxy = await Haproxy.start(nodes.map((node) => new URL(node.url).host), port);
  return {
    url: haproxy.url,
    nodes,
    haproxy,
    seeded,
    sharedStore: false,
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
    },
  };
}
