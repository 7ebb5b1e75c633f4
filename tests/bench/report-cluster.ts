import type { ClusterResult } from './cluster.js';
import type { LatencySummary } from './latency.js';
import { fmt, verdict, type Row } from './report-format.js';

const NO_REFERENCE = 'n/a (no cluster)';

/**
 * Rows of a scale-out scenario (8-10, cluster.ts): latency with its target,
 * nothing lost, each node's CPU, and what PostgreSQL and Redis did per active
 * workshop, so an operator can size them (docs/scaling.md).
 * `crossNode`: the target compares cross-node with same-node pairs of the
 * same run (p99 cross <= 1.5 x p99 same + 5 ms); `p99`: a plain p99 target, ms.
 */
export function clusterRows(label: string, c: ClusterResult | undefined, target: { crossNode?: true; p99?: number }): Row[] {
  if (!c) return [];
  const perNode = c.clients / c.nodes;
  const name = `${label} (${c.boards} board${c.boards > 1 ? 's' : ''} x ${c.clients / c.boards} clients on ${c.nodes} nodes, ${perNode} per node; ${c.client === 'stock' ? 'stock providers' : 'lean clients'})`;
  const row = (measure: string, goal: string, value: string, ok?: boolean): Row => [name, measure, goal, value, NO_REFERENCE, '', verdict(ok)];
  const spread = (l: LatencySummary) => `${fmt(l.p50)} / ${fmt(l.p95)}`;
  const rows: Row[] = [];
  rows.push(row('edit fan-out p50 / p95 ms, all pairs', '', spread(c.latency)));
  rows.push(row('edit fan-out p99 ms, all pairs', target.p99 !== undefined ? `<= ${target.p99}` : '', fmt(c.latency.p99),
    target.p99 !== undefined ? c.latency.p99 <= target.p99 : undefined));
  if (target.crossNode) {
    const limit = 1.5 * c.sameNode.p99 + 5;
    rows.push(row('same-node pairs: p50 / p95 / p99 ms', '', `${spread(c.sameNode)} / ${fmt(c.sameNode.p99)}`));
    rows.push(row('cross-node pairs: p50 / p95 / p99 ms', '', `${spread(c.crossNode)} / ${fmt(c.crossNode.p99)}`));
    rows.push(row('cross-node p99 ms', `<= 1.5 x same-node p99 + 5 (${fmt(limit)})`, fmt(c.crossNode.p99), c.crossNode.p99 <= limit));
  } else {
    rows.push(row('edit fan-out p99 ms, same-node / cross-node pairs', '', `${fmt(c.sameNode.p99)} / ${fmt(c.crossNode.p99)}`));
  }
  rows.push(row('edit fan-out max ms', '', fmt(c.latency.max)));
  rows.push(row('edits sent / deliveries expected (cross-node)', '', `${c.latency.sent} / ${c.latency.expected} (${c.crossNode.expected})`));
  rows.push(row('lost deliveries (cross-node)', '0', `${c.latency.lost} (${c.crossNode.lost})`, c.latency.lost === 0));
  rows.push(row('errors (closes, refused ops, notes not converged on a node)', '0', String(c.errors.length), c.errors.length === 0));
  const nodes = (f: (u: ClusterResult['usage'][number]) => string) => c.usage.map(f).join(' / ');
  rows.push(row('server CPU per node, % of one core', '', nodes((u) => fmt(u.cpuPercent))));
  rows.push(row('server event-loop delay p99 per node ms', '', nodes((u) => fmt(u.loopP99Ms))));
  rows.push(row('server peak RSS per node MB', '', nodes((u) => fmt(u.peakRssMb))));
  rows.push(row('harness CPU (all client threads), % of one core', '', fmt(c.usage[0]?.harnessCpuPercent)));
  const e = c.engines;
  const per = (n: number) => n / c.boards;
  rows.push(row('PostgreSQL rows appended (merged updates) / transactions committed per s, per workshop', '',
    `${fmt(per(e.pgUpdatesPerSec))} / ${fmt(per(e.pgCommitsPerSec))}`));
  rows.push(row('Redis KB/s in / out, per workshop', '', `${fmt(per(e.redisInBytesPerSec) / 1024)} / ${fmt(per(e.redisOutBytesPerSec) / 1024)}`));
  rows.push(row('PostgreSQL / Redis CPU, % of one core (all workshops)', '', `${fmt(e.pgCpuPercent)} / ${fmt(e.redisCpuPercent)}`));
  return rows;
}
