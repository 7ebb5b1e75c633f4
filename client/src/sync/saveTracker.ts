import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep1 } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { MESSAGE, readSaved, readStorage } from '../../../shared/src/index.js';

/** What this tab knows about its own changes on one doc. */
export interface SaveState {
  /** Changes made on this device that the server has not confirmed as stored. */
  unsaved: number;
  /** When the server last confirmed a change of ours as stored (ms since epoch). */
  lastSavedAt: number | undefined;
  /** The server said it cannot write to its database right now. */
  storageFailing: boolean;
}

/** Kept in the local copy's side store, so a reload knows what was already stored. */
const SAVED_KEY = 'tabella:saved';
const EDITS_KEY = 'tabella:edits';
const PERSIST_DELAY_MS = 300;

type Clocks = Map<number, number>;

/**
 * Truthful "saved" for one doc. A change is saved once the server said so:
 * - `saved` (100): "from client id c, everything below clock k is committed
 *   to the database"; sent only after the SQLite commit;
 * - an update the server broadcast to us (it stores before it broadcasts);
 * - the server's sync step 1 at connect, *if* the server does not report
 *   storage trouble before the handshake completes. This covers an
 *   acknowledgement lost with a dropped socket, or a reload right after an
 *   edit: the server already has the change, so re-sending it changes nothing
 *   and no new `saved` would ever come. The server's in-memory doc is ahead of
 *   its database only while a write is failing (then it sends `storage` 1
 *   right after step 1, before answering our step 1) or during the
 *   milliseconds of a commit in flight.
 *
 * Unsaved = any client id whose local clock (`Y.getState`) is ahead of what is
 * known saved; the number shown is the count of local edits (transactions)
 * not yet covered. Both maps live in the local copy too, so after a reload
 * while offline the count is still right.
 */
export class SaveTracker {
  private readonly saved: Clocks = new Map();
  /** Local edits: [client id, clock after the edit]. */
  private edits: [number, number][] = [];
  private storageFailing = false;
  private lastSavedAt: number | undefined;
  private serverStep1: Clocks | undefined;
  private local: IndexeddbPersistence | undefined;
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private state: SaveState = { unsaved: 0, lastSavedAt: undefined, storageFailing: false };

  constructor(private readonly doc: Y.Doc, private readonly provider: WebsocketProvider) {
    const original = provider.messageHandlers[MESSAGE.sync]!;
    provider.messageHandlers[MESSAGE.sync] = (encoder, decoder, p, emitSynced, type) => {
      this.peekStep1(decoder);
      original(encoder, decoder, p, emitSynced, type);
    };
    provider.messageHandlers[MESSAGE.saved] = (_encoder, decoder) => this.markSaved(readSaved(decoder), true);
    provider.messageHandlers[MESSAGE.storage] = (_encoder, decoder) => {
      this.storageFailing = readStorage(decoder);
      this.update();
    };
    provider.on('sync', this.onSync);
    provider.on('status', this.onStatus);
    doc.on('update', this.onUpdate);
  }

  /** The local copy was loaded into the doc: restore what we knew about it. */
  async attachLocal(local: IndexeddbPersistence): Promise<void> {
    this.local = local;
    try {
      const [saved, edits] = await Promise.all([local.get(SAVED_KEY), local.get(EDITS_KEY)]);
      this.edits.push(...pairsOf(edits));
      this.markSaved(new Map(pairsOf(saved)), false);
    } catch {
      // Unreadable side data: everything loaded counts as unsaved until the server says otherwise.
    }
    this.update();
  }

  get current(): SaveState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    if (this.persistTimer !== undefined) clearTimeout(this.persistTimer);
    this.doc.off('update', this.onUpdate);
    this.provider.off('sync', this.onSync);
    this.provider.off('status', this.onStatus);
    this.listeners.clear();
  }

  private peekStep1(decoder: decoding.Decoder): void {
    try {
      const peek = decoding.createDecoder(decoder.arr.subarray(decoder.pos));
      if (decoding.readVarUint(peek) !== messageYjsSyncStep1) return;
      this.serverStep1 = Y.decodeStateVector(decoding.readVarUint8Array(peek));
    } catch {
      // The provider's own handler reports malformed messages.
    }
  }

  private readonly onSync = (synced: boolean): void => {
    const step1 = this.serverStep1;
    this.serverStep1 = undefined;
    if (synced && step1 && !this.storageFailing) this.markSaved(step1, true);
  };

  private readonly onStatus = ({ status }: { status: string }): void => {
    // A new connection announces storage trouble again if it still lasts.
    if (status !== 'connected') {
      this.storageFailing = false;
      this.serverStep1 = undefined;
      this.update();
    }
  };

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider) {
      // Broadcast by the server after storing it (or its answer to our step 1).
      this.markSaved(Y.parseUpdateMeta(update).to, false);
      return;
    }
    // Loaded from this device's copy: not a new edit (what it holds is restored in attachLocal).
    if (origin instanceof IndexeddbPersistence) return;
    const client = this.doc.clientID;
    this.edits.push([client, Y.getState(this.doc.store, client)]);
    this.schedulePersist();
    this.update();
  };

  private markSaved(clocks: ReadonlyMap<number, number>, ours: boolean): void {
    let advanced = false;
    for (const [client, clock] of clocks) {
      if (clock > (this.saved.get(client) ?? 0)) {
        this.saved.set(client, clock);
        advanced = true;
      }
    }
    if (!advanced) return;
    const before = this.edits.length;
    this.edits = this.edits.filter(([client, clock]) => clock > (this.saved.get(client) ?? 0));
    if (ours && this.edits.length < before) this.lastSavedAt = Date.now();
    if (ours && this.lastSavedAt === undefined && this.unsavedClients() === 0) this.lastSavedAt = Date.now();
    this.schedulePersist(this.edits.length < before);
    this.update();
  }

  private unsavedClients(): number {
    let n = 0;
    for (const client of this.doc.store.clients.keys()) {
      if (Y.getState(this.doc.store, client) > (this.saved.get(client) ?? 0)) n++;
    }
    return n;
  }

  private update(): void {
    const clients = this.unsavedClients();
    const unsaved = clients === 0 ? 0 : Math.max(this.edits.length, clients);
    const next = { unsaved, lastSavedAt: this.lastSavedAt, storageFailing: this.storageFailing };
    const s = this.state;
    if (s.unsaved === next.unsaved && s.lastSavedAt === next.lastSavedAt && s.storageFailing === next.storageFailing) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  /**
   * Writes what is saved and what is not to this device's copy: soon after an
   * edit (edits come in bursts), at once after an acknowledgement. A reload
   * right after "All changes saved" must not find an old edit still listed
   * as kept on the device (it would count it until the server says so again).
   */
  private schedulePersist(now = false): void {
    if (!this.local) return;
    if (now && this.persistTimer !== undefined) {
      clearTimeout(this.persistTimer);
      this.persistTimer = undefined;
    }
    if (this.persistTimer !== undefined) return;
    const persist = () => {
      this.persistTimer = undefined;
      const local = this.local;
      if (!local || local._destroyed) return;
      void Promise.all([
        local.set(SAVED_KEY, JSON.stringify([...this.saved])),
        local.set(EDITS_KEY, JSON.stringify(this.edits)),
      ]).catch(() => undefined);
    };
    if (now) persist();
    else this.persistTimer = setTimeout(persist, PERSIST_DELAY_MS);
  }
}

/** [number, number] pairs from the side store's JSON; anything else is ignored. */
function pairsOf(raw: unknown): [number, number][] {
  try {
    const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    if (!Array.isArray(value)) return [];
    return value.filter((e): e is [number, number] =>
      Array.isArray(e) && e.length === 2 && Number.isSafeInteger(e[0]) && Number.isSafeInteger(e[1]));
  } catch {
    return [];
  }
}
