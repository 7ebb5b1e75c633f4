import * as Y from 'yjs';
import {
  ROLES, initializeBoard, newBoardId, readBoard, systemOrigin,
  type BoardMeta, type NewBoardInput, type Role,
} from '../../../shared/src/index.js';
import { hashToken, newToken } from '../auth/tokens.js';
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
    const id = newBoardId();
    const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken()])) as Record<Role, string>;
    await this.store.createBoard(
      { id, createdAt: now },
      ROLES.map((role) => ({ role, hash: hashToken(tokens[role]) })),
      Y.encodeStateAsUpdate(doc),
    );
    doc.destroy();
    return { id, tokens };
  }

  /** Current metadata: from the live room when loaded, else from storage. */
  async meta(id: string): Promise<BoardMeta> {
    const room = await this.rooms.peek(id);
    if (room && !room.isClosing) return readBoard(room.doc).meta;
    const doc = new Y.Doc();
    const { updates } = await this.store.loadUpdates(id);
    for (const update of updates) Y.applyUpdate(doc, update);
    const meta = readBoard(doc).meta;
    doc.destroy();
    return meta;
  }
}
