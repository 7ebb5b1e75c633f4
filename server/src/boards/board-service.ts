import * as Y from 'yjs';
import {
  ROLES, initializeBoard, newBoardId, readBoardStructure, systemOrigin,
  type BoardMeta, type Department, type NewBoardInput, type Role,
} from '../../../shared/src/index.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { prepareRestore } from './restore-job.js';
import { readStored } from './stored-board.js';
import type { BoardStore } from '../store/board-store.js';
import type { RoomRegistry } from '../sync/room-registry.js';

export interface CreatedBoard {
  id: string;
  tokens: Record<Role, string>;
}

/** Board lifecycle outside the live sync: creation and reading metadata. */
export class BoardService {
  constructor(
    private readonly store: BoardStore,
    private readonly rooms: RoomRegistry,
  ) {}

  async create(input: NewBoardInput, now = Date.now()): Promise<CreatedBoard> {
    const doc = new Y.Doc();
    initializeBoard(doc, input, systemOrigin('create'), now);
    const created = await this.persistNew(doc, now);
    doc.destroy();
    return created;
  }

  /**
   * A new board with the content of a stored state (a version): see
   * prepareRestore for what is kept. Fresh id and tokens. Uploaded backups
   * are prepared in a worker (RestoreRunner) and stored with createPrepared.
   */
  async createFromState(state: Uint8Array, title?: string, now = Date.now()): Promise<CreatedBoard> {
    return this.createPrepared(prepareRestore(state, title, now), now);
  }

  /** A new board whose state prepareRestore already produced. */
  async createPrepared(state: Uint8Array, now = Date.now()): Promise<CreatedBoard> {
    const id = newBoardId();
    const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken()])) as Record<Role, string>;
    await this.store.createBoard(
      { id, createdAt: now },
      ROLES.map((role) => ({ role, hash: hashToken(tokens[role]) })),
      state,
    );
    return { id, tokens };
  }

  private persistNew(doc: Y.Doc, now: number): Promise<CreatedBoard> {
    return this.createPrepared(Y.encodeStateAsUpdate(doc), now);
  }

  /** Current metadata and departments, as stored. */
  async meta(id: string): Promise<{ meta: BoardMeta; departments: Department[] }> {
    return this.read(id, (doc) => {
      const board = readBoardStructure(doc);
      return { meta: board.meta, departments: board.departments };
    });
  }

  /** Reads a board as stored, without loading a room (stored-board.ts). */
  read<T>(id: string, fn: (doc: Y.Doc) => T): Promise<T> {
    return readStored(this.rooms, this.store, id, fn);
  }
}
