import type { Logger } from 'pino';
import type { BoardStore } from '../store/board-store.js';
import type { Room } from '../sync/room.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import type { BusState, ClusterBus } from './bus.js';
import type { BusMessage } from './bus-messages.js';
import { RoomFeed } from './room-feed.js';

export interface ClusterNodeOptions {
  /** How often the store's heads are read while the bus works (catches a lost last message). */
  pollMs: number;
  /** …and while it is down or absent: then the poll is the only way between nodes. */
  pollMsWithoutBus: number;
}

/**
 * One node among several sharing a store (docs/scaling.md). The store is the
 * truth; the bus (Redis) only makes the news travel fast. Invariants:
 * - a board's channel is listened to before its document is read from the
 *   store, so every update is either in what was read or arrives after it;
 * - every loaded document converges to the store without the bus: gaps in
 *   the seqs are read back (RoomFeed), the heads are polled, and a bus that
 *   comes back triggers a catch-up of every loaded document;
 * - access changes (a member removed or changed, a link rotated) reach every
 *   node's open connections: announced on the bus, and noticed by the poll
 *   through the board's access epoch when the announcement is lost.
 */
export class ClusterNode {
  private readonly feeds = new Map<string, Set<RoomFeed>>();
  private readonly epochs = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private stopped = false;

  constructor(
    private readonly store: BoardStore,
    private readonly bus: ClusterBus,
    private readonly rooms: RoomRegistry,
    private readonly log: Logger,
    /** Re-checks every open connection of a board against the store (SyncServer.recheck). */
    private readonly recheckAccess: (boardId: string) => void,
    private readonly options: ClusterNodeOptions,
  ) {
    bus.onMessage = (boardId, message) => this.receive(boardId, message);
    bus.onReconnect = () => this.catchUpAll();
    this.schedulePoll();
  }

  get busState(): BusState {
    return this.bus.state;
  }

  /** Before a board's document is read from the store (RoomRegistry.beforeLoad). */
  beforeLoad(boardId: string): Promise<void> {
    return this.bus.join(boardId);
  }

  /** The board's document could not be loaded: undo beforeLoad. */
  loadFailed(boardId: string): void {
    this.bus.leave(boardId);
  }

  /** A room was just loaded: links it to the other nodes (RoomRegistry.onLoad, before any peer joins). */
  attach(room: Room): void {
    const feed = new RoomFeed(room, this.store, this.bus, this.log, (closed) => this.detach(closed));
    room.attach(feed);
    let set = this.feeds.get(room.id);
    if (!set) this.feeds.set(room.id, (set = new Set()));
    set.add(feed);
    this.bus.publish(room.id, { kind: 'presence-query', node: this.bus.nodeId, doc: room.docName });
  }

  /** Who may do what on a board changed here: re-check connections here and on every other node. */
  accessChanged(boardId: string): void {
    this.bus.publish(boardId, { kind: 'access', node: this.bus.nodeId });
    this.recheckAccess(boardId);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.bus.close();
  }

  private detach(feed: RoomFeed): void {
    const set = this.feeds.get(feed.boardId);
    if (!set?.delete(feed)) return;
    if (set.size === 0) {
      this.feeds.delete(feed.boardId);
      this.epochs.delete(feed.boardId);
    }
    this.bus.leave(feed.boardId);
  }

  private feed(boardId: string, doc: string): RoomFeed | undefined {
    for (const feed of this.feeds.get(boardId) ?? []) if (feed.docName === doc) return feed;
    return undefined;
  }

  private receive(boardId: string, message: BusMessage): void {
    if (message.kind === 'access') {
      if (this.feeds.has(boardId)) this.recheckAccess(boardId);
      return;
    }
    // A message that arrives while the room is still loading waits for it:
    // the registry hands out the loading promise, and onLoad ran before it resolves.
    void this.rooms.peek(boardId, message.doc).then((room) => {
      if (!room || room.isClosing) return;
      switch (message.kind) {
        case 'update':
          this.feed(boardId, message.doc)?.received(message.seq, message.update, message.owners);
          return;
        case 'presence':
          room.applyRemotePresence(message.update);
          return;
        case 'presence-query': {
          const update = room.localPresence();
          if (update) this.bus.publish(boardId, { kind: 'presence', node: this.bus.nodeId, doc: room.docName, update });
          return;
        }
      }
    }, () => undefined);
  }

  private catchUpAll(): void {
    for (const set of this.feeds.values()) for (const feed of set) void feed.catchUp();
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    const delay = this.bus.state === 'ok' ? this.options.pollMs : this.options.pollMsWithoutBus;
    this.timer = setTimeout(() => void this.poll().finally(() => this.schedulePoll()), delay);
    this.timer.unref();
  }

  /** Reads the heads and access epochs of every loaded board in one query. */
  private async poll(): Promise<void> {
    if (this.polling || this.feeds.size === 0) return;
    this.polling = true;
    try {
      const boardIds = [...this.feeds.keys()];
      const { docs, epochs } = await this.store.heads(boardIds);
      for (const { boardId, doc, head } of docs) this.feed(boardId, doc)?.headSeen(head);
      for (const { boardId, epoch } of epochs) {
        // The first reading re-checks too: a change made between a connection's
        // admission and this node's first look at the epoch is not missed.
        const known = this.epochs.get(boardId);
        this.epochs.set(boardId, epoch);
        if (known !== epoch) this.recheckAccess(boardId);
      }
    } catch (error) {
      this.log.debug({ err: error }, 'polling the store failed');
    } finally {
      this.polling = false;
    }
  }
}
