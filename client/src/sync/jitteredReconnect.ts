import type { WebsocketProvider } from 'y-websocket';
import { isFinalClose } from '../../../shared/src/index.js';

/** First retry after about this long (times 0.5-1.5). */
const BASE_MS = 400;
/** Retries are never further apart than this (times 0.5-1.5): a restarted server is found within seconds. */
const MAX_MS = 5_000;

/**
 * Reconnecting with exponential backoff *and jitter*.
 *
 * Why: y-websocket retries after exactly min(2^n * 100 ms, maxBackoffTime).
 * When the server restarts, every client loses its socket at the same instant
 * and would come back in lockstep, attempt after attempt: with 60 to hundreds
 * of clients that is a stampede on a server that is just loading its boards.
 * Spreading each delay over 0.5x-1.5x breaks the lockstep.
 *
 * How, without forking the provider: `shouldReconnect` (a provider option) is
 * asked on every close from the server. For a final refusal (4400-4499) we
 * answer false as the stock provider does, so it stops for good. For a
 * transient close we also answer false, which makes the provider's own
 * timer a no-op (it sets `shouldConnect = false`), and we call
 * `provider.connect()` ourselves after the jittered delay. Local closes
 * (`disconnect()`, the provider's silence watchdog) never reach
 * `shouldReconnect`; the provider keeps its own behaviour for those.
 *
 * The attempt counter resets once a connection has synced, not merely opened:
 * a server that accepts and then closes at once is backed off as well.
 */
export class JitteredReconnect {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private provider: WebsocketProvider | undefined;
  private stopped = false;

  constructor(private readonly random: () => number = Math.random) {}

  /** Pass as the provider's `shouldReconnect` option. */
  readonly shouldReconnect = (event: CloseEvent, provider: WebsocketProvider): boolean => {
    if (isFinalClose(event.code)) return false;
    this.schedule(provider);
    return false;
  };

  /** Starts counting from the provider's sync events; call once after constructing it. */
  attach(provider: WebsocketProvider): void {
    this.provider = provider;
    provider.on('sync', (synced: boolean) => {
      if (synced) this.attempt = 0;
    });
    window.addEventListener('online', this.onOnline);
  }

  /** Cancels a pending retry; the provider is about to be destroyed. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.provider) window.removeEventListener('online', this.onOnline);
  }

  /** The delay before the next attempt, in ms. */
  nextDelay(): number {
    const exact = Math.min(MAX_MS, BASE_MS * 2 ** this.attempt);
    return Math.round(exact * (0.5 + this.random()));
  }

  private schedule(provider: WebsocketProvider): void {
    if (this.stopped) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    const delay = this.nextDelay();
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped) provider.connect();
    }, delay);
  }

  /** The device's network came back: try soon (only this device, so no stampede), still jittered. */
  private readonly onOnline = (): void => {
    if (this.timer === undefined || !this.provider) return;
    this.attempt = 0;
    this.schedule(this.provider);
  };
}
