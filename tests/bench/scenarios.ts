import { roots } from '../../shared/src/index.js';
import { leanClient, stockClient, type BenchClient } from './clients.js';
import { LatencyTracker, percentile, type LatencySummary } from './latency.js';
import { addOwnNotes, openRoom, seedNotes, sleep, stageIds, startWorkload, waitFor, withDeadline, type BenchRoom } from './rooms.js';
import { BenchServer, type ProbeStats, type ServerKind } from './servers.js';

export interface ServerUsage {
  /** Server CPU over the measured window, % of one core. */
  cpuPercent: number;
  cpuSeconds: number;
  peakRssMb: number;
  heapMb: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

export interface WorkshopResult {
  kind: ServerKind;
  clients: number;
  boards: number;
  latency: LatencySummary;
  errors: string[];
  usage: ServerUsage;
}

function usage(before: ProbeStats, after: ProbeStats, seconds: number): ServerUsage {
  const cpuSeconds = (after.cpuMicros - before.cpuMicros) / 1e6;
  return {
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
}

/** Scenarios 1 and 2: `boards` workshops of people moving cursors and editing their own notes. */
export async function workshop(kind: ServerKind, o: WorkshopOptions): Promise<WorkshopResult> {
  const server = new BenchServer(kind);
  await server.start();
  const tracker = new LatencyTracker();
  const rooms: { room: BenchRoom; clients: BenchClient[] }[] = [];
  const all: BenchClient[] = [];
  try {
    let index = 0;
    for (let b = 0; b < o.boards; b++) {
      const room = await openRoom(kind, server.url);
      const clients: BenchClient[] = [];
      for (let i = 0; i < o.clientsPerBoard; i++) {
        const { endpoint, identity } = await room.person(i);
        const make = o.client === 'stock' ? stockClient : leanClient;
        clients.push(make(endpoint, index++, identity, tracker));
      }
      rooms.push({ room, clients });
      all.push(...clients);
    }
    await withDeadline(Promise.all(all.map((c) => c.synced)), 60_000, 'clients sync');
    await waitFor(() => all.every((c) => stageIds(c.doc).length > 0), 30_000, 'clients see the board');
    const own = new Map<BenchClient, string[]>();
    for (const { clients } of rooms) {
      clients.forEach((c, i) => own.set(c, addOwnNotes(c, Math.ceil(o.notesPerBoard / o.clientsPerBoard), i)));
    }
    await waitFor(() => all.every((c) => roots(c.doc).notes.size >= o.notesPerBoard), 120_000, 'every client holds every note');
    const roomOf = new Map<BenchClient, BenchClient[]>();
    for (const { clients } of rooms) for (const c of clients) roomOf.set(c, clients);
    const peers = (c: BenchClient) => roomOf.get(c)!.filter((p) => p !== c).map((p) => p.index);
    const load = startWorkload(all, own, peers, tracker, { cursorHz: o.cursorHz, editEveryMs: o.editEveryMs });
    await sleep(o.warmupSeconds * 1000);
    tracker.reset();
    const before = await server.probe({ resetLoop: true });
    const t0 = performance.now();
    await sleep(o.seconds * 1000);
    const after = await server.probe();
    const elapsed = (performance.now() - t0) / 1000;
    tracker.stopRecording();
    load.stop();
    await sleep(2000); // drain: edits sent at the very end still arrive
    return {
      kind, clients: all.length, boards: o.boards, latency: tracker.summary(),
      errors: [...load.errors, ...closeErrors(all), ...closeErrors(rooms.map((r) => r.room.host))],
      usage: usage(before, after, elapsed),
    };
  } finally {
    for (const c of all) c.destroy();
    for (const { room } of rooms) room.host.destroy();
    await server.stop();
  }
}

export interface JoinStormResult {
  kind: ServerKind;
  clients: number;
  notes: number;
  /** From the storm's start until the last client held every note, ms. */
  allSyncedMs: number;
  p50Ms: number;
  p99Ms: number;
  errors: string[];
  usage: ServerUsage;
}

/** Scenario 3: `clients` people join a board of `notes` notes at the same moment. */
export async function joinStorm(kind: ServerKind, o: { clients: number; notes: number }): Promise<JoinStormResult> {
  const server = new BenchServer(kind);
  await server.start();
  const clients: BenchClient[] = [];
  let room: BenchRoom | undefined;
  try {
    room = await openRoom(kind, server.url);
    await seedNotes(room, o.notes, 20, 1000);
    const r = room;
    const before = await server.probe({ resetLoop: true });
    const t0 = performance.now();
    const times = await Promise.all(Array.from({ length: o.clients }, async (_, i) => {
      // Tabella: POST /join, then connect with the personal session, as a browser does.
      const { endpoint, identity } = await r.person(i);
      const client = stockClient(endpoint, i, identity);
      clients.push(client);
      await withDeadline(client.synced, 30_000, `client ${i} sync`);
      await waitFor(() => roots(client.doc).notes.size >= o.notes, 30_000, `client ${i} holds every note`);
      return performance.now() - t0;
    }));
    const after = await server.probe();
    const elapsed = (performance.now() - t0) / 1000;
    const sorted = times.sort((a, b) => a - b);
    return {
      kind, clients: o.clients, notes: o.notes, allSyncedMs: sorted[sorted.length - 1]!,
      p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99),
      errors: closeErrors(clients), usage: usage(before, after, elapsed),
    };
  } finally {
    for (const c of clients) c.destroy();
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
