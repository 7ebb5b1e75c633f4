import type { Role } from '../../../shared/src/index.js';
import { roleForToken } from '../auth/tokens.js';
import type { BoardStore } from '../store/board-store.js';

export type AccessResult = 'unknown-board' | 'bad-token' | { role: Role };

/** Auth as a function from (board, token) to role; the only place tokens are checked. */
export class BoardAccess {
  constructor(private readonly store: BoardStore) {}

  async check(boardId: string, token: unknown): Promise<AccessResult> {
    const board = await this.store.getBoard(boardId);
    if (!board) return 'unknown-board';
    const role = roleForToken(token, await this.store.getTokens(boardId));
    return role ? { role } : 'bad-token';
  }
}
