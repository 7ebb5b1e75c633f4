import * as Y from 'yjs';
import { encodeSyncStep1, encodeSyncStep2 } from './messages.js';

/** The state vector message of an empty doc: what a brand-new client sends. */
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === EMPTY_STATE_VECTOR.byteLength && stateVector[0] === EMPTY_STATE_VECTOR[0];
}

/** What RoomReads needs from its room. */
export interface RoomReadsHost {
  readonly doc: Y.Doc;
  /** Updates integrated into the doc so far, and how many of them are committed to the store. */
  integrated(): number;
  stored(): number;
  /** Whether writing to the store is failing now. */
  failing(): boolean;
  /** The board as the store holds it, in a doc of its own. */
  loadSaved(): Promise<Y.Doc>;
}

/**
 * A room's reads that must show only what the store holds: the sync
 * handshake's answers and the board for exports, versions and forms.
 * Invariant: nobody is shown a change the server could still lose in a crash
 * (the broadcast path keeps the same rule: stored, then sent). Answers to
 * joining clients are cached until the doc changes (`changed`).
 */
export class RoomReads {
  private cachedStep1: Uint8Array | undefined;
  private cachedFullState: Uint8Array | undefined;
  /** Reads waiting until `stored` reaches `target`, or storage trouble starts. */
  private waiters: { target: number; wake: () => void }[] = [];
  /** During storage trouble: the board as the store holds it (what is really saved), loaded once. */
  private savedView: Promise<Y.Doc> | undefined;

  constructor(private readonly host: RoomReadsHost) {}

  /** The doc changed: cached answers are stale. */
  changed(): void {
    this.cachedStep1 = undefined;
    this.cachedFullState = undefined;
  }

  /** The answer to an empty state vector, known without encoding (a board stored as one snapshot). */
  knowFullState(message: Uint8Array): void {
    this.cachedFullState = message;
  }

  /** The y-websocket handshake's first message: our state vector (cached until the doc changes). */
  syncStep1(): Uint8Array {
    this.cachedStep1 ??= encodeSyncStep1(this.host.doc);
    return this.cachedStep1;
  }

  /**
   * Answer to a peer's state vector. Usually nothing is pending and the
   * answer is immediate; a brand-new client (empty state vector) then gets
   * the cached full state, so a join storm costs one encode. With updates
   * still being written, the answer waits for the write (same tick); while
   * storage is failing, it is built from the store.
   */
  syncStep2(stateVector: Uint8Array): Uint8Array | Promise<Uint8Array> {
    if (this.host.stored() === this.host.integrated()) return this.answerFromDoc(stateVector);
    return this.storedViewLater().then((view) =>
      view === this.host.doc ? this.answerFromDoc(stateVector) : encodeSyncStep2(view, stateVector));
  }

  /**
   * The board as the store holds it, for reads outside the sync: the live
   * doc once what it integrated is stored, else (storage failing) a doc built
   * from the store. Read it at once: that one is thrown away when storage recovers.
   */
  storedView(): Promise<Y.Doc> {
    return this.host.stored() === this.host.integrated() ? Promise.resolve(this.host.doc) : this.storedViewLater();
  }

  /** More of what was integrated is stored now. */
  storedGrew(): void {
    if (this.waiters.length > 0) this.wake(false);
  }

  /** Storage started failing (waiting reads are answered from the store) or works again. */
  storageFailing(failing: boolean): void {
    if (failing) {
      this.wake(true);
    } else {
      this.dropSavedView();
    }
  }

  close(): void {
    this.dropSavedView();
  }

  private dropSavedView(): void {
    void this.savedView?.then((doc) => doc.destroy(), () => undefined);
    this.savedView = undefined;
  }

  private answerFromDoc(stateVector: Uint8Array): Uint8Array {
    if (isEmptyStateVector(stateVector)) {
      this.cachedFullState ??= encodeSyncStep2(this.host.doc, stateVector);
      return this.cachedFullState;
    }
    return encodeSyncStep2(this.host.doc, stateVector);
  }

  private async storedViewLater(): Promise<Y.Doc> {
    if (!this.host.failing()) {
      // Waits for what was integrated before the request, not for a quiet
      // moment: under steady editing a quiet moment may never come. Later
      // updates are stored in the same tick they are flushed in.
      const target = this.host.integrated();
      await new Promise<void>((wake) => this.waiters.push({ target, wake }));
      if (!this.host.failing()) return this.host.doc;
    }
    this.savedView ??= this.host.loadSaved();
    return this.savedView;
  }

  private wake(all: boolean): void {
    const waiting = this.waiters;
    this.waiters = [];
    const stored = this.host.stored();
    for (const waiter of waiting) {
      if (all || waiter.target <= stored) waiter.wake();
      else this.waiters.push(waiter);
    }
  }
}
