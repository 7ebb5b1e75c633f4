import * as Y from 'yjs';
import { roots } from '../../shared/src/index.js';
import { leanClient, type BenchClient } from './clients.js';
import { now } from './clock.js';
import { LatencyTracker, percentile, type LatencySummary } from './latency.js';
import { ClientPool } from './pool.js';
import { joinPerson, openRoom, seedNotes, sleep, waitFor, withDeadline, type BenchRoom } from './rooms.js';
import { BenchServer, type ProbeStats, type ServerKind } from './servers.js';
import type { PersonPlan, StopResult, StormResult } from './worker-protocol.js';

export interface ServerUsage {
  /** Server CPU over the measured window, % of one core. */
  cpuPercent: number;
  cpuSeconds: number;
  peakRssMb: number;
  heapMb: number;
  loopP99Ms: number;
  loopMaxMs: number;
  /** The harness's own CPU over the same window (every thread), % of one core: what the simulated people cost this machine. */
  harnessCpuPercent: number;
  harnessCpuSeconds: number;
}

export interface WorkshopResult {
  kind: ServerKind;
  clients: number;
  boards: number;
  latency: LatencySummary;
  errors: string[];
  usage: ServerUsage;
}

function usage(before: ProbeStats, after: ProbeStats, seconds: number, harness: NodeJS.CpuUsage): ServerUsage {
  const cpuSeconds = (after.cpuMicros - before.cpuMicros) / 1e6;
  return {
    harnessCpuPercent: ((harness.user + harness.system) / 1e6 / seconds) * 100,
    harnessCpuSeconds: (harness.user + harness.system) / 1e6,
    cpuPercent: (cpuSeconds / seconds) * 100,
    cpuSeconds,
    peakRssMb: after.peakRss / 2 ** 20,
    heapMb: after.heapUsed / 2 ** 20,
    loopP99Ms: after.loopDelay.p99,
    loopMaxMs: after.loopDelay.max,
  };
}

function closeErrors(clients: readonly BenchClient[]): string[] {
  return clients.flatMap((c) => c.closes.map((e) => `client ${c.index} closed ${e.code} ${e.reason}`));
}

export interface WorkshopOptions {
  boards: number;
  clientsPerBoard: number;
  notesPerBoard: number;
  seconds: number;
  warmupSeconds: number;
  cursorHz: number;
  editEveryMs: number;
  client: 'stock' | 'lean';
  /** Client worker threads the simulated people are spread over (pool.ts). */
  workers: number;
}

/** Scenarios 1 and 2: `boards` workshops of people moving cursors and editing their own notes. */
export async function workshop(kind: ServerKind, o: WorkshopOptions): Promise<WorkshopResult> {
  const server = new BenchServer(kind);
  await server.start();
  try {
    const run = await runWorkshop(kind, [server], o);
    return { kind, clients: run.clients, boards: o.boards, latency: run.tracker.summary(), errors: run.errors, usage: run.usage[0]! };
  } finally {
    await server.stop();
  }
}

/** Around the measured window: a cluster scenario reads PostgreSQL's and Redis's counters here (cluster.ts). */
export interface WindowHooks {
  start(): Promise<void>;
  end(): Promise<void>;
}

/** What a workshop run measured, on one server or on the nodes of a cluster. */
export interface WorkshopRun {
  clients: number;
  /** Every edit's sends and arrivals, to summarise (`summary`), whole or by sender/receiver pairs. */
  tracker: LatencyTracker;
  /** Which of the servers each person (by index) is connected to. */
  serverOf: Map<number, number>;
  errors: string[];
  /** One per server, in the order given. */
  usage: ServerUsage[];
}

/**
 * The workshop workload against `servers`: person `slot` of every room joins
 * and connects to server `slot % servers.length` (one server: all of them),
 * so each room's people are split evenly over the nodes of a cluster. Every
 * room has a host on every server, and each server's hosts must show every
 * edited note's last edit at the end.
 */
export async function runWorkshop(kind: ServerKind, servers: readonly BenchServer[], o: WorkshopOptions, hooks?: WindowHooks): Promise<WorkshopRun> {
  const tracker = new LatencyTracker();
  const pool = new ClientPool(o.workers, tracker);
  // hosts[s]: every room's host on server s.
  const hosts: BenchClient[][] = servers.map(() => []);
  const serverOf = new Map<number, number>();
  try {
    const plans: PersonPlan[][] = Array.from({ length: o.workers }, () => []);
    const peers: Record<number, number[]> = {};
    let index = 0;
    for (let b = 0; b < o.boards; b++) {
      const room = await openRoom(kind, servers[0]!.url);
      hosts[0]!.push(room.host);
      for (let s = 1; s < servers.length; s++) hosts[s]!.push(await room.hostOn!(servers[s]!.url));
      const members: number[] = [];
      for (let slot = 0; slot < o.clientsPerBoard; slot++) {
        const s = slot % servers.length;
        const { endpoint, identity } = await joinPerson({ ...room.spec, baseUrl: servers[s]!.url }, slot);
        plans[pool.workerOf(index)]!.push({ index, endpoint, identity, slot });
        serverOf.set(index, s);
        members.push(index++);
      }
      for (const m of members) peers[m] = members.filter((p) => p !== m);
    }
    await pool.all((w) => ({ cmd: 'connect', client: o.client, people: plans[w]! }));
    // Setup, not measured: 1,200 people connecting at once (scenario 10) on a shared 2-core machine can take over a minute.
    await pool.all({ cmd: 'synced', timeoutMs: Math.max(60_000, index * 100) });
    await pool.all({ cmd: 'addOwnNotes', count: Math.ceil(o.notesPerBoard / o.clientsPerBoard) });
    await pool.all({ cmd: 'waitNotes', min: o.notesPerBoard, timeoutMs: 120_000 });
    await pool.all({ cmd: 'start', options: { cursorHz: o.cursorHz, editEveryMs: o.editEveryMs }, peers, receiveOnly: o.client === 'lean' });
    await sleep(o.warmupSeconds * 1000);
    tracker.reset();
    const before = await Promise.all(servers.map((server) => server.probe({ resetLoop: true })));
    await hooks?.start();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await sleep(o.seconds * 1000);
    await hooks?.end();
    const after = await Promise.all(servers.map((server) => server.probe()));
    const harness = process.cpuUsage(cpu0);
    const elapsed = (performance.now() - t0) / 1000;
    tracker.stopRecording();
    const stopped = await pool.all<StopResult>({ cmd: 'stop' });
    // Every room converges: each host (which applies everything) shows every
    // edited note with its last edit, on every server. Then a drain for the last deliveries.
    const finalTexts = stopped.flatMap((r) => r.finalTexts);
    const unconverged = await Promise.all(hosts.map((list) => converged(list, finalTexts, 20_000)));
    await sleep(2000);
    await pool.all({ cmd: 'flush' });
    const where = (s: number) => (servers.length > 1 ? ` on node ${s}` : '');
    return {
      clients: index, tracker, serverOf,
      errors: [
        ...stopped.flatMap((r) => [...r.errors, ...r.closes]), ...hosts.flatMap(closeErrors),
        ...unconverged.flatMap((n, s) => (n > 0 ? [`${n} of ${finalTexts.length} edited notes did not show their last edit on the server's copy${where(s)}`] : [])),
      ],
      usage: before.map((b, s) => usage(b, after[s]!, elapsed, harness)),
    };
  } finally {
    await pool.close();
    for (const host of hosts.flat()) host.destroy();
  }
}

/** Waits until every host shows each note's last text; returns how many still do not after `ms`. */
async function converged(hosts: readonly BenchClient[], finalTexts: readonly [string, string][], ms: number): Promise<number> {
  const missing = () => finalTexts.filter(([id, text]) => !hosts.some((h) => roots(h.doc).notes.get(id)?.get('text') === text)).length;
  await waitFor(() => missing() === 0, ms, 'rooms converge').catch(() => undefined);
  return missing();
}

export interface JoinStormResult {
  kind: ServerKind;
  /** stock: providers that decode the board (client-bound); lean: clients that only receive it (server-bound). */
  client: 'stock' | 'lean';
  clients: number;
  notes: number;
  /** From the storm's start until the last client held every note, ms. */
  allSyncedMs: number;
  p50Ms: number;
  p99Ms: number;
  errors: string[];
  usage: ServerUsage;
}

/**
 * Scenario 3: `clients` people join a board of `notes` notes at the same
 * moment, spread over `workers` client threads. Each is timed from the
 * storm's start through joining (Tabella: POST /join), connecting and
 * holding every note.
 */
export async function joinStorm(
  kind: ServerKind, o: { clients: number; notes: number; workers: number; client: 'stock' | 'lean' },
): Promise<JoinStormResult> {
  const server = new BenchServer(kind);
  await server.start();
  const pool = new ClientPool(o.workers);
  let room: BenchRoom | undefined;
  try {
    room = await openRoom(kind, server.url);
    await seedNotes(room, o.notes, 20, 1000);
    const spec = room.spec;
    // What a complete sync answer weighs: lean clients must each receive about this much.
    const fullState = Y.encodeStateAsUpdate(room.host.doc).byteLength;
    const people = Array.from({ length: o.clients }, (_, i) => ({ index: i, i }));
    // Workers are up (their modules loaded) before the clock starts.
    await pool.all({ cmd: 'destroy' });
    const before = await server.probe({ resetLoop: true });
    const cpu0 = process.cpuUsage();
    const t0 = now();
    const results = await pool.all<StormResult>((w) => ({
      cmd: 'storm', client: o.client, spec, notes: o.notes, t0, people: people.filter((p) => pool.workerOf(p.index) === w),
    }));
    const after = await server.probe();
    const harness = process.cpuUsage(cpu0);
    const elapsed = (now() - t0) / 1000;
    const sorted = results.flatMap((r) => r.times).sort((a, b) => a - b);
    const short = o.client === 'lean' ? results.flatMap((r) => r.syncBytes).filter((b) => b < fullState * 0.9) : [];
    return {
      kind, client: o.client, clients: o.clients, notes: o.notes, allSyncedMs: sorted[sorted.length - 1]!,
      p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99),
      errors: [...results.flatMap((r) => r.errors), ...short.map((b) => `a sync answer of ${b} bytes, the board is ${fullState}`)], usage: usage(before, after, elapsed, harness),
    };
  } finally {
    await pool.close();
    room?.host.destroy();
    await server.stop();
  }
}

export interface MemoryResult {
  kind: ServerKind;
  notes: number;
  connections: number;
  /** Heap of the loaded board (after GC) minus the idle server's. */
  boardHeapMb: number;
  /** Heap per idle connection (after GC), KB. */
  perConnectionKb: number;
  perConnectionRssKb: number;
  peakRssMb: number;
  errors: string[];
}

/** Scenario 5: heap of a loaded board, then of `connections` idle people on it (lean clients). */
export async function memory(kind: ServerKind, o: { notes: number; connections: number }): Promise<MemoryResult> {
  const server = new BenchServer(kind);
  await server.start();
  const clients: BenchClient[] = [];
  let room: BenchRoom | undefined;
  try {
    const empty = await server.probe({ gc: true });
    room = await openRoom(kind, server.url);
    await seedNotes(room, o.notes, 20, 1000);
    await sleep(500);
    const loaded = await server.probe({ gc: true });
    for (let i = 0; i < o.connections; i++) {
      const { endpoint, identity } = await room.person(i);
      clients.push(leanClient(endpoint, i, identity, undefined, { keepDoc: false }));
      if (i % 50 === 49) await Promise.all(clients.map((c) => c.synced));
    }
    await withDeadline(Promise.all(clients.map((c) => c.synced)), 60_000, 'idle clients sync');
    await sleep(1000);
    const connected = await server.probe({ gc: true });
    return {
      kind, notes: o.notes, connections: o.connections,
      boardHeapMb: (loaded.heapUsed - empty.heapUsed) / 2 ** 20,
      perConnectionKb: (connected.heapUsed - loaded.heapUsed) / o.connections / 1024,
      perConnectionRssKb: (connected.rss - loaded.rss) / o.connections / 1024,
      peakRssMb: connected.peakRss / 2 ** 20,
      errors: closeErrors(clients),
    };
  } finally {
    for (const c of clients) c.destroy();
    room?.host.destroy();
    await server.stop();
  }
}
