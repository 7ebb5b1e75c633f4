import * as Y from 'yjs';
import {
  OperationError, ROLES, initializeBoard, newBoardId, readBoard, roots, systemOrigin,
  type BoardMeta, type Department, type NewBoardInput, type Role,
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
    const created = await this.persistNew(doc, now);
    doc.destroy();
    return created;
  }

  /**
   * A new board with the content of a stored state (a version, or a restored
   * backup): structure, notes, votes, proposals, commitments and feedback are
   * kept; who was connected (members, breakout groups) and the live session
   * (timer, spotlight, private writing) are not, since they belong to the old
   * board's people. Fresh id and tokens.
   */
  async createFromState(state: Uint8Array, title?: string, now = Date.now()): Promise<CreatedBoard> {
    const source = new Y.Doc();
    try {
      Y.applyUpdate(source, state);
    } catch {
      source.destroy();
      throw new OperationError('invalid', 'the backup could not be read');
    }
    const board = readBoard(source);
    if (board.meta.title === '' && board.segments.length === 0 && board.notesById.size === 0) {
      source.destroy();
      throw new OperationError('invalid', 'the backup holds no board');
    }
    const origin = systemOrigin('copy');
    source.transact(() => {
      const r = roots(source);
      for (const key of [...r.members.keys()]) r.members.delete(key);
      for (const key of [...r.groups.keys()]) r.groups.delete(key);
      for (const key of ['timer', 'spotlight', 'privateWriting']) r.session.delete(key);
      r.meta.set('createdAt', now);
      if (title !== undefined) r.meta.set('title', title);
    }, origin);
    // Re-encode into a fresh doc so the new board does not carry the old history's deleted content.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(source));
    source.destroy();
    const created = await this.persistNew(fresh, now);
    fresh.destroy();
    return created;
  }

  private async persistNew(doc: Y.Doc, now: number): Promise<CreatedBoard> {
    const id = newBoardId();
    const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken()])) as Record<Role, string>;
    await this.store.createBoard(
      { id, createdAt: now },
      ROLES.map((role) => ({ role, hash: hashToken(tokens[role]) })),
      Y.encodeStateAsUpdate(doc),
    );
    return { id, tokens };
  }

  /** Current metadata and departments: from the live room when loaded, else from storage. */
  async meta(id: string): Promise<{ meta: BoardMeta; departments: Department[] }> {
    const read = (doc: Y.Doc) => {
      const board = readBoard(doc);
      return { meta: board.meta, departments: board.departments };
    };
    const room = await this.rooms.peek(id);
    if (room && !room.isClosing) return read(room.doc);
    const doc = new Y.Doc();
    const { updates } = await this.store.loadUpdates(id);
    for (const update of updates) Y.applyUpdate(doc, update);
    const result = read(doc);
    doc.destroy();
    return result;
  }
}
