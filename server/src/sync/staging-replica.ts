import * as Y from 'yjs';
import { readEffect, type Change, type Verdict } from '../../../shared/src/index.js';
import { applyInSlices } from './sliced-apply.js';

/** Judges the effect of one update: the changes, with the board before and after them. */
export type EffectJudge = (changes: readonly Change[], before: Y.Doc, after: Y.Doc, clients: ReadonlySet<number>) => Verdict;

/** Outcome of staging one update. */
export type Staged =
  /**
   * Approved. `update` is what Yjs integrated, re-encoded by Yjs (none when
   * nothing changed); `clients` the client ids it wrote under.
   */
  | { ok: true; update: Uint8Array | undefined; clients: ReadonlySet<number> }
  | { ok: false; verdict: Extract<Verdict, { ok: false }> }
  /** The bytes are not an update Yjs can apply: nothing was applied. */
  | { ok: 'malformed'; error: unknown };

const STAGING_ORIGIN = Symbol('staging');

/**
 * A copy of a room's document on which each peer update is applied first, so
 * that the permission rules judge what Yjs really integrates rather than our
 * reading of the bytes (issue 10: Yjs ignores placeholders over ids it holds,
 * keeps only the last block per client, parks structs with missing
 * dependencies as pending, and may throw half way through an update).
 *
 * Invariants:
 * - while `ready`, the replica holds exactly the live document's state:
 *   every update the live document integrates is either one the replica
 *   produced (`stage`) or is mirrored into it (`mirror`);
 * - the live document only ever receives the replica's own re-encoding of
 *   an approved transaction, never a peer's raw bytes: what was judged is
 *   byte for byte what is applied, stored and broadcast;
 * - after a refusal, a pending remainder or a throw the replica no longer
 *   matches and is dropped. A new one is built from the live document in
 *   slices (`applyInSlices`), one task each, so building it
 *   never holds the event loop for long (all at once, a 2,000-note board
 *   takes ~100 ms); changes the live document makes meanwhile are applied
 *   after the slices. Until it is `ready`, the room queues peer updates.
 * - the room starts building it right after loading (PeerUpdates.prepare).
 */
export class StagingReplica {
  private replica: Y.Doc | undefined;
  private building: { doc: Y.Doc; mirrored: Uint8Array[]; done: Promise<void> } | undefined;

  constructor(private readonly live: Y.Doc) {}

  /** Whether `stage` can be called now. */
  get ready(): boolean {
    return this.replica !== undefined;
  }

  /**
   * Resolves once the replica is ready, building it (in slices) if needed:
   * from `source` when given (updates that make up exactly the live
   * document's state now), else from the live document's own encoding.
   */
  whenReady(source?: readonly Uint8Array[]): Promise<void> {
    if (this.replica) return Promise.resolve();
    return this.build(source);
  }

  /** Applies `update` to the replica, judges its effect, and says what the live document may apply. */
  stage(update: Uint8Array, judge: EffectJudge): Staged {
    const replica = this.replica;
    if (!replica) throw new Error('staging replica not ready: await whenReady()');
    let outcome: Staged | undefined;
    let encoded: Uint8Array | undefined;
    const capture = (u: Uint8Array) => {
      encoded = u;
    };
    replica.on('update', capture);
    try {
      replica.transact((tr) => {
        Y.applyUpdate(replica, update, STAGING_ORIGIN);
        // Judged inside the transaction, before Yjs cleans it up: a refused
        // one is then never encoded. What Yjs recorded is complete by now.
        outcome = this.judgeApplied(tr, replica, judge);
        if (outcome.ok !== true) replica.off('update', capture);
      }, STAGING_ORIGIN);
    } catch (error) {
      outcome = { ok: 'malformed', error };
    } finally {
      replica.off('update', capture);
    }
    if (outcome!.ok !== true) {
      this.discard();
      return outcome!;
    }
    return { ok: true, update: encoded, clients: outcome!.clients };
  }

  private judgeApplied(tr: Y.Transaction, replica: Y.Doc, judge: EffectJudge): Staged {
    const store = replica.store;
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      return { ok: false, verdict: { ok: false, rule: 'R11', reason: 'update depends on changes the server does not have' } };
    }
    const clients = new Set<number>();
    for (const client of store.clients.keys()) {
      if (Y.getState(store, client) > (tr.beforeState.get(client) ?? 0)) clients.add(client);
    }
    const verdict = judge(readEffect(tr, this.live, replica), this.live, replica, clients);
    return verdict.ok ? { ok: true, update: undefined, clients } : { ok: false, verdict };
  }

  /** Keeps the replica in step with a change the live document made itself (the server's own writes). */
  mirror(update: Uint8Array): void {
    if (this.replica) Y.applyUpdate(this.replica, update, STAGING_ORIGIN);
    else this.building?.mirrored.push(update);
  }

  /** Frees the replica (the room is unloading). */
  drop(): void {
    this.replica?.destroy();
    this.replica = undefined;
    this.building?.doc.destroy();
    this.building = undefined;
  }

  /** The replica no longer matches the live doc: throw it away and start building a fresh one. */
  private discard(): void {
    this.replica?.destroy();
    this.replica = undefined;
    void this.build();
  }

  private build(source?: readonly Uint8Array[]): Promise<void> {
    if (this.building) return this.building.done;
    const doc = new Y.Doc({ gc: this.live.gc });
    const building: { doc: Y.Doc; mirrored: Uint8Array[]; done: Promise<void> } = { doc, mirrored: [], done: Promise.resolve() };
    const stillWanted = () => this.building === building && !this.live.isDestroyed;
    building.done = (async () => {
      // One task of its own: the live state encoded (later changes are mirrored after the slices).
      await new Promise((resolve) => setImmediate(resolve));
      if (!stillWanted()) throw new Error('staging replica dropped');
      try {
        await applyInSlices(doc, source ?? [Y.encodeStateAsUpdate(this.live)], STAGING_ORIGIN, { stillWanted });
        for (const update of building.mirrored) Y.applyUpdate(doc, update, STAGING_ORIGIN);
        if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) throw new Error('staging replica incomplete');
        this.replica = doc;
      } catch (error) {
        if (!stillWanted()) throw error;
        // Cannot happen with the live doc's own encoding; if it ever does, build it whole.
        doc.destroy();
        const whole = new Y.Doc({ gc: this.live.gc });
        Y.applyUpdate(whole, Y.encodeStateAsUpdate(this.live), STAGING_ORIGIN);
        this.replica = whole;
      }
      this.building = undefined;
    })();
    // A dropped build rejects its waiters; nobody else needs to hear of it.
    building.done.catch(() => undefined);
    this.building = building;
    return building.done;
  }
}
