import { Worker } from 'node:worker_threads';
import type { ExportFile } from '../../../shared/src/index.js';
import { workerEntryUrl } from '../worker-url.js';
import type { ExportJob, ExportReply } from './export-worker.js';
import type { ExportOptions, RenderedExport } from './render.js';

export interface ExportLimits {
  /** Time one export may take in its worker; past it the worker is terminated and the request answered 503. */
  timeoutMs: number;
  /** Exports waiting for the worker; more are refused at once (503), so a burst cannot pile up memory. */
  maxQueued: number;
}

/** The export could not be made now (queue full, timed out, worker failed): a 503 to try again, not the board's fault. */
export class ExportUnavailable extends Error {}

/** The asker went away while the export was waiting: nobody to answer. */
export class ExportAbandoned extends Error {}

interface Pending {
  job: ExportJob;
  resolve: (rendered: RenderedExport) => void;
  reject: (error: Error) => void;
}

/** A worker's start (compiling the source under tsx, loading fonts) is bounded too. */
const START_TIMEOUT_MS = 30_000;

/**
 * Renders exports in one long-lived worker thread, one at a time in order of
 * asking. A 300-note board's PDF booklet or Word document is hundreds of
 * milliseconds to seconds of synchronous layout: on the thread that serves
 * every board it would freeze the whole room whenever anyone with a viewer
 * link downloads the roadmap. The worker is started on first use and started
 * again after a failure or a timeout.
 */
export class ExportRunner {
  private worker: Worker | undefined;
  private ready: Promise<Worker> | undefined;
  private readonly queue: Pending[] = [];
  private current: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private closed = false;

  constructor(private readonly limits: ExportLimits) {}

  /**
   * `signal`: the asker went away. An export still waiting is dropped from the
   * queue (rejected with ExportAbandoned): otherwise anyone with a viewer link
   * could fill the queue with requests they abandon at once, and the worker
   * would spend minutes on files nobody receives while every other export is
   * refused 503. One already rendering finishes (its time is bounded).
   */
  render(file: ExportFile, state: Uint8Array, options: ExportOptions = {}, signal?: AbortSignal): Promise<RenderedExport> {
    if (this.closed) return Promise.reject(new ExportUnavailable('the server is stopping'));
    if (signal?.aborted) return Promise.reject(new ExportAbandoned('the export was no longer wanted'));
    if (this.queue.length >= this.limits.maxQueued) {
      return Promise.reject(new ExportUnavailable('many exports are being prepared: try again in a few seconds'));
    }
    return new Promise<RenderedExport>((resolve, reject) => {
      const pending: Pending = { job: { id: this.nextId++, file, state, options }, resolve, reject };
      if (signal) {
        const drop = (): void => {
          const at = this.queue.indexOf(pending);
          if (at >= 0) {
            this.queue.splice(at, 1);
            reject(new ExportAbandoned('the export was no longer wanted'));
          }
        };
        signal.addEventListener('abort', drop, { once: true });
        const settled = (): void => signal.removeEventListener('abort', drop);
        pending.resolve = (rendered) => {
          settled();
          resolve(rendered);
        };
        pending.reject = (error) => {
          settled();
          reject(error);
        };
      }
      this.queue.push(pending);
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new ExportUnavailable('the server is stopping'));
    this.fail(new ExportUnavailable('the server is stopping'));
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const pending = this.queue.shift()!;
    this.current = pending;
    this.start().then(
      (worker) => {
        if (this.current !== pending) return;
        this.timer = setTimeout(() => {
          this.fail(new ExportUnavailable(`the export took longer than ${this.limits.timeoutMs / 1000} s`));
        }, this.limits.timeoutMs);
        worker.postMessage(pending.job);
      },
      (error: Error) => this.fail(error),
    );
  }

  private start(): Promise<Worker> {
    this.ready ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(workerEntryUrl(import.meta.url, 'export-worker'), { resourceLimits: { maxOldGenerationSizeMb: 512 } });
      this.worker = worker;
      const startTimer = setTimeout(() => reject(new ExportUnavailable('the export worker did not start')), START_TIMEOUT_MS);
      worker.on('message', (reply: ExportReply) => {
        if ('ready' in reply) {
          clearTimeout(startTimer);
          resolve(worker);
          return;
        }
        const pending = this.current;
        if (!pending || pending.job.id !== reply.id) return;
        clearTimeout(this.timer);
        this.current = undefined;
        if (reply.ok) pending.resolve({ ...reply.rendered, body: Buffer.from(reply.rendered.body.buffer, reply.rendered.body.byteOffset, reply.rendered.body.byteLength) });
        else pending.reject(new Error(reply.message));
        this.pump();
      });
      worker.on('error', (error: Error) => {
        clearTimeout(startTimer);
        reject(error);
        if (this.worker === worker) this.fail(new ExportUnavailable(`the export worker failed: ${error.message}`));
      });
      worker.on('exit', () => {
        clearTimeout(startTimer);
        reject(new ExportUnavailable('the export worker stopped'));
        if (this.worker === worker) this.fail(new ExportUnavailable('the export worker stopped'));
      });
    });
    return this.ready;
  }

  /** Fails the export in progress and drops the worker (the next export starts a fresh one). */
  private fail(error: Error): void {
    clearTimeout(this.timer);
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) {
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
    }
    const pending = this.current;
    this.current = undefined;
    pending?.reject(error);
    if (!this.closed) this.pump();
  }
}
