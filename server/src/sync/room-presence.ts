import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { MAX_AWARENESS_IDS_PER_CONNECTION } from './awareness-stamp.js';
import { encodeAwareness } from './messages.js';
import type { RoomPeer } from './room-peer.js';

/** Boards up to this many people get presence every `tickMs`; bigger ones less often (RoomPresence.tickMs). */
export const PEOPLE_PER_TICK = 100;

/** Origin of presence applied from another node. */
const REMOTE = Symbol('remote presence');

/**
 * A room's presence (y-protocols awareness). Invariants:
 * - an awareness client id belongs to the first peer that claims it until
 *   that peer leaves (removed states included), each peer claims at most
 *   MAX_AWARENESS_IDS_PER_CONNECTION, the board at most `maxPresence`;
 * - changes within one tick (`tickMs`, longer on boards of more than
 *   PEOPLE_PER_TICK people) go out as one message with the latest
 *   state of each client that changed;
 * - the server publishes no presence of its own;
 * - with other nodes, this node's peers' changes are also handed to
 *   `publish` (once per tick), and other nodes' presence arrives through
 *   `applyRemote`: it reaches this node's peers but is never published back.
 *   Other nodes' states expire like any (y-protocols' 30 s timeout) when
 *   their node stops renewing them.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** Awareness client ids published through each peer, removed when it leaves. */
  private readonly controlled = new Map<RoomPeer, Set<number>>();
  /** The reverse: which peer owns each awareness client id. */
  private readonly owner = new Map<number, RoomPeer>();
  /** Client ids changed this tick. */
  private changed = new Set<number>();
  /** Of those, the ones changed by this node's peers (for `publish`). */
  private changedHere = new Set<number>();
  private scheduled = false;

  constructor(
    doc: Y.Doc,
    private readonly options: { maxPresence: number; tickMs: number },
    private readonly broadcast: (message: Uint8Array) => void,
    private readonly publish: (update: Uint8Array) => void = () => undefined,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  join(peer: RoomPeer): void {
    this.controlled.set(peer, new Set());
  }

  /** Removes the presence `peer` published. */
  leave(peer: RoomPeer): void {
    const ids = this.controlled.get(peer);
    this.controlled.delete(peer);
    if (!ids) return;
    for (const id of ids) this.owner.delete(id);
    if (ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
    // Ids whose removal is already sent are forgotten now; the others once it is (flush).
    for (const id of ids) if (!this.changed.has(id)) this.awareness.meta.delete(id);
  }

  apply(update: Uint8Array, peer: RoomPeer): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  /** Presence published by another node's peers. */
  applyRemote(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  /** The presence of this node's own peers (a y-protocols awareness update), for a node that just loaded the board. */
  localUpdate(): Uint8Array | undefined {
    const ids = [...this.owner.keys()].filter((id) => this.awareness.getStates().has(id));
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : undefined;
  }

  /**
   * Whether `peer` may publish presence for `clientId`, claiming it if so.
   * Claims are taken here, entry by entry while a message is read, not when
   * it is applied: so one message claiming 1,500 ids gets no more than a
   * peer's few, and the board's cap counts every claim before anything is
   * applied.
   */
  mayPublish(peer: RoomPeer, clientId: number): boolean {
    const other = this.owner.get(clientId);
    if (other) return other === peer;
    const own = this.controlled.get(peer);
    if (!own || own.size >= MAX_AWARENESS_IDS_PER_CONNECTION || this.owner.size >= this.options.maxPresence) return false;
    own.add(clientId);
    this.owner.set(clientId, peer);
    return true;
  }

  /** Everyone's current presence, for a peer that just joined. */
  snapshot(): Uint8Array | undefined {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? encodeAwareness(this.awareness, clients) : undefined;
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  private readonly onUpdate = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    for (const id of [...change.added, ...change.updated, ...change.removed]) {
      this.changed.add(id);
      if (origin !== REMOTE) this.changedHere.add(id);
    }
    if (this.changed.size > 0 && !this.scheduled) {
      this.scheduled = true;
      // Presence goes out on a short fixed tick: 60 cursors at 20 Hz become
      // one message per tick per peer instead of 1,200 per second per peer.
      setTimeout(() => this.flush(), this.tickMs()).unref();
    }
  };

  /**
   * The tick: `tickMs` up to PEOPLE_PER_TICK people on the board, then longer
   * in proportion (300 people: three times as long). Each tick sends every
   * changed state to every peer, so with a fixed tick the bytes a board's
   * presence costs grow with the square of its people; this way they grow
   * linearly, and a 300-person kickoff gets cursors at about 7 Hz, not 20.
   */
  private tickMs(): number {
    return this.options.tickMs * Math.max(1, this.awareness.getStates().size / PEOPLE_PER_TICK);
  }

  /** One presence message per tick, with the latest state of every client that changed. */
  private flush(): void {
    this.scheduled = false;
    if (this.awareness.doc.isDestroyed || this.changed.size === 0) return;
    const changed = [...this.changed];
    this.changed = new Set();
    this.broadcast(encodeAwareness(this.awareness, changed));
    if (this.changedHere.size > 0) {
      this.publish(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.changedHere]));
      this.changedHere = new Set();
    }
    // Awareness keeps a clock for every id it ever saw. Once the removal went
    // out, an id nobody claims (its peer left) is forgotten, so peers coming
    // and going do not grow the room's memory.
    for (const id of changed) if (!this.owner.has(id) && !this.awareness.getStates().has(id)) this.awareness.meta.delete(id);
  }
}
