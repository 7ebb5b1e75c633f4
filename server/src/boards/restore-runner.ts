import { Worker } from 'node:worker_threads';
import type { RestoreReply, RestoreRequest } from './restore-worker.js';
import { workerEntryUrl } from '../worker-url.js';

/** Why an upload was not restored; the HTTP layer turns each into a status. */
export type RestoreFailure = 'invalid' | 'timeout' | 'too-large' | 'busy';

export class RestoreError extends Error {
  constructor(
    readonly failure: RestoreFailure,
    message: string,
    /** For the uploader's screen: the backup's `problem` (invalid), the time limit (timeout). */
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'RestoreError';
  }
}

export interface RestoreLimits {
  /** Time the worker may spend on one backup once it is ready; past it, it is terminated. */
  timeoutMs: number;
  /** Restores prepared at the same time; each holds a core while it runs. */
  maxConcurrent: number;
  /** V8 heap of one worker: a backup that needs more is refused, not the server's memory. */
  maxHeapMb: number;
}

type Prepared = { state: Uint8Array; createKey: string | undefined };

/** A worker's start (compiling the source under tsx) is not the backup's fault, but it is bounded too. */
const START_TIMEOUT_MS = 30_000;

/**
 * Prepares uploaded backups (restore-job.ts) in worker threads, so that
 * decoding, applying and validating a hostile or huge Yjs state never holds
 * the thread that serves every board. One worker per restore: a terminated
 * worker takes its half-applied doc with it.
 */
export class RestoreRunner {
  private running = 0;
  private readonly workers = new Set<Worker>();

  constructor(private readonly limits: RestoreLimits) {}

  /**
   * Reads a restore's raw JSON body and prepares the new board's state (see
   * restore-worker.ts). The body's memory may be handed to the worker: do not
   * read it afterwards.
   */
  async prepare(body: Uint8Array, now: number): Promise<{ state: Uint8Array; createKey: string | undefined }> {
    if (this.running >= this.limits.maxConcurrent) {
      throw new RestoreError('busy', 'the server is restoring other backups: try again in a few seconds');
    }
    this.running++;
    try {
      return await this.run({ body, now });
    } finally {
      this.running--;
    }
  }

  /** Stops every restore still running (server shutdown); their requests get errors. */
  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }

  private run(request: RestoreRequest): Promise<Prepared> {
    const { timeoutMs, maxHeapMb } = this.limits;
    const worker = new Worker(workerEntryUrl(import.meta.url, 'restore-worker'), { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    this.workers.add(worker);
    let ready = false;
    return new Promise<Prepared>((resolve, reject) => {
      let timer = setTimeout(() => finish(new Error('the restore worker did not start')), START_TIMEOUT_MS);
      // A RestoreError is the backup's fault (4xx); any other Error is the server's (500, logged).
      const finish = (result: Prepared | Error) => {
        clearTimeout(timer);
        this.workers.delete(worker);
        worker.removeAllListeners();
        // Listen on: a late 'error' from a worker being torn down must not become an uncaught exception.
        worker.on('error', () => undefined);
        void worker.terminate();
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      worker.on('message', (reply: RestoreReply) => {
        if ('ready' in reply) {
          ready = true;
          clearTimeout(timer);
          timer = setTimeout(() => {
            finish(new RestoreError('timeout', `the backup could not be read within ${timeoutMs / 1000} s (RESTORE_TIMEOUT_MS): it is too large or malformed`, {
              seconds: timeoutMs / 1000,
            }));
          }, timeoutMs);
          // Moved, not copied, when the body owns its memory (a copy of 16 MiB
          // costs this thread tens of ms on a busy machine); the caller is done with it.
          const { body } = request;
          const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
          worker.postMessage(request, owned ? [body.buffer as ArrayBuffer] : []);
        } else if (reply.ok) {
          finish({ state: reply.state, createKey: reply.createKey });
        } else {
          finish(new RestoreError('invalid', reply.reason, { ...reply.params, problem: reply.problem }));
        }
      });
      worker.on('error', (error: Error & { code?: string }) => {
        if (!ready) finish(new Error(`the restore worker failed to start: ${error.message}`));
        else if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') finish(new RestoreError('too-large', 'the backup needs more memory than a restore may use'));
        else finish(new RestoreError('invalid', 'the backup could not be read', { problem: 'unreadable' }));
      });
      worker.on('exit', (code) => finish(new Error(`the restore worker stopped (exit code ${code})`)));
    });
  }
}
