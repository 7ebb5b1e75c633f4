import * as Y from 'yjs';
import type { Logger } from 'pino';
import { encodeSaved, encodeStorage, systemOrigin, type Verdict } from '../../../shared/src/index.js';
import type { UpdateGuard } from './update-guard.js';
import { PeerUpdates } from './peer-updates.js';
import type { RoomPeer } from './room-peer.js';
import type { BoardStore } from '../store/board-store.js';
import { encodeSyncStep2Of, encodeUpdate } from './messages.js';
import { WriteQueue } from './write-queue.js';
import { applyInSlices } from './sliced-apply.js';
import { RoomPresence } from './room-presence.js';
import { RoomReads } from './room-reads.js';
import type { RoomLink } from './room-link.js';

/** Most updates merged into one stored row and one broadcast. */
const MAX_MERGE = 64;


export interface RoomOptions {
  /** Compact the stored updates into one snapshot after this many appends. */
  compactEvery: number;
  /** Stored size (bytes) past which the board accepts no more updates. */
  maxBytes: number;
  /** Presence states kept at most. */
  maxPresence: number;
  /** Presence changes are gathered for this long, then sent as one message (latest state per client). */
  presenceTickMs: number;
  /** Bytes of accepted changes the room may hold unwritten (storage trouble); past it, writers are refused. */
  maxPendingBytes: number;
  /** Refused updates one person may send per minute (PeerUpdates; default 6). */
  refusalsPerMinute?: number;
}

const LOAD_ORIGIN = systemOrigin('load');
/** Updates another node stored: already in the store, so they are broadcast but never stored again. */
export const REMOTE_ORIGIN = systemOrigin('remote');

/**
 * One live board: its Y.Doc, awareness and connected peers. Invariants:
 * - the stored state is applied before any peer joins (rooms are created by
 *   `Room.load`, which resolves only after loading);
 * - updates that arrive within one tick are merged, appended to the store as
 *   one row, then broadcast once (encoded once for all peers), in arrival
 *   order; only then are their senders told their changes are saved;
 * - presence changes within one presence tick (`presenceTickMs`) go out as
 *   one message with the latest state of each client;
 * - a peer is only shown what the store holds (RoomReads);
 * - with other nodes sharing the store (`attach`), what they stored is
 *   applied and broadcast here but never stored again, and compaction
 *   reaches only as far as this copy holds every stored update;
 * - once `closing` is set no peer can join; `unload` flushes and compacts.
 */
export class Room {
  private readonly presence: RoomPresence;
  private readonly peers = new Set<RoomPeer>();
  private readonly writes: WriteQueue;
  /** Updates integrated this tick, with the peer that sent each (none for the server's own). */
  private batch: { update: Uint8Array; peer: RoomPeer | undefined }[] = [];
  private batchScheduled = false;
  /** Sync answers and other reads, shown only what the store holds. */
  private readonly reads: RoomReads;
  private readonly peerByOrigin = new Map<object, RoomPeer>();
  /** Judges and applies peer updates (staging copy, bounds, quotas, queue). */
  private readonly updates: PeerUpdates;
  /** Updates integrated into the doc so far, and how many of them are committed to the store. */
  private integrated = 0;
  private stored = 0;
  private appendsSinceCompact = 0;
  /** Approximate size in the store: the last snapshot plus what was appended since. */
  private committedBytes: number;
  /** Bytes of this tick's updates, not yet handed to the write queue. */
  private batchBytes = 0;
  private lastSeq: number;
  private closing = false;
  /** The other nodes sharing the store, when there are any (cluster mode). */
  private link: RoomLink | undefined;

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
    storedBytes: number,
  ) {
    this.committedBytes = storedBytes;
    this.lastSeq = lastSeq;
    this.appendsSinceCompact = storedUpdates;
    this.reads = new RoomReads({
      doc,
      integrated: () => this.integrated,
      stored: () => this.stored,
      failing: () => this.writes.isFailing,
      loadSaved: () => this.loadSavedView(),
    });
    this.writes = new WriteQueue(log, (failing) => {
      this.reads.storageFailing(failing);
      const message = encodeStorage(failing);
      for (const peer of this.peers) if (peer.wantsAcks) peer.send(message);
    });
    this.updates = new PeerUpdates({
      doc,
      storedBytes: () => this.storedBytes,
      maxBytes: options.maxBytes,
      has: (peer) => this.peers.has(peer),
      applyApproved: (update, origin, peer) => {
        this.peerByOrigin.set(origin, peer);
        try {
          Y.applyUpdate(this.doc, update, origin);
        } finally {
          this.peerByOrigin.delete(origin);
        }
      },
    }, options.refusalsPerMinute);
    this.presence = new RoomPresence(doc, { maxPresence: options.maxPresence, tickMs: options.presenceTickMs }, (message) => {
      for (const peer of this.peers) peer.send(message);
    }, (update) => this.link?.presence(update));
    doc.on('update', this.onDocUpdate);
  }

  static async load(
    id: string, docName: string, store: BoardStore, log: Logger, options: RoomOptions,
  ): Promise<Room> {
    const { updates, lastSeq } = await store.loadUpdates(id, docName);
    const doc = new Y.Doc({ gc: true });
    await applyInSlices(doc, updates, LOAD_ORIGIN);
    const bytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
    const room = new Room(id, docName, doc, store, log.child({ board: id, doc: docName || undefined }), options, lastSeq, updates.length, bytes);
    // A board stored as one snapshot is its own answer to a first sync: no
    // encoding of the whole doc in one task when the first person joins.
    if (updates.length === 1) room.reads.knowFullState(encodeSyncStep2Of(updates[0]!));
    if (updates.length > options.compactEvery) room.scheduleCompaction();
    // Built in slices right after loading, from the same stored bytes (no
    // re-encoding of the live doc), so the first edit rarely waits for it.
    room.updates.prepare(updates);
    return room;
  }

  /**
   * Connects the room to the other nodes sharing its store (before any peer
   * joins). From then on its stored updates and presence are published, and
   * a peer's update that would be refused is judged again after catching up
   * (another node may hold what it builds on).
   */
  attach(link: RoomLink): void {
    this.link = link;
    this.updates.catchUp = () => link.catchUp();
  }

  /**
   * Applies an update another node stored (from Redis or read back from the
   * store). It reaches this node's peers at once and is never stored again;
   * `owners` (who wrote under which client id, as the other node judged it)
   * keeps the client-id rule whole across nodes.
   */
  applyRemote(update: Uint8Array, owners: readonly (readonly [number, string])[] = []): void {
    if (this.doc.isDestroyed) return;
    this.updates.claim(owners);
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
  }

  /** Presence of another node's peers. */
  applyRemotePresence(update: Uint8Array): void {
    if (!this.doc.isDestroyed) this.presence.applyRemote(update);
  }

  /** This node's peers' presence, for a node that just loaded the board (undefined: none). */
  localPresence(): Uint8Array | undefined {
    return this.presence.localUpdate();
  }

  /** The seq of the last update this room stored or loaded. */
  get seq(): number {
    return this.lastSeq;
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
    this.presence.join(peer);
  }

  /** Removes a peer and its presence. Returns the number of peers left. */
  leave(peer: RoomPeer): number {
    if (!this.peers.delete(peer)) return this.peers.size;
    this.presence.leave(peer);
    return this.peers.size;
  }

  /**
   * Judges an update from a peer and applies it only if approved (origin: the
   * peer's transaction origin): see PeerUpdates. A refused update is never
   * applied, stored, broadcast or acknowledged.
   */
  receivePeerUpdate(update: Uint8Array, guard: UpdateGuard, origin: object, peer: RoomPeer): Verdict | Promise<Verdict> {
    return this.updates.receive(update, guard, origin, peer);
  }

  /** Resolves once peer updates are judged as they arrive (no staging copy being built, none queued). */
  judgingReady(): Promise<void> {
    return this.updates.ready();
  }

  /** The y-websocket handshake's first message: our state vector (cached until the doc changes). */
  syncStep1(): Uint8Array {
    return this.reads.syncStep1();
  }

  /** Answer to a peer's state vector: only what the store holds (RoomReads). */
  syncStep2(stateVector: Uint8Array): Uint8Array | Promise<Uint8Array> {
    return this.reads.syncStep2(stateVector);
  }

  /**
   * The board as the store holds it, for reads outside the sync (exports,
   * versions, forms): the same rule as syncStep2, so nobody reads a change the
   * server could still lose. Read it at once (RoomReads.storedView).
   */
  storedView(): Promise<Y.Doc> {
    return this.reads.storedView();
  }

  private async loadSavedView(): Promise<Y.Doc> {
    const { updates } = await this.store.loadUpdates(this.id, this.docName);
    const saved = new Y.Doc({ gc: true });
    await applyInSlices(saved, updates, LOAD_ORIGIN);
    return saved;
  }

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  /**
   * The board's size as the size limit (`maxBytes`) sees it: what the store
   * holds plus what waits to be written. Counting the waiting bytes keeps the
   * limit enforced while storage fails and nothing gets stored.
   */
  get storedBytes(): number {
    return this.committedBytes + this.pendingBytes;
  }

  /** Changes held in memory, not yet written to the store: accepted, or waiting to be judged. */
  get pendingBytes(): number {
    return this.writes.pendingBytes + this.batchBytes + this.updates.waitingBytes;
  }

  /**
   * Whether an update of `bytes` must be refused because too much waits to be
   * written already (storage failing). The write queue keeps everything it
   * accepted until it is stored, so this bound is what keeps its memory
   * finite. An update is always accepted into an empty queue, so a single
   * large one (up to the message size) can still be written.
   */
  backlogFull(bytes: number): boolean {
    const pending = this.pendingBytes;
    return pending > 0 && pending + bytes > this.options.maxPendingBytes;
  }

  /** True while the store is failing: nothing new is acknowledged until it recovers. */
  get storageFailing(): boolean {
    return this.writes.isFailing;
  }

  applyPeerAwareness(update: Uint8Array, peer: RoomPeer): void {
    this.presence.apply(update, peer);
  }

  /** Presence states one board keeps at most. */
  get maxPresence(): number {
    return this.options.maxPresence;
  }

  /** Whether `peer` may publish presence for `clientId`, claiming it if so (RoomPresence.mayPublish). */
  mayPublishAwareness(peer: RoomPeer, clientId: number): boolean {
    return this.presence.mayPublish(peer, clientId);
  }

  awarenessSnapshot(): Uint8Array | undefined {
    return this.presence.snapshot();
  }

  /** The room's presence states (read-only use: tests, diagnostics). */
  get awareness(): RoomPresence['awareness'] {
    return this.presence.awareness;
  }

  /** Resolves once everything received so far is committed to the store. */
  flushed(): Promise<void> {
    this.flushBatch();
    return this.writes.idle();
  }

  /** Stops accepting peers, closes the remaining ones, writes a compacted snapshot. */
  async unload(closeCode?: number, reason = ''): Promise<void> {
    this.closing = true;
    if (closeCode !== undefined) for (const peer of [...this.peers]) peer.close(closeCode, reason);
    this.flushBatch();
    this.scheduleCompaction();
    await this.writes.idle();
    this.reads.close();
    this.doc.off('update', this.onDocUpdate);
    this.presence.destroy();
    this.updates.close();
    this.link?.close();
    this.doc.destroy();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    this.updates.mirror(update);
    if (origin === REMOTE_ORIGIN) {
      // Stored by another node already: shown to this node's peers, never stored again.
      // Only what was new here counts towards the size (a re-read snapshot adds nothing).
      this.committedBytes += update.byteLength;
      this.reads.changed();
      const message = encodeUpdate(update);
      for (const peer of this.peers) peer.send(message);
      return;
    }
    this.integrated += 1;
    this.reads.changed();
    this.batch.push({ update, peer: this.peerByOrigin.get(origin as object) });
    this.batchBytes += update.byteLength;
    if (!this.batchScheduled) {
      this.batchScheduled = true;
      setImmediate(() => this.flushBatch());
    }
  };

  /**
   * Stores this tick's updates as one row, then broadcasts them as one
   * message, then acknowledges them. Stored first: no peer ever sees a change
   * the server could still lose in a crash, and "saved" is never said early.
   */
  private flushBatch(): void {
    this.batchScheduled = false;
    this.batchBytes = 0;
    // Merged in slices: Y.mergeUpdates slows down badly with many updates from
    // many clients (yjs issue #710). The updates merged here are the doc's own
    // re-encodings of what it integrated, never a client's raw bytes.
    while (this.batch.length > 0) {
      const batch = this.batch.splice(0, MAX_MERGE);
      const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update));
      this.writes.push(async () => {
        this.lastSeq = await this.store.appendUpdate(this.id, merged, this.docName);
        this.link?.stored(this.lastSeq, merged, this.updates.ownersOf(merged));
        this.stored += batch.length;
        this.reads.storedGrew();
        this.appendsSinceCompact += 1;
        this.committedBytes += merged.byteLength;
        const message = encodeUpdate(merged);
        for (const peer of this.peers) peer.send(message);
        this.acknowledge(batch);
      }, merged.byteLength);
      if (this.appendsSinceCompact + 1 >= this.options.compactEvery) this.scheduleCompaction();
    }
  }

  /** Tells each sender up to which clock its changes are now stored. */
  private acknowledge(batch: readonly { update: Uint8Array; peer: RoomPeer | undefined }[]): void {
    const clocks = new Map<RoomPeer, Map<number, number>>();
    for (const { update, peer } of batch) {
      if (!peer?.wantsAcks || !this.peers.has(peer)) continue;
      let map = clocks.get(peer);
      if (!map) clocks.set(peer, (map = new Map()));
      for (const [client, clock] of Y.parseUpdateMeta(update).to) {
        map.set(client, Math.max(clock, map.get(client) ?? 0));
      }
    }
    for (const [peer, map] of clocks) if (map.size > 0) peer.send(encodeSaved(map));
  }

  private compactionQueued = false;

  private scheduleCompaction(): void {
    if (this.compactionQueued) return;
    this.compactionQueued = true;
    this.enqueue(async () => {
      this.compactionQueued = false;
      if (this.doc.isDestroyed) return;
      // Every update with seq <= lastSeq is already in the doc, so the snapshot
      // covers them; later ones are kept by the store and re-applied harmlessly.
      // With other nodes, only as far as this doc holds every stored update
      // (another node's update may be stored below lastSeq and not be here yet).
      const upTo = this.link ? this.link.compactUpTo() : this.lastSeq;
      const state = Y.encodeStateAsUpdate(this.doc);
      await this.store.compact(this.id, state, upTo, this.docName);
      this.appendsSinceCompact = 0;
      this.committedBytes = state.byteLength;
    });
  }

  private enqueue(task: () => Promise<void>): void {
    this.writes.push(task);
  }
}
