/**
 * A benchmark client worker thread: holds a share of the simulated people
 * (pool.ts spreads them over a few threads so their decoding runs on every
 * core, as 60 laptops would) and runs their workload. Latency stamps use the
 * process-wide clock (clock.ts) and go to the main thread's tracker in
 * batches.
 */
import { parentPort } from 'node:worker_threads';
import { roots } from '../../shared/src/index.js';
import { leanClient, stockClient, type BenchClient } from './clients.js';
import { now } from './clock.js';
import type { ArrivalEvent, LatencySink, SendEvent } from './latency.js';
import { addOwnNotes, joinPerson, stageIds, startWorkload, waitFor, withDeadline, type Workload } from './rooms.js';
import type { Command, StopResult, StormResult, WorkerMessage } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('client-worker.ts runs as a worker thread (see pool.ts)');

const BATCH_MS = 50;

class BatchSink implements LatencySink {
  private sends: SendEvent[] = [];
  private arrivals: ArrivalEvent[] = [];

  sending(sender: number, seq: number, receivers: readonly number[]): void {
    this.sends.push({ sender, seq, at: now(), receivers: [...receivers] });
  }

  arrived(sender: number, seq: number, receiver: number, at: number): void {
    this.arrivals.push({ sender, seq, receiver, at });
  }

  flush(): void {
    if (this.sends.length === 0 && this.arrivals.length === 0) return;
    post({ type: 'latency', sends: this.sends, arrivals: this.arrivals });
    this.sends = [];
    this.arrivals = [];
  }
}

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}

const sink = new BatchSink();
setInterval(() => sink.flush(), BATCH_MS).unref();

const clients: BenchClient[] = [];
const slots = new Map<BenchClient, number>();
const own = new Map<BenchClient, string[]>();
let workload: Workload | undefined;

function closesOf(list: readonly BenchClient[]): string[] {
  return list.flatMap((c) => c.closes.map((e) => `client ${c.index} closed ${e.code} ${e.reason}`));
}

async function storm(command: Extract<Command, { cmd: 'storm' }>): Promise<StormResult> {
  const errors: string[] = [];
  const syncBytes: number[] = [];
  const times = await Promise.all(command.people.map(async ({ index, i }) => {
    try {
      const { endpoint, identity } = await joinPerson(command.spec, i);
      // Lean: receives the board and does not decode it (what the server delivers);
      // stock: a provider that decodes it, as a browser tab does.
      const client = command.client === 'lean'
        ? leanClient(endpoint, index, identity, undefined, { keepDoc: false })
        : stockClient(endpoint, index, identity);
      clients.push(client);
      await withDeadline(client.synced, 30_000, `client ${index} sync`);
      if (command.client === 'stock') {
        await waitFor(() => roots(client.doc).notes.size >= command.notes, 30_000, `client ${index} holds every note`);
      }
      const at = now() - command.t0;
      syncBytes.push(client.syncBytes);
      return at;
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
      return NaN;
    }
  }));
  return { times, syncBytes, errors: [...errors, ...closesOf(clients)] };
}

async function run(command: Command): Promise<unknown> {
  switch (command.cmd) {
    case 'connect':
      for (const p of command.people) {
        const make = command.client === 'stock' ? stockClient : leanClient;
        const client = make(p.endpoint, p.index, p.identity, sink);
        clients.push(client);
        slots.set(client, p.slot);
      }
      return clients.length;
    case 'synced':
      await withDeadline(Promise.all(clients.map((c) => c.synced)), command.timeoutMs, 'clients sync');
      await waitFor(() => clients.every((c) => stageIds(c.doc).length > 0), command.timeoutMs, 'clients see the board');
      return true;
    case 'addOwnNotes':
      for (const c of clients) own.set(c, addOwnNotes(c, command.count, slots.get(c) ?? 0));
      return true;
    case 'waitNotes':
      await waitFor(() => clients.every((c) => roots(c.doc).notes.size >= command.min), command.timeoutMs, 'every client holds every note');
      return true;
    case 'start':
      if (command.receiveOnly) for (const c of clients) c.receiveOnly?.();
      workload = startWorkload(clients, own, (c) => command.peers[c.index] ?? [], sink, command.options);
      return true;
    case 'flush':
      return true; // the reply follows the latency batch flushed before it
    case 'stop': {
      workload?.stop();
      sink.flush();
      const result: StopResult = {
        errors: workload?.errors ?? [], closes: closesOf(clients), finalTexts: [...(workload?.finalTexts ?? [])],
      };
      return result;
    }
    case 'storm':
      return storm(command);
    case 'destroy':
      workload?.stop();
      for (const c of clients) c.destroy();
      clients.length = 0;
      return true;
  }
}

port.on('message', (command: Command) => {
  run(command).then(
    (result) => {
      sink.flush();
      post({ type: 'reply', id: command.id, result });
    },
    (error: unknown) => {
      sink.flush();
      post({ type: 'reply', id: command.id, error: error instanceof Error ? error.message : String(error) });
    },
  );
});
