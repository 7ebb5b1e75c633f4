import type { Role } from '../../../shared/src/index.js';
import { hashToken, roleForToken } from '../auth/tokens.js';
import type { BoardStore, MemberRow } from '../store/board-store.js';

/**
 * Who is calling. A link token (one per role, shared by everyone who got the
 * link) only identifies a role; a session token identifies one member.
 */
export type Caller =
  | { via: 'link'; role: Role }
  | { via: 'session'; role: Role; member: MemberRow };

export type AccessResult = 'unknown-board' | 'bad-token' | 'removed' | Caller;

/** Auth as a function from (board, token) to caller; the only place tokens are checked. */
export class BoardAccess {
  constructor(private readonly store: BoardStore) {}

  async check(boardId: string, token: unknown): Promise<AccessResult> {
    const board = await this.store.getBoard(boardId);
    if (!board) return 'unknown-board';
    const role = roleForToken(token, await this.store.getTokens(boardId));
    if (role) return { via: 'link', role };
    if (typeof token !== 'string' || token.length !== 43) return 'bad-token';
    const member = await this.store.getMemberBySession(boardId, hashToken(token));
    if (!member) return 'bad-token';
    if (member.removed) return 'removed';
    return { via: 'session', role: member.role, member };
  }
}
