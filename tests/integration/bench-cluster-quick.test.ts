import { describe, expect, it } from 'vitest';
import { clusterWorkshop } from '../bench/cluster.js';

// Proves the scale-out scenarios' harness works (issue 14): two built
// Tabella nodes on a throwaway PostgreSQL and Redis, a small workshop split
// over both. Sane numbers only; the timing targets live in `npm run bench`.
describe('benchmark harness, scale-out quick mode', () => {
  it('scenario 8: every edit reaches every client on both nodes, and the engines are measured', async () => {
    const result = await clusterWorkshop({
      nodes: 2, boards: 1, clientsPerBoard: 6, notesPerBoard: 60, seconds: 3, warmupSeconds: 1,
      cursorHz: 20, editEveryMs: 500, client: 'stock', workers: 2,
    });
    expect(result.errors).toEqual([]);
    expect(result.latency.sent).toBeGreaterThan(0);
    // Six people, three per node: each edit goes to two people on its node and three on the other.
    expect(result.latency.expected).toBe(result.latency.sent * 5);
    expect(result.sameNode.expected).toBe(result.latency.sent * 2);
    expect(result.crossNode.expected).toBe(result.latency.sent * 3);
    expect(result.latency.lost).toBe(0);
    expect(result.crossNode.p50).toBeGreaterThan(0);
    expect(result.usage).toHaveLength(2);
    for (const node of result.usage) expect(node.cpuSeconds).toBeGreaterThan(0);
    // Every edit is stored (a tick's updates may share a row) and crosses Redis to the other node.
    expect(result.engines.pgUpdatesPerSec).toBeGreaterThan(0);
    expect(result.engines.pgCommitsPerSec).toBeGreaterThan(0);
    expect(result.engines.redisInBytesPerSec).toBeGreaterThan(0);
    expect(result.engines.redisOutBytesPerSec).toBeGreaterThanOrEqual(result.engines.redisInBytesPerSec);
  }, 120_000);
});
