import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { BusState, ClusterBus } from './bus.js';
import { boardChannel, channelBoard, decodeBusMessage, encodeBusMessage, type BusMessage } from './bus-messages.js';

/** Reconnect delays: quick at first (a killed connection comes back in tens of ms), at most a second apart. */
const retryStrategy = (times: number) => Math.min(25 * 2 ** Math.min(times, 6), 1_000);

/**
 * The bus on Redis pub/sub (ioredis): one connection publishes, one
 * subscribes to the channels of the boards this node has loaded.
 *
 * On a break the subscriber reconnects by itself; we subscribe again
 * ourselves (autoResubscribe off) and only once that is confirmed call
 * `onReconnect`, so the catch-up it triggers reads the store after the
 * subscription is back: nothing falls between the two. Publishing never
 * queues while Redis is away (the store and the poll cover the gap).
 */
export class RedisBus implements ClusterBus {
  onMessage: (boardId: string, message: BusMessage) => void = () => undefined;
  onReconnect: () => void = () => undefined;
  private readonly pub: Redis;
  private readonly sub: Redis;
  /** Boards listened to, with how many rooms of each want it. */
  private readonly boards = new Map<string, number>();
  private everReady = false;
  private closed = false;

  constructor(
    url: string,
    readonly nodeId: string,
    private readonly log: Logger,
  ) {
    const options = { retryStrategy, lazyConnect: false };
    this.pub = new Redis(url, { ...options, connectionName: `tabella-${nodeId}-pub`, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    this.sub = new Redis(url, { ...options, connectionName: `tabella-${nodeId}-sub`, autoResubscribe: false, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    for (const [name, client] of [['publisher', this.pub], ['subscriber', this.sub]] as const) {
      // ioredis reconnects by itself; a logged error is all a break costs here.
      client.on('error', (error: Error) => this.log.debug({ err: error.message, connection: name }, 'redis error'));
    }
    this.sub.on('close', () => {
      if (!this.closed && this.everReady) this.log.warn('redis subscription lost; nodes catch up from the store until it is back');
    });
    this.sub.on('ready', () => void this.resubscribe());
    this.sub.on('messageBuffer', (channel: Buffer, payload: Buffer) => this.receive(channel.toString(), payload));
  }

  get state(): BusState {
    return this.pub.status === 'ready' && this.sub.status === 'ready' ? 'ok' : 'down';
  }

  async join(boardId: string): Promise<void> {
    const count = this.boards.get(boardId) ?? 0;
    this.boards.set(boardId, count + 1);
    if (count > 0 || this.sub.status !== 'ready') return;
    await this.sub.subscribe(boardChannel(boardId)).catch((error: unknown) => {
      this.log.debug({ err: error, board: boardId }, 'subscribing failed; the poll covers until redis is back');
    });
  }

  leave(boardId: string): void {
    const count = this.boards.get(boardId) ?? 0;
    if (count > 1) {
      this.boards.set(boardId, count - 1);
      return;
    }
    this.boards.delete(boardId);
    if (this.sub.status === 'ready') this.sub.unsubscribe(boardChannel(boardId)).catch(() => undefined);
  }

  publish(boardId: string, message: BusMessage): void {
    if (this.pub.status !== 'ready') return;
    this.pub.publish(boardChannel(boardId), Buffer.from(encodeBusMessage(message))).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private async resubscribe(): Promise<void> {
    const first = !this.everReady;
    this.everReady = true;
    const channels = [...this.boards.keys()].map(boardChannel);
    try {
      if (channels.length > 0) await this.sub.subscribe(...channels);
    } catch (error) {
      this.log.debug({ err: error }, 'resubscribing failed; retried on the next reconnect');
      return;
    }
    // Boards joined before the first connection missed what was published meanwhile, too.
    if (!first || channels.length > 0) {
      this.log.warn({ boards: channels.length }, 'redis subscription back; catching up from the store');
      this.onReconnect();
    }
  }

  private receive(channel: string, payload: Buffer): void {
    const boardId = channelBoard(channel);
    if (!boardId) return;
    const message = decodeBusMessage(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength));
    if (!message || message.node === this.nodeId) return;
    this.onMessage(boardId, message);
  }
}
