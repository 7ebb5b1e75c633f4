import { Worker } from 'node:worker_threads';
import type { BrandLogo } from '../../../shared/src/index.js';
import { workerEntryUrl } from '../worker-url.js';
import { LogoRefused } from './logo-check.js';
import type { LogoReply } from './logo-worker.js';

/** A worker's start (compiling the source under tsx) is bounded, and so is one decode. */
const START_TIMEOUT_MS = 30_000;
const DECODE_TIMEOUT_MS = 10_000;
/** Decodes at the same time; a logo is set once per workshop, so more means someone is hammering. */
const MAX_CONCURRENT = 2;

/** The upload could not be judged now (busy, worker failure): the caller answers 503, not "not an image". */
export class LogoUnavailable extends Error {}

/**
 * Decodes uploaded logos (logo-check.ts) in a worker thread with its own small
 * heap, one per upload: a hostile image that decodes slowly or needs much
 * memory costs that worker, never the thread that serves every board.
 */
export class LogoRunner {
  private running = 0;

  async check(bytes: Uint8Array): Promise<BrandLogo> {
    if (this.running >= MAX_CONCURRENT) throw new LogoUnavailable('other logos are being read: try again in a moment');
    this.running++;
    try {
      return await this.run(bytes);
    } finally {
      this.running--;
    }
  }

  private run(bytes: Uint8Array): Promise<BrandLogo> {
    const worker = new Worker(workerEntryUrl(import.meta.url, 'logo-worker'), { resourceLimits: { maxOldGenerationSizeMb: 192 } });
    return new Promise<BrandLogo>((resolve, reject) => {
      let timer = setTimeout(() => finish(new LogoUnavailable('the logo reader did not start')), START_TIMEOUT_MS);
      const finish = (result: BrandLogo | Error) => {
        clearTimeout(timer);
        worker.removeAllListeners();
        worker.on('error', () => undefined);
        void worker.terminate();
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      worker.on('message', (reply: LogoReply) => {
        if ('ready' in reply) {
          clearTimeout(timer);
          timer = setTimeout(() => finish(new LogoRefused('too-large', 'the image takes too long to read')), DECODE_TIMEOUT_MS);
          worker.postMessage(bytes);
        } else if (reply.ok) finish(reply.logo);
        else finish(new LogoRefused(reply.problem, reply.reason));
      });
      worker.on('error', (error: Error & { code?: string }) => {
        finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new LogoRefused('too-large', 'the image needs more memory than a logo may use')
          : new LogoUnavailable(`the logo reader failed: ${error.message}`));
      });
      worker.on('exit', (code) => finish(new LogoUnavailable(`the logo reader stopped (exit code ${code})`)));
    });
  }
}
