/**
 * What a room tells the other nodes sharing its store, and asks of them
 * (server/src/cluster/room-feed.ts implements it; a node alone has none).
 * Invariant: the store is the truth. A link only ever speeds up what a node
 * would otherwise read from the store itself.
 */
export interface RoomLink {
  /** The room stored `update` under `seq`; `owners` maps the client ids it wrote under to who wrote them. */
  stored(seq: number, update: Uint8Array, owners: readonly (readonly [number, string])[]): void;
  /** Presence changes of this node's peers (a y-protocols awareness update). */
  presence(update: Uint8Array): void;
  /** The highest seq such that every stored update up to it is in the room's doc: how far a compaction may reach. */
  compactUpTo(): number;
  /** Reads what other nodes stored and this room has not integrated yet; resolves once it is applied. */
  catchUp(): Promise<void>;
  /** The room unloads. */
  close(): void;
}
