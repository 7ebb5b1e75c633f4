import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from 'pino';
import { systemOrigin, type Verdict } from '../../../shared/src/index.js';
import type { UpdateGuard } from './update-guard.js';
import { StagingReplica } from './staging-replica.js';
import { boundUpdate, type Bounded } from './update-bounds.js';
import { surelyPending } from './update-scan.js';
import { RefusalBudget } from './refusal-budget.js';
import type { BoardStore } from '../store/board-store.js';
import { encodeAwareness, encodeSaved, encodeStorage, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './messages.js';
import { WriteQueue } from './write-queue.js';
import { MAX_AWARENESS_IDS_PER_CONNECTION } from './awareness-stamp.js';

/** What a room needs from a connection: a way to send and to close. */
export interface RoomPeer {
  readonly id: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Whether the peer understands Tabella's `saved` and `storage` messages (it asked with `ack=1`). */
  readonly wantsAcks?: boolean;
}

/** Bytes a peer sent that Yjs cannot read or apply. */
export class MalformedUpdate extends Error {
  constructor(cause: unknown) {
    super('malformed update', { cause });
  }
}

/** The server cannot take this update now (a transient refusal: the client reconnects and resends). */
export class ServerBusy extends Error {
  constructor() {
    super('server busy, reconnect');
  }
}

/** Peer updates a room holds while its staging replica is being built: far more than a room sends meanwhile. */
const MAX_QUEUED_BYTES = 32 * 1024 * 1024;

/** Refused or malformed updates one person may send a board per minute; an honest client hits one in a rare race. */
const REFUSALS_PER_MINUTE = 6;

/** Share of the board's size limit only facilitators may fill, so they can still tidy a full board. */
const FACILITATOR_RESERVE = 0.1;

/** Most updates merged into one stored row and one broadcast. */
const MAX_MERGE = 64;

/** The state vector message of an empty doc: what a brand-new client sends. */
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === EMPTY_STATE_VECTOR.byteLength && stateVector[0] === EMPTY_STATE_VECTOR[0];
}

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
  /**
   * Refused or malformed updates one person may send per minute before the
   * room stops judging theirs (each refusal costs a rebuild of the staging
   * replica). Default 6: an honest client meets one in a rare race.
   */
  refusalsPerMinute?: number;
}

const LOAD_ORIGIN = systemOrigin('load');

/**
 * One live board: its Y.Doc, awareness and connected peers. Invariants:
 * - the stored state is applied before any peer joins (rooms are created by
 *   `Room.load`, which resolves only after loading);
 * - updates that arrive within one tick are merged, appended to the store as
 *   one row, then broadcast once (encoded once for all peers), in arrival
 *   order; only then are their senders told their changes are saved;
 * - presence changes within one presence tick (`presenceTickMs`) go out as
 *   one message with the latest state of each client;
 * - once `closing` is set no peer can join; `unload` flushes and compacts.
 */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly peers = new Set<RoomPeer>();
  /** Awareness client ids published through each peer, removed when it leaves. */
  private readonly controlled = new Map<RoomPeer, Set<number>>();
  /** The reverse: which peer owns each awareness client id. */
  private readonly owner = new Map<number, RoomPeer>();
  private readonly writes: WriteQueue;
  /** Updates integrated this tick, with the peer that sent each (none for the server's own). */
  private batch: { update: Uint8Array; peer: RoomPeer | undefined }[] = [];
  private batchScheduled = false;
  /** Presence client ids changed this tick. */
  private awarenessChanged = new Set<number>();
  private awarenessScheduled = false;
  /** Cached answers for joining clients, dropped whenever the doc changes. */
  private cachedStep1: Uint8Array | undefined;
  private cachedFullState: Uint8Array | undefined;
  private readonly peerByOrigin = new Map<object, RoomPeer>();
  /** Where each peer update is applied and judged before the live doc sees it. */
  private readonly staging: StagingReplica;
  /** True while the live doc applies an update the staging replica produced (it already holds it). */
  private applyingStaged = false;
  /**
   * Who first wrote under each client id (a member id, or `server`). A client
   * id is one Y.Doc's: writing under someone else's would take the clocks
   * their next changes need, and Yjs would drop those as duplicates.
   */
  private readonly clientOwners = new Map<number, string>();
  /** Bytes each person's accepted updates added while the room is loaded (their quota). */
  private readonly bytesBy = new Map<string, number>();
  /** Peer updates waiting for the staging replica, in arrival order, and their bytes. */
  private readonly queued: {
    update: Uint8Array; guard: UpdateGuard; origin: object; peer: RoomPeer;
    resolve: (verdict: Verdict) => void; reject: (error: unknown) => void;
  }[] = [];
  private queuedBytes = 0;
  /** Each refusal costs a rebuild of the staging replica: a person gets a few a minute. */
  private readonly refusals: RefusalBudget;
  /** Updates integrated into the doc so far, and how many of them are committed to the store. */
  private integrated = 0;
  private stored = 0;
  /** Sync answers waiting until `stored` reaches `target`, or storage trouble starts (see syncStep2). */
  private storedWaiters: { target: number; wake: () => void }[] = [];
  /** During storage trouble: the board as the store holds it (what is really saved), loaded once. */
  private savedView: Promise<Y.Doc> | undefined;
  private appendsSinceCompact = 0;
  /** Approximate size in the store: the last snapshot plus what was appended since. */
  private committedBytes: number;
  /** Bytes of this tick's updates, not yet handed to the write queue. */
  private batchBytes = 0;
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
    storedBytes: number,
  ) {
    this.committedBytes = storedBytes;
    this.lastSeq = lastSeq;
    this.appendsSinceCompact = storedUpdates;
    this.writes = new WriteQueue(log, (failing) => {
      if (failing) {
        this.wakeStoredWaiters(true);
      } else {
        void this.savedView?.then((doc) => doc.destroy(), () => undefined);
        this.savedView = undefined;
      }
      const message = encodeStorage(failing);
      for (const peer of this.peers) if (peer.wantsAcks) peer.send(message);
    });
    this.staging = new StagingReplica(doc);
    this.refusals = new RefusalBudget(options.refusalsPerMinute ?? REFUSALS_PER_MINUTE);
    this.clientOwners.set(doc.clientID, 'server');
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
    const bytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
    const room = new Room(id, docName, doc, store, log.child({ board: id, doc: docName || undefined }), options, lastSeq, updates.length, bytes);
    if (updates.length > options.compactEvery) room.scheduleCompaction();
    // The staging copy is built (in slices) when the first person writes: a board
    // only watched (a projector, exports, forms) never pays its memory.
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
    if (ids) for (const id of ids) this.owner.delete(id);
    if (ids && ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
    // Ids whose removal is already sent are forgotten now; the others once it is (flushAwareness).
    if (ids) for (const id of ids) if (!this.awarenessChanged.has(id)) this.awareness.meta.delete(id);
    return this.peers.size;
  }

  /**
   * Judges an update from a peer and applies it only if approved (origin: the
   * peer's transaction origin). The update is bounded in cost first
   * (update-bounds.ts), then applied to the staging replica, whose effect the
   * guard judges; the live doc then applies the replica's re-encoding of what
   * was integrated, never the peer's raw bytes. A refused update is never
   * applied, stored, broadcast or acknowledged. Throws `MalformedUpdate` on
   * bytes Yjs cannot apply (nothing is applied then either).
   */
  receivePeerUpdate(update: Uint8Array, guard: UpdateGuard, origin: object, peer: RoomPeer): Verdict | Promise<Verdict> {
    if (this.staging.ready && this.queued.length === 0) return this.judgeAndApply(update, guard, origin, peer);
    // The staging replica is being (re)built: judge in arrival order once it is ready.
    if (this.queuedBytes + update.byteLength > MAX_QUEUED_BYTES) throw new ServerBusy();
    this.queuedBytes += update.byteLength;
    return new Promise<Verdict>((resolve, reject) => {
      this.queued.push({ update, guard, origin, peer, resolve, reject });
      if (this.queued.length === 1) this.drainWhenReady();
    });
  }

  /** Resolves once peer updates are judged as they arrive (no staging copy being built, none queued). */
  async judgingReady(): Promise<void> {
    while (!this.staging.ready || this.queued.length > 0) {
      await this.staging.whenReady();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private drainWhenReady(): void {
    this.staging.whenReady().then(() => {
      while (this.queued.length > 0 && this.staging.ready) {
        const next = this.queued.shift()!;
        this.queuedBytes -= next.update.byteLength;
        if (!this.peers.has(next.peer)) {
          next.resolve({ ok: false, rule: 'R11', reason: 'disconnected before the change was judged' });
          continue;
        }
        try {
          next.resolve(this.judgeAndApply(next.update, next.guard, next.origin, next.peer));
        } catch (error) {
          next.reject(error);
        }
      }
      if (this.queued.length > 0) this.drainWhenReady();
    }, () => {
      // The room is unloading: nothing more is judged; the clients resend after reconnecting.
      for (const next of this.queued.splice(0)) next.reject(new ServerBusy());
      this.queuedBytes = 0;
    });
  }

  private judgeAndApply(update: Uint8Array, guard: UpdateGuard, origin: object, peer: RoomPeer): Verdict {
    let bounded: Bounded;
    try {
      bounded = boundUpdate(update, guard.limits);
    } catch (error) {
      throw new MalformedUpdate(error);
    }
    if (!bounded.ok) return { ok: false, rule: 'R11', reason: bounded.reason };
    const used = this.bytesBy.get(guard.owner) ?? 0;
    if (guard.quotaBytes !== undefined && used + bounded.update.byteLength > guard.quotaBytes) {
      return { ok: false, rule: 'R11', reason: 'you have written as much as one person may on this board' };
    }
    if (!guard.mayUseReserve && this.storedBytes + bounded.update.byteLength > this.options.maxBytes * (1 - FACILITATOR_RESERVE)) {
      return { ok: false, rule: 'R11', reason: 'the board is nearly full: only the facilitator can still change it' };
    }
    if (surelyPending(bounded.scan, (client) => Y.getState(this.doc.store, client))) {
      return { ok: false, rule: 'R11', reason: 'update depends on changes the server does not have' };
    }
    if (!this.refusals.allows(guard.owner)) {
      return { ok: false, rule: 'R11', reason: 'too many refused changes: wait a minute, then reload' };
    }
    const staged = this.staging.stage(bounded.update, (changes, before, after, clients) => {
      for (const client of clients) {
        const owner = this.clientOwners.get(client);
        if (owner !== undefined && owner !== guard.owner) {
          return { ok: false, rule: 'R11', reason: 'that change is written under someone else\'s client id' };
        }
      }
      return guard.judge(changes, before, after);
    });
    if (staged.ok === 'malformed') {
      this.refusals.count(guard.owner);
      throw new MalformedUpdate(staged.error);
    }
    if (!staged.ok) {
      this.refusals.count(guard.owner);
      return staged.verdict;
    }
    for (const client of staged.clients) this.clientOwners.set(client, guard.owner);
    if (!staged.update) return { ok: true };
    this.bytesBy.set(guard.owner, used + staged.update.byteLength);
    this.peerByOrigin.set(origin, peer);
    this.applyingStaged = true;
    try {
      Y.applyUpdate(this.doc, staged.update, origin);
    } finally {
      this.applyingStaged = false;
      this.peerByOrigin.delete(origin);
    }
    return { ok: true };
  }

  /** The y-websocket handshake's first message: our state vector (cached until the doc changes). */
  syncStep1(): Uint8Array {
    this.cachedStep1 ??= encodeSyncStep1(this.doc);
    return this.cachedStep1;
  }

  /**
   * Answer to a peer's state vector. Invariant: a peer is only ever shown
   * what the store holds, so anything it has seen survives a crash (the
   * broadcast path keeps the same rule: stored, then sent). Usually nothing
   * is pending and the answer is immediate; a brand-new client (empty state
   * vector) then gets the cached full state, so a join storm costs one
   * encode. With updates still being written, the answer waits for the
   * write (same tick); while storage is failing, it is built from the store.
   */
  syncStep2(stateVector: Uint8Array): Uint8Array | Promise<Uint8Array> {
    if (this.stored === this.integrated) return this.answerFromDoc(stateVector);
    return this.answerWhenStored(stateVector);
  }

  private answerFromDoc(stateVector: Uint8Array): Uint8Array {
    if (isEmptyStateVector(stateVector)) {
      this.cachedFullState ??= encodeSyncStep2(this.doc, stateVector);
      return this.cachedFullState;
    }
    return encodeSyncStep2(this.doc, stateVector);
  }

  private async answerWhenStored(stateVector: Uint8Array): Promise<Uint8Array> {
    if (!this.writes.isFailing) {
      // Waits for what was integrated before the request, not for a quiet
      // moment: under steady editing a quiet moment may never come. Later
      // updates are stored in the same tick they are flushed in.
      const target = this.integrated;
      await new Promise<void>((wake) => this.storedWaiters.push({ target, wake }));
      if (!this.writes.isFailing) return this.answerFromDoc(stateVector);
    }
    this.savedView ??= this.loadSavedView();
    return encodeSyncStep2(await this.savedView, stateVector);
  }

  private async loadSavedView(): Promise<Y.Doc> {
    const { updates } = await this.store.loadUpdates(this.id, this.docName);
    const saved = new Y.Doc({ gc: true });
    saved.transact(() => {
      for (const update of updates) Y.applyUpdate(saved, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    return saved;
  }

  private wakeStoredWaiters(all: boolean): void {
    const waiting = this.storedWaiters;
    this.storedWaiters = [];
    for (const waiter of waiting) {
      if (all || waiter.target <= this.stored) waiter.wake();
      else this.storedWaiters.push(waiter);
    }
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

  /** Accepted changes held in memory, not yet written to the store. */
  get pendingBytes(): number {
    return this.writes.pendingBytes + this.batchBytes;
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
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  /** Presence states one board keeps at most. */
  get maxPresence(): number {
    return this.options.maxPresence;
  }

  /**
   * Whether `peer` may publish presence for `clientId`, claiming it if so. Ids
   * belong to the first peer that claims them until it leaves, removed states
   * included. Claims are taken here, entry by entry while a message is read,
   * not when it is applied: so one message claiming 1,500 ids gets no more
   * than a peer's few (MAX_AWARENESS_IDS_PER_CONNECTION), and the board's cap
   * (maxPresence) counts every claim before anything is applied.
   */
  mayPublishAwareness(peer: RoomPeer, clientId: number): boolean {
    const other = this.owner.get(clientId);
    if (other) return other === peer;
    const own = this.controlled.get(peer);
    if (!own || own.size >= MAX_AWARENESS_IDS_PER_CONNECTION || this.owner.size >= this.options.maxPresence) return false;
    own.add(clientId);
    this.owner.set(clientId, peer);
    return true;
  }

  awarenessSnapshot(): Uint8Array | undefined {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? encodeAwareness(this.awareness, clients) : undefined;
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
    void this.savedView?.then((doc) => doc.destroy(), () => undefined);
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.staging.drop();
    this.doc.destroy();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return;
    if (!this.applyingStaged) this.staging.mirror(update);
    this.integrated += 1;
    this.cachedStep1 = undefined;
    this.cachedFullState = undefined;
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
        this.stored += batch.length;
        if (this.storedWaiters.length > 0) this.wakeStoredWaiters(false);
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

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
  ): void => {
    for (const id of change.added) this.awarenessChanged.add(id);
    for (const id of change.updated) this.awarenessChanged.add(id);
    for (const id of change.removed) this.awarenessChanged.add(id);
    if (this.awarenessChanged.size > 0 && !this.awarenessScheduled) {
      this.awarenessScheduled = true;
      // Presence goes out on a short fixed tick: 60 cursors at 20 Hz become
      // one message per tick per peer instead of 1,200 per second per peer.
      setTimeout(() => this.flushAwareness(), this.options.presenceTickMs).unref();
    }
  };

  /** One presence message per tick, with the latest state of every client that changed. */
  private flushAwareness(): void {
    this.awarenessScheduled = false;
    if (this.awareness.doc.isDestroyed || this.awarenessChanged.size === 0) return;
    const changed = [...this.awarenessChanged];
    this.awarenessChanged = new Set();
    const message = encodeAwareness(this.awareness, changed);
    for (const peer of this.peers) peer.send(message);
    // Awareness keeps a clock for every id it ever saw. Once the removal went
    // out, an id nobody claims (its peer left) is forgotten, so peers coming
    // and going do not grow the room's memory.
    for (const id of changed) if (!this.owner.has(id) && !this.awareness.getStates().has(id)) this.awareness.meta.delete(id);
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
      const state = Y.encodeStateAsUpdate(this.doc);
      await this.store.compact(this.id, state, this.lastSeq, this.docName);
      this.appendsSinceCompact = 0;
      this.committedBytes = state.byteLength;
    });
  }

  private enqueue(task: () => Promise<void>): void {
    this.writes.push(task);
  }
}
