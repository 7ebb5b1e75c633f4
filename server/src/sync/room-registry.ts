import type { Logger } from 'pino';
import type { BoardStore } from '../store/board-store.js';
import { Room, type RoomOptions, type RoomPeer } from './room.js';

/**
 * The live rooms of one server, one per board with at least one peer. Loading
 * and unloading are serialized per board: a join that arrives while the board's
 * previous room is still flushing waits for it, then loads a fresh room.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
    private readonly options: RoomOptions,
  ) {}

  /**
   * Loads the board's room if needed, then creates the peer with `makePeer` and
   * joins it in the same tick (so the room cannot start unloading in between).
   */
  async join<P extends RoomPeer>(boardId: string, makePeer: (room: Room) => P): Promise<P> {
    for (;;) {
      const room = await this.get(boardId);
      if (!room.isClosing) {
        const peer = makePeer(room);
        room.add(peer);
        return peer;
      }
      await this.unloading.get(boardId);
    }
  }

  /** Removes a peer; the last one out unloads the room (flush, compact, free memory). */
  leave(room: Room, peer: RoomPeer): void {
    if (room.leave(peer) > 0 || room.isClosing) return;
    this.unload(room.id, room);
  }

  /** The loaded room, if any, without loading it. */
  async peek(boardId: string): Promise<Room | undefined> {
    return this.rooms.get(boardId);
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** Closes every peer with `code` and writes every room out. */
  async closeAll(code: number, reason: string): Promise<void> {
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => undefined)));
    await Promise.all(rooms.map((room) => room && this.unload(room.id, room, code, reason)));
    await Promise.all(this.unloading.values());
  }

  private async get(boardId: string): Promise<Room> {
    const pending = this.unloading.get(boardId);
    if (pending) await pending;
    let room = this.rooms.get(boardId);
    if (!room) {
      room = Room.load(boardId, this.store, this.log, this.options);
      this.rooms.set(boardId, room);
      room.catch(() => this.rooms.delete(boardId));
    }
    return room;
  }

  private unload(boardId: string, room: Room, code?: number, reason?: string): Promise<void> {
    this.rooms.delete(boardId);
    const done = room
      .unload(code, reason)
      .catch((error: unknown) => this.log.error({ err: error, board: boardId }, 'unloading room failed'))
      .finally(() => {
        if (this.unloading.get(boardId) === done) this.unloading.delete(boardId);
      });
    this.unloading.set(boardId, done);
    return done;
  }
}
