import type { Logger } from 'pino';
import { MAIN_DOC, type BoardStore } from '../store/board-store.js';
import { Room, type RoomOptions } from './room.js';
import type { RoomPeer } from './room-peer.js';

/**
 * The live rooms of one server, one per board with at least one peer. Loading
 * and unloading are serialized per board: a join that arrives while the board's
 * previous room is still flushing waits for it, then loads a fresh room.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();

  /** Called once for every room right after it is loaded (before any peer joins). */
  onLoad: (room: Room) => void = () => undefined;
  /** Called before a board's document is read from the store (a cluster node listens to the board first). */
  beforeLoad: (boardId: string) => Promise<void> = async () => undefined;
  /** Called when loading failed after `beforeLoad`. */
  loadFailed: (boardId: string) => void = () => undefined;

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
    private readonly options: RoomOptions,
  ) {}

  /**
   * Loads the board's room if needed, then creates the peer with `makePeer` and
   * joins it in the same tick (so the room cannot start unloading in between).
   */
  async join<P extends RoomPeer>(
    boardId: string, makePeer: (room: Room) => P, docName: string = MAIN_DOC,
  ): Promise<P> {
    const key = roomKey(boardId, docName);
    for (;;) {
      const room = await this.get(boardId, docName);
      if (!room.isClosing) {
        const peer = makePeer(room);
        room.add(peer);
        return peer;
      }
      await this.unloading.get(key);
    }
  }

  /**
   * Runs `fn` on the board's live room (loading it for the duration if no one
   * is connected), then waits until what `fn` changed is stored. This is how
   * the server itself writes to a board, so there is only ever one live copy.
   */
  async withRoom<T>(boardId: string, fn: (room: Room) => T, docName: string = MAIN_DOC): Promise<T> {
    const peer: RoomPeer = { id: 'server', send: () => undefined, close: () => undefined };
    let room: Room | undefined;
    await this.join(boardId, (r) => {
      room = r;
      return peer;
    }, docName);
    try {
      const result = fn(room!);
      await room!.flushed();
      return result;
    } finally {
      this.leave(room!, peer);
    }
  }

  /** Removes a peer; the last one out unloads the room (flush, compact, free memory). */
  leave(room: Room, peer: RoomPeer): void {
    if (room.leave(peer) > 0 || room.isClosing) return;
    this.unload(roomKey(room.id, room.docName), room);
  }

  /** The loaded room, if any, without loading it. */
  async peek(boardId: string, docName: string = MAIN_DOC): Promise<Room | undefined> {
    return this.rooms.get(roomKey(boardId, docName));
  }

  /** Every loaded room of a board (main and side documents). */
  async roomsOf(boardId: string): Promise<Room[]> {
    const out: Room[] = [];
    for (const [key, room] of this.rooms) {
      if (key.startsWith(`${boardId}/`)) {
        const loaded = await room.catch(() => undefined);
        if (loaded) out.push(loaded);
      }
    }
    return out;
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** Closes every peer with `code` and writes every room out. */
  async closeAll(code: number, reason: string): Promise<void> {
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => undefined)));
    await Promise.all(rooms.map((room) => room && this.unload(roomKey(room.id, room.docName), room, code, reason)));
    await Promise.all(this.unloading.values());
  }

  private async get(boardId: string, docName: string): Promise<Room> {
    const key = roomKey(boardId, docName);
    const pending = this.unloading.get(key);
    if (pending) await pending;
    let room = this.rooms.get(key);
    if (!room) {
      const loading = (async () => {
        await this.beforeLoad(boardId);
        let loaded: Room;
        try {
          loaded = await Room.load(boardId, docName, this.store, this.log, this.options);
        } catch (error) {
          this.loadFailed(boardId);
          throw error;
        }
        this.onLoad(loaded);
        return loaded;
      })();
      room = loading;
      this.rooms.set(key, loading);
      loading.catch(() => {
        if (this.rooms.get(key) === loading) this.rooms.delete(key);
      });
    }
    return room;
  }

  private unload(key: string, room: Room, code?: number, reason?: string): Promise<void> {
    this.rooms.delete(key);
    const done = room
      .unload(code, reason)
      .catch((error: unknown) => this.log.error({ err: error, room: key }, 'unloading room failed'))
      .finally(() => {
        if (this.unloading.get(key) === done) this.unloading.delete(key);
      });
    this.unloading.set(key, done);
    return done;
  }
}

/** Registry key: board id and document name ('' for the main document). */
function roomKey(boardId: string, docName: string): string {
  return `${boardId}/${docName}`;
}
