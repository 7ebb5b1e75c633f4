import type { Role } from '../../../shared/src/index.js';
import { hashToken, roleForToken } from '../auth/tokens.js';
import { timingSafeEqual } from 'node:crypto';
import type { BoardStore, FollowUpKind, MemberRow } from '../store/board-store.js';

/**
 * Who is calling. A link token (one per role, shared by everyone who got the
 * link) only identifies a role; a session token identifies one member.
 */
export type Caller =
  | { via: 'link'; role: Role }
  | { via: 'session'; role: Role; member: MemberRow }
  /** An after-workshop link: may read the board like a viewer and use its own form. */
  | { via: 'follow-up'; role: 'viewer'; kind: FollowUpKind };

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
    const hash = hashToken(token);
    let kind: FollowUpKind | undefined;
    for (const link of await this.store.getFollowUpLinks(boardId)) {
      if (link.hash.byteLength === hash.byteLength && timingSafeEqual(link.hash, hash)) kind = link.kind;
    }
    if (kind) return { via: 'follow-up', role: 'viewer', kind };
    const member = await this.store.getMemberBySession(boardId, hash);
    if (!member) return 'bad-token';
    if (member.removed) return 'removed';
    return { via: 'session', role: member.role, member };
  }
}
