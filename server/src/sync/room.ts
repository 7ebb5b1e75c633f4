import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from 'pino';
import { systemOrigin } from '../../../shared/src/index.js';
import type { BoardStore } from '../store/board-store.js';
import { encodeAwareness, encodeUpdate } from './messages.js';
import { MAX_AWARENESS_IDS_PER_CONNECTION } from './awareness-stamp.js';

/** What a room needs from a connection: a way to send and to close. */
export interface RoomPeer {
  readonly id: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  /** Compact the stored updates into one snapshot after this many appends. */
  compactEvery: number;
}

const LOAD_ORIGIN = systemOrigin('load');

/**
 * One live board: its Y.Doc, awareness and connected peers. Invariants:
 * - the stored state is applied before any peer joins (rooms are created by
 *   `Room.load`, which resolves only after loading);
 * - every update the doc integrates is appended to the store, then broadcast
 *   once (encoded once for all peers), in arrival order;
 * - once `closing` is set no peer can join; `unload` flushes and compacts.
 */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly peers = new Set<RoomPeer>();
  /** Awareness client ids published through each peer, removed when it leaves. */
  private readonly controlled = new Map<RoomPeer, Set<number>>();
  private writes: Promise<void> = Promise.resolve();
  private appendsSinceCompact = 0;
  private lastSeq: number;
  private closing = false;

  private constructor(
    readonly id: string,
    /** Which of the board's documents this room holds (MAIN_DOC or a drafts doc). */
    readonly docName: string,
    readonly doc: Y.Doc,
    private readonly store: BoardStore,
    private readonly log: Logger,
    private readonly options: RoomOptions,
    lastSeq: number,
    storedUpdates: number,
  ) {
    this.lastSeq = lastSeq;
    this.appendsSinceCompact = storedUpdates;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server is not a participant: it publishes no presence of its own.
    this.awareness.setLocalState(null);
    doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  static async load(
    id: string, docName: string, store: BoardStore, log: Logger, options: RoomOptions,
  ): Promise<Room> {
    const { updates, lastSeq } = await store.loadUpdates(id, docName);
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    const room = new Room(id, docName, doc, store, log.child({ board: id, doc: docName || undefined }), options, lastSeq, updates.length);
    if (updates.length > options.compactEvery) room.scheduleCompaction();
    return room;
  }

  get size(): number {
    return this.peers.size;
  }

  get isClosing(): boolean {
    return this.closing;
  }

  /** Adds a peer. Callers check `isClosing` first (see RoomRegistry.join). */
  add(peer: RoomPeer): void {
    if (this.closing) throw new Error('room is unloading');
    this.peers.add(peer);
    this.controlled.set(peer, new Set());
  }

  /** Removes a peer and its presence. Returns the number of peers left. */
  leave(peer: RoomPeer): number {
    if (!this.peers.delete(peer)) return this.peers.size;
    const ids = this.controlled.get(peer);
    this.controlled.delete(peer);
    if (ids && ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
    return this.peers.size;
  }

  /** Applies an update from a peer. Throws if the update cannot be decoded. */
  applyPeerUpdate(update: Uint8Array, origin: object): void {
    Y.applyUpdate(this.doc, update, origin);
  }

  applyPeerAwareness(update: Uint8Array, peer: RoomPeer): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  /**
   * Whether `peer` may publish presence for `clientId`: ids belong to the first
   * peer that publishes them, and each peer gets a few at most.
   */
  mayPublishAwareness(peer: RoomPeer, clientId: number): boolean {
    for (const [other, ids] of this.controlled) {
      if (ids.has(clientId)) return other === peer;
    }
    const own = this.controlled.get(peer);
    return own !== undefined && own.size < MAX_AWARENESS_IDS_PER_CONNECTION;
  }

  awarenessSnapshot(): Uint8Array | undefined {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? encodeAwareness(this.awareness, clients) : undefined;
  }

  /** Resolves once everything received so far is committed to the store. */
  flushed(): Promise<void> {
    return this.writes;
  }

  /** Stops accepting peers, closes the remaining ones, writes a compacted snapshot. */
  async unload(closeCode?: number, reason = ''): Promise<void> {
    this.closing = true;
    if (closeCode !== undefined) for (const peer of [...this.peers]) peer.close(closeCode, reason);
    this.scheduleCompaction();
    await this.writes;
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    // Stored first, then broadcast: no peer ever sees a change the server could
    // still lose in a crash. The write queue keeps broadcasts in arrival order.
    this.enqueue(async () => {
      this.lastSeq = await this.store.appendUpdate(this.id, update, this.docName);
      this.appendsSinceCompact += 1;
      const message = encodeUpdate(update);
      for (const peer of this.peers) peer.send(message);
    });
    if (this.appendsSinceCompact + 1 >= this.options.compactEvery) this.scheduleCompaction();
  };

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const ids = this.controlled.get(origin as RoomPeer);
    if (ids) {
      for (const id of change.added) ids.add(id);
      for (const id of change.removed) ids.delete(id);
    }
    if (changed.length === 0) return;
    const message = encodeAwareness(this.awareness, changed);
    for (const peer of this.peers) peer.send(message);
  };

  private compactionQueued = false;

  private scheduleCompaction(): void {
    if (this.compactionQueued) return;
    this.compactionQueued = true;
    this.enqueue(async () => {
      this.compactionQueued = false;
      if (this.doc.isDestroyed) return;
      // Every update with seq <= lastSeq is already in the doc, so the snapshot
      // covers them; later ones are kept by the store and re-applied harmlessly.
      const state = Y.encodeStateAsUpdate(this.doc);
      await this.store.compact(this.id, state, this.lastSeq, this.docName);
      this.appendsSinceCompact = 0;
    });
  }

  private enqueue(task: () => Promise<void>): void {
    this.writes = this.writes.then(task).catch((error: unknown) => {
      this.log.error({ err: error }, 'writing board to the store failed');
    });
  }
}
