import type { Logger } from 'pino';
import type { BoardStore } from '../store/board-store.js';
import type { Room } from '../sync/room.js';
import type { RoomLink } from '../sync/room-link.js';
import type { ClusterBus } from './bus.js';
import { SeqWatermark } from './seq-watermark.js';

/**
 * How long a gap may stay open before it is read from the store: updates of
 * two nodes can arrive out of seq order (each publishes after its own
 * commit), and the missing one usually follows within milliseconds.
 */
export const GAP_GRACE_MS = 150;

/**
 * One room's place among the nodes (RoomLink): publishes what the room
 * stores, applies what other nodes stored, and reads from the store whatever
 * did not arrive. Invariants:
 * - an update published on the bus is applied at most once per seq
 *   (duplicates would be harmless in Yjs, but cost); a catch-up applies all
 *   it reads (see readFromStore);
 * - a gap is closed from the store within GAP_GRACE_MS, and a head the poll
 *   saw beyond the watermark at once, so the doc converges without Redis;
 * - catch-ups never overlap: one runs, and one more is queued if asked
 *   meanwhile (it then reads from where the first left off).
 */
export class RoomFeed implements RoomLink {
  private readonly watermark: SeqWatermark;
  private running: Promise<void> | undefined;
  private again = false;
  private gapTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly room: Room,
    private readonly store: BoardStore,
    private readonly bus: ClusterBus,
    private readonly log: Logger,
    private readonly onClose: (feed: RoomFeed) => void,
  ) {
    this.watermark = new SeqWatermark(room.seq);
  }

  get boardId(): string {
    return this.room.id;
  }

  get docName(): string {
    return this.room.docName;
  }

  stored(seq: number, update: Uint8Array, owners: readonly (readonly [number, string])[]): void {
    this.watermark.add(seq);
    this.bus.publish(this.room.id, { kind: 'update', node: this.bus.nodeId, doc: this.room.docName, seq, owners, update });
    this.watchGap();
  }

  presence(update: Uint8Array): void {
    this.bus.publish(this.room.id, { kind: 'presence', node: this.bus.nodeId, doc: this.room.docName, update });
  }

  compactUpTo(): number {
    return this.watermark.applied;
  }

  /** An update another node published. */
  received(seq: number, update: Uint8Array, owners: readonly (readonly [number, string])[]): void {
    if (this.closed || this.watermark.has(seq)) return;
    this.room.applyRemote(update, owners);
    this.watermark.add(seq);
    this.watchGap();
  }

  /** The store's head for this doc, as the poll read it. */
  headSeen(head: number): void {
    if (head > this.watermark.applied) void this.catchUp();
  }

  catchUp(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.readFromStore().finally(() => {
      this.running = undefined;
      if (this.again && !this.closed) {
        this.again = false;
        void this.catchUp();
      }
    });
    return this.running;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.gapTimer);
    this.onClose(this);
  }

  private async readFromStore(): Promise<void> {
    let result;
    try {
      result = await this.store.loadUpdatesAfter(this.room.id, this.watermark.applied, this.room.docName);
    } catch (error) {
      // The store is unreachable: nothing can be read now; the next poll or gap check tries again.
      this.log.warn({ err: error, board: this.room.id }, 'catching up from the store failed');
      return;
    }
    if (this.closed) return;
    // Every row is applied, even under a seq this copy holds: a row may be
    // another node's compaction snapshot, stored under the highest seq it
    // covers, and carry updates below it that this copy missed. Applying
    // what the doc already holds changes nothing.
    for (const { seq, data } of result.updates) {
      this.room.applyRemote(data);
      this.watermark.add(seq);
    }
    this.watermark.raise(result.head);
    this.watchGap();
  }

  private watchGap(): void {
    if (!this.watermark.hasGap) {
      clearTimeout(this.gapTimer);
      this.gapTimer = undefined;
      return;
    }
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      if (this.watermark.hasGap) void this.catchUp();
    }, GAP_GRACE_MS);
    this.gapTimer.unref();
  }
}
