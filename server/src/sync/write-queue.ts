import type { Logger } from 'pino';

/**
 * Serial queue of store writes for one room. Writes run one at a time in
 * arrival order. A write that fails (disk full, read-only data directory,
 * database locked) is retried with backoff until it succeeds, so nothing
 * received is dropped and later writes wait behind it; `onTrouble` tells the
 * room when storage stops and starts working again. The process stays up.
 */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();
  private failing = false;
  private pending = 0;

  constructor(
    private readonly log: Logger,
    private readonly onTrouble: (failing: boolean) => void,
    private readonly retryMs = { first: 250, max: 5_000 },
  ) {}

  get isFailing(): boolean {
    return this.failing;
  }

  /** Bytes queued and not yet written (as declared to `push`): what storage trouble keeps in memory. */
  get pendingBytes(): number {
    return this.pending;
  }

  /** Resolves when every write queued so far has completed. */
  idle(): Promise<void> {
    return this.tail;
  }

  /** Queues `task`, which writes `bytes` bytes; they count as pending until it succeeds. */
  push(task: () => Promise<void>, bytes = 0): void {
    this.pending += bytes;
    this.tail = this.tail.then(() => this.runUntilDone(task)).finally(() => {
      this.pending -= bytes;
    });
  }

  private async runUntilDone(task: () => Promise<void>): Promise<void> {
    let delay = this.retryMs.first;
    for (;;) {
      try {
        await task();
        if (this.failing) {
          this.failing = false;
          this.log.warn('storage is working again');
          this.onTrouble(false);
        }
        return;
      } catch (error) {
        if (!this.failing) {
          this.failing = true;
          this.log.error({ err: error }, 'writing to the store failed; retrying');
          this.onTrouble(true);
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, this.retryMs.max);
      }
    }
  }
}
