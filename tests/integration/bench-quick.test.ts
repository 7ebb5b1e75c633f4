import { describe, expect, it } from 'vitest';
import { joinStorm, workshop } from '../bench/scenarios.js';

// Proves the benchmark harness still works (issue 5): the quick mode of
// scenarios 1 and 3 against the built Tabella server. Sane numbers only;
// the timing targets live in `npm run bench` output, never in tests.
describe('benchmark harness, quick mode', () => {
  it('scenario 1: a small workshop delivers every edit to every other client', async () => {
    const result = await workshop('tabella', {
      boards: 1, clientsPerBoard: 6, notesPerBoard: 60, seconds: 3, warmupSeconds: 1,
      cursorHz: 20, editEveryMs: 500, client: 'stock', workers: 2,
    });
    expect(result.errors).toEqual([]);
    expect(result.latency.sent).toBeGreaterThan(0);
    expect(result.latency.expected).toBe(result.latency.sent * 5);
    expect(result.latency.lost).toBe(0);
    expect(result.latency.p50).toBeGreaterThan(0);
    expect(result.latency.max).toBeGreaterThanOrEqual(result.latency.p99);
    expect(result.usage.cpuSeconds).toBeGreaterThan(0);
    expect(result.usage.peakRssMb).toBeGreaterThan(0);
    expect(result.usage.heapMb).toBeGreaterThan(0);
  }, 60_000);

  it('scenario 3: a small join storm syncs every client', async () => {
    const result = await joinStorm('tabella', { clients: 10, notes: 200, workers: 2, client: 'stock' });
    expect(result.errors).toEqual([]);
    expect(result.allSyncedMs).toBeGreaterThan(0);
    expect(result.p50Ms).toBeGreaterThan(0);
    expect(result.p50Ms).toBeLessThanOrEqual(result.allSyncedMs);
    expect(result.usage.cpuSeconds).toBeGreaterThan(0);
  }, 60_000);

  it('scenario 3, receiving only: every lean client receives the whole board', async () => {
    const result = await joinStorm('tabella', { clients: 10, notes: 200, workers: 2, client: 'lean' });
    // A short sync answer (less than the board) is reported as an error.
    expect(result.errors).toEqual([]);
    expect(result.client).toBe('lean');
    expect(result.allSyncedMs).toBeGreaterThan(0);
  }, 60_000);
});
