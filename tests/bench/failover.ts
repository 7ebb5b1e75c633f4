/**
 * How fast HAProxy (docs/deploy/haproxy.cfg) takes a node out and a person
 * lands on the other node, for docs/scaling.md: `npm run build`, then
 * `npx tsx tests/bench/failover.ts [rounds]`. Two real nodes and Debian's
 * HAProxy (tests/support/cluster.ts); each round measures
 * - kill -9 of node 2 until HAProxy logs it DOWN, and its restart until UP;
 * - SIGSTOP (a hung node) until DOWN, and until a viewer that was on it is
 *   connected again (to node 1: `on-marked-down shutdown-sessions`);
 * - SIGTERM (drain) until a viewer that was on it is connected again, and until the process exited.
 * Prints one JSON line per round, milliseconds.
 */
import { connect, createBoard, type TestClient } from '../support/clients.js';
import { startBalancedCluster } from '../support/balanced-cluster.js';

type Cluster = Awaited<ReturnType<typeof startBalancedCluster<Awaited<ReturnType<typeof createBoard>>>>>;

async function until(condition: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Times HAProxy logged node2 going `state`. */
function count(cluster: Cluster, state: 'UP' | 'DOWN'): number {
  return (cluster.haproxy.logs.match(new RegExp(`tabella_nodes/node2 is ${state}`, 'g')) ?? []).length;
}

/** node2 in rotation again and answering: as many UPs as DOWNs logged, and a healthy /healthz. */
async function node2Back(cluster: Cluster): Promise<void> {
  await until(async () => count(cluster, 'DOWN') === count(cluster, 'UP') && (await cluster.health())[1]?.status === 'ok');
}

/** Two viewers, one per node (leastconn); resolves with the time the first of them is connected again after `t0()`. */
async function pairOnBothNodes(cluster: Cluster): Promise<{ viewers: TestClient[]; reconnected: () => number }> {
  const viewers: TestClient[] = [];
  for (let i = 0; i < 2; i++) {
    const v = connect(cluster.url, cluster.seeded.id, cluster.seeded.tokens.viewer);
    await v.synced;
    viewers.push(v);
  }
  await until(async () => (await cluster.health()).every((h) => h?.sockets === 1));
  let at = 0;
  for (const v of viewers) v.provider.on('status', (e: { status: string }) => void (e.status === 'connected' && !at && (at = Date.now())));
  return { viewers, reconnected: () => at };
}

async function round(cluster: Cluster) {
  const node2 = cluster.nodes[1]!;
  let t = Date.now();
  let downs = count(cluster, 'DOWN');
  await node2.kill();
  await until(() => count(cluster, 'DOWN') > downs);
  const killedToDown = Date.now() - t;
  t = Date.now();
  await node2.start();
  await node2Back(cluster);
  const restartToUp = Date.now() - t;

  const hung = await pairOnBothNodes(cluster);
  downs = count(cluster, 'DOWN');
  t = Date.now();
  node2.send('SIGSTOP');
  await until(() => count(cluster, 'DOWN') > downs);
  const hungToDown = Date.now() - t;
  await until(() => hung.reconnected() > 0);
  const hungToReconnected = hung.reconnected() - t;
  node2.send('SIGCONT');
  for (const v of hung.viewers) v.destroy();
  await node2Back(cluster);
  await until(async () => (await cluster.health()).every((h) => h?.sockets === 0));

  const drained = await pairOnBothNodes(cluster);
  t = Date.now();
  const { exited } = node2.send('SIGTERM');
  await until(() => drained.reconnected() > 0);
  const sigtermToReconnected = drained.reconnected() - t;
  const code = await exited;
  const sigtermToExit = Date.now() - t;
  for (const v of drained.viewers) v.destroy();
  await node2.start();
  await node2Back(cluster);
  await until(async () => (await cluster.health()).every((h) => h?.sockets === 0));
  return { killedToDown, restartToUp, hungToDown, hungToReconnected, sigtermToReconnected, sigtermToExit, sigtermExitCode: code };
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const cluster = await startBalancedCluster({ nodes: 2, seed: (url) => createBoard(url) });
  try {
    for (let i = 0; i < rounds; i++) console.log(JSON.stringify({ round: i + 1, ...(await round(cluster)) }));
  } finally {
    await cluster.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
