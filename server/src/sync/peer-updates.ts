import * as Y from 'yjs';
import type { Verdict } from '../../../shared/src/index.js';
import { RefusalBudget } from './refusal-budget.js';
import type { RoomPeer } from './room-peer.js';
import { StagingReplica } from './staging-replica.js';
import { boundUpdate, type Bounded } from './update-bounds.js';
import type { UpdateGuard } from './update-guard.js';
import { surelyPending } from './update-scan.js';

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

/** Peer updates a room holds while its staging copy is being built: far more than a room sends meanwhile. */
const MAX_QUEUED_BYTES = 32 * 1024 * 1024;
/** Refused or malformed updates one person may send a board per minute; an honest client hits one in a rare race. */
const REFUSALS_PER_MINUTE = 6;
/** Share of the board's size limit only facilitators may fill, so they can still tidy a full board. */
const FACILITATOR_RESERVE = 0.1;
/** Queued updates are judged for at most this long in one task, so a backlog never holds the loop. */
const DRAIN_SLICE_MS = 10;

/** What PeerUpdates needs from its room. */
export interface PeerUpdatesHost {
  /** The live document. */
  readonly doc: Y.Doc;
  /** Stored plus unwritten bytes of the board, now. */
  storedBytes(): number;
  readonly maxBytes: number;
  /** Whether `peer` is still connected. */
  has(peer: RoomPeer): boolean;
  /** Applies an approved update (Yjs's re-encoding of what the staging copy integrated) to the live doc as `peer`'s. */
  applyApproved(update: Uint8Array, origin: object, peer: RoomPeer): void;
}

interface Queued {
  update: Uint8Array;
  guard: UpdateGuard;
  origin: object;
  peer: RoomPeer;
  resolve: (verdict: Verdict) => void;
  reject: (error: unknown) => void;
}

/**
 * The way in for every peer's document update (docs/security.md, "Every
 * update is judged"): bounded in cost (update-bounds.ts), held to the
 * person's quota and the facilitators' reserve, applied to the staging copy
 * whose effect the guard judges, and only then applied to the live doc, as
 * the copy's re-encoding. While the copy is being (re)built, updates wait in
 * arrival order. Invariants: a refused, pending or throwing update is never
 * applied to the live doc; every change the live doc makes itself is
 * mirrored into the copy (`mirror`).
 */
export class PeerUpdates {
  private readonly staging: StagingReplica;
  /** True while the live doc applies an update the copy produced (the copy already holds it). */
  private applying = false;
  /**
   * Who first wrote under each client id (a member id, or `server`). A client
   * id is one Y.Doc's: writing under someone else's would take the clocks
   * their next changes need, and Yjs would drop those as duplicates.
   */
  private readonly clientOwners = new Map<number, string>();
  /** Bytes each person's accepted updates added while the room is loaded (their quota). */
  private readonly bytesBy = new Map<string, number>();
  private readonly queued: Queued[] = [];
  private queuedBytes = 0;
  /** Each refusal costs a rebuild of the staging copy: a person gets a few a minute. */
  private readonly refusals: RefusalBudget;
  /**
   * Set when other nodes share the store: reads what they stored and this
   * room lacks. An update that would be refused is judged once more after it,
   * since an honest client may build on (or relay) another node's change
   * that has not reached this one yet: never refuse it for our lag.
   */
  catchUp: (() => Promise<void>) | undefined;
  /** An update is waiting for a catch-up before its second judgement: later ones wait behind it. */
  private retrying = false;

  constructor(
    private readonly host: PeerUpdatesHost,
    refusalsPerMinute = REFUSALS_PER_MINUTE,
  ) {
    this.staging = new StagingReplica(host.doc);
    this.refusals = new RefusalBudget(refusalsPerMinute);
    this.clientOwners.set(host.doc.clientID, 'server');
  }

  /** Judges `update` and applies it if approved. Throws `MalformedUpdate` (nothing applied) or `ServerBusy`. */
  receive(update: Uint8Array, guard: UpdateGuard, origin: object, peer: RoomPeer): Verdict | Promise<Verdict> {
    if (this.staging.ready && this.queued.length === 0 && !this.retrying) return this.judgeOrCatchUp(update, guard, origin, peer);
    // The staging copy is being (re)built: judge in arrival order once it is ready.
    if (this.queuedBytes + update.byteLength > MAX_QUEUED_BYTES) throw new ServerBusy();
    this.queuedBytes += update.byteLength;
    return new Promise<Verdict>((resolve, reject) => {
      this.queued.push({ update, guard, origin, peer, resolve, reject });
      if (this.queued.length === 1) this.drainWhenReady();
    });
  }

  /** Who wrote under each of `owners`' client ids, as another node judged it; a client id already owned here keeps its owner. */
  claim(owners: readonly (readonly [number, string])[]): void {
    for (const [client, owner] of owners) if (!this.clientOwners.has(client)) this.clientOwners.set(client, owner);
  }

  /** The owners of the client ids an update (the live doc's own encoding) writes under, for other nodes. */
  ownersOf(update: Uint8Array): [number, string][] {
    const out: [number, string][] = [];
    for (const client of Y.parseUpdateMeta(update).to.keys()) {
      const owner = this.clientOwners.get(client);
      if (owner !== undefined && owner !== 'server') out.push([client, owner]);
    }
    return out;
  }

  /** Bytes of updates waiting to be judged (held in memory like unwritten ones). */
  get waitingBytes(): number {
    return this.queuedBytes;
  }

  /** Resolves once updates are judged as they arrive (no copy being built, none queued). */
  async ready(): Promise<void> {
    while (!this.staging.ready || this.queued.length > 0) {
      await this.staging.whenReady();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Starts building the staging copy (in slices) before the first update
   * needs it: from `stored`, the updates the live doc was just loaded from
   * (and nothing since), or else from the live doc itself.
   */
  prepare(stored?: readonly Uint8Array[]): void {
    this.staging.whenReady(stored).catch(() => undefined);
  }

  /** A change the live doc made (called for every live update; the ones the copy produced are skipped). */
  mirror(update: Uint8Array): void {
    if (!this.applying) this.staging.mirror(update);
  }

  /** The room is unloading. */
  close(): void {
    this.staging.drop();
  }

  private drainWhenReady(): void {
    this.staging.whenReady().then(() => {
      const until = performance.now() + DRAIN_SLICE_MS;
      while (this.queued.length > 0 && this.staging.ready && !this.retrying && performance.now() < until) {
        const next = this.queued.shift()!;
        this.queuedBytes -= next.update.byteLength;
        if (!this.host.has(next.peer)) {
          next.resolve({ ok: false, rule: 'R11', reason: 'disconnected before the change was judged' });
          continue;
        }
        try {
          const verdict = this.judgeOrCatchUp(next.update, next.guard, next.origin, next.peer);
          if (verdict instanceof Promise) verdict.then(next.resolve, next.reject);
          else next.resolve(verdict);
        } catch (error) {
          next.reject(error);
        }
      }
      // A retry in progress drains the rest itself when it is done.
      if (this.queued.length > 0 && !this.retrying) setImmediate(() => this.drainWhenReady());
    }, () => {
      // The room is unloading: nothing more is judged; the clients resend after reconnecting.
      for (const next of this.queued.splice(0)) next.reject(new ServerBusy());
      this.queuedBytes = 0;
    });
  }

  /**
   * Judges and applies; with other nodes, a refusal that may come from this
   * node's lag is judged again after a catch-up, and updates that arrive
   * meanwhile wait in order. Quota and size refusals are not about lag.
   */
  private judgeOrCatchUp(update: Uint8Array, guard: UpdateGuard, origin: object, peer: RoomPeer): Verdict | Promise<Verdict> {
    const catchUp = this.catchUp;
    if (!catchUp) return this.judgeAndApply(update, guard, origin, peer, true);
    const first = this.judgeAndApply(update, guard, origin, peer, false);
    if (first.ok || first.limit !== undefined) return first;
    this.retrying = true;
    const retry = catchUp()
      .then(() => this.staging.whenReady())
      .then(() => (this.host.has(peer)
        ? this.judgeAndApply(update, guard, origin, peer, true)
        : { ok: false, rule: 'R11', reason: 'disconnected before the change was judged' } satisfies Verdict));
    void retry.finally(() => {
      this.retrying = false;
      if (this.queued.length > 0) this.drainWhenReady();
    }).catch(() => undefined);
    return retry;
  }

  private judgeAndApply(update: Uint8Array, guard: UpdateGuard, origin: object, peer: RoomPeer, final: boolean): Verdict {
    let bounded: Bounded;
    try {
      bounded = boundUpdate(update, guard.limits);
    } catch (error) {
      throw new MalformedUpdate(error);
    }
    if (!bounded.ok) return { ok: false, rule: 'R11', limit: 'update-too-large', reason: bounded.reason };
    const used = this.bytesBy.get(guard.owner) ?? 0;
    if (guard.quotaBytes !== undefined && used + bounded.update.byteLength > guard.quotaBytes) {
      return { ok: false, rule: 'R11', limit: 'person-quota', reason: 'you have written as much as one person may on this board' };
    }
    if (!guard.mayUseReserve && this.host.storedBytes() + bounded.update.byteLength > this.host.maxBytes * (1 - FACILITATOR_RESERVE)) {
      return { ok: false, rule: 'R11', limit: 'board-nearly-full', reason: 'the board is nearly full: only the facilitator can still change it' };
    }
    if (surelyPending(bounded.scan, (client) => Y.getState(this.host.doc.store, client))) {
      return { ok: false, rule: 'R11', reason: 'update depends on changes the server does not have', missing: true };
    }
    if (!this.refusals.allows(guard.owner)) {
      return { ok: false, rule: 'R11', limit: 'too-many-refusals', reason: 'too many refused changes: wait a minute, then reload' };
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
      if (final) this.refusals.count(guard.owner);
      return staged.verdict;
    }
    for (const client of staged.clients) this.clientOwners.set(client, guard.owner);
    if (!staged.update) return { ok: true };
    this.bytesBy.set(guard.owner, used + staged.update.byteLength);
    this.applying = true;
    try {
      this.host.applyApproved(staged.update, origin, peer);
    } finally {
      this.applying = false;
    }
    return { ok: true };
  }
}
