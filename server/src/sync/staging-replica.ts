import * as Y from 'yjs';
import { readEffect, type Change, type Verdict } from '../../../shared/src/index.js';

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
 * - between two calls the replica holds exactly the live document's state:
 *   every update the live document integrates is either one the replica
 *   produced (`stage`) or is mirrored into it (`mirror`);
 * - the live document only ever receives the replica's own re-encoding of
 *   an approved transaction, never a peer's raw bytes: what was judged is
 *   byte for byte what is applied, stored and broadcast;
 * - after a refusal, a pending remainder or a throw the replica no longer
 *   matches and is dropped. It is rebuilt from the live document (one encode
 *   and one apply, about what loading the board costs) in a task of its own
 *   soon after, so the refused message does not carry that cost; refusals
 *   are rare for honest people and budgeted per person and address (Room).
 */
export class StagingReplica {
  private replica: Y.Doc | undefined;

  constructor(private readonly live: Y.Doc) {}

  /** Applies `update` to the replica, judges its effect, and says what the live document may apply. */
  stage(update: Uint8Array, judge: EffectJudge): Staged {
    const replica = this.ensure();
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
  }

  /** Frees the replica (the room is idle or unloading); the next `stage` rebuilds it. */
  drop(): void {
    this.replica?.destroy();
    this.replica = undefined;
  }

  /**
   * The replica no longer matches the live doc: throw it away and build a
   * fresh one soon, after the event loop has served other I/O (a timer, then
   * the check phase), so the rebuild is a block of its own, not one long one
   * with the message that caused it.
   */
  private discard(): void {
    this.drop();
    setTimeout(() => setImmediate(() => {
      if (!this.live.isDestroyed && !this.replica) this.ensure();
    }), 0).unref();
  }

  private ensure(): Y.Doc {
    if (!this.replica) {
      const replica = new Y.Doc({ gc: this.live.gc });
      Y.applyUpdateV2(replica, Y.encodeStateAsUpdateV2(this.live), STAGING_ORIGIN);
      this.replica = replica;
    }
    return this.replica;
  }
}
