import { Worker } from 'node:worker_threads';
import type { LatencyTracker } from './latency.js';
import type { Command, WorkerMessage } from './worker-protocol.js';

const ENTRY = new URL('./client-worker.mjs', import.meta.url);

/** A command without its id: the pool numbers them. */
type Call = Command extends infer C ? (C extends Command ? Omit<C, 'id'> : never) : never;

/**
 * Simulated people spread over `size` worker threads of the harness process
 * (client-worker.ts). One process keeps one monotonic clock for latency;
 * several threads let the clients' own decoding use every core, as the
 * laptops of a real room would, so the numbers measure the server rather
 * than one saturated harness thread.
 */
export class ClientPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  constructor(readonly size: number, private readonly tracker?: LatencyTracker) {
    for (let w = 0; w < size; w++) {
      const worker = new Worker(ENTRY);
      worker.on('message', (message: WorkerMessage) => this.onMessage(message));
      worker.on('error', (error) => this.failAll(error));
      this.workers.push(worker);
    }
  }

  /** Which worker holds the `n`-th person: round robin, so every room is spread over every thread. */
  workerOf(n: number): number {
    return n % this.size;
  }

  call<T>(worker: number, command: Call): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.workers[worker]!.postMessage({ ...command, id });
    });
  }

  /** The same command (or one made per worker) on every worker, in parallel. */
  all<T>(command: Call | ((worker: number) => Call)): Promise<T[]> {
    return Promise.all(this.workers.map((_, w) => this.call<T>(w, typeof command === 'function' ? command(w) : command)));
  }

  async close(): Promise<void> {
    await this.all({ cmd: 'destroy' }).catch(() => undefined);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type === 'latency') {
      this.tracker?.record(message.sends, message.arrivals);
      return;
    }
    const entry = this.pending.get(message.id);
    if (!entry) return;
    this.pending.delete(message.id);
    if (message.error !== undefined) entry.reject(new Error(message.error));
    else entry.resolve(message.result);
  }

  private failAll(error: Error): void {
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }
}
