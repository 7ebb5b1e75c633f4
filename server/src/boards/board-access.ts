import { ROLES, type FollowUpKind, type Role } from '../../../shared/src/index.js';
import { hashToken, roleForToken } from '../auth/tokens.js';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { BoardStore, MemberRow, TokenRow } from '../store/board-store.js';

/**
 * Who is calling. A link token (one per role, shared by everyone who got the
 * link) only identifies a role; a session token identifies one member.
 */
export type Caller =
  | { via: 'link'; role: Role }
  | { via: 'session'; role: Role; member: MemberRow }
  /** An after-workshop link: may read the board like a viewer and use its own form. */
  | { via: 'follow-up'; role: 'viewer'; kind: FollowUpKind };

/**
 * `refused` covers an unknown board and a missing or wrong token alike: callers
 * cannot tell them apart, so neither can whoever is asking (docs/security.md).
 */
export type AccessResult = 'refused' | 'removed' | Caller;

/**
 * Hashes an unknown board's token is compared against, one per role like a real
 * board's links. Random per process: no token hashes to them.
 */
const STAND_IN_TOKENS: TokenRow[] = ROLES.map((role) => ({ role, hash: new Uint8Array(randomBytes(32)) }));

/** Auth as a function from (board, token) to caller; the only place tokens are checked. */
export class BoardAccess {
  constructor(private readonly store: BoardStore) {}

  /**
   * An unknown board takes the same steps as a known board with a wrong token
   * (the same store look-ups, hashing and constant-time comparisons, against
   * stand-in hashes) and gives the same answer, so neither the answer nor the
   * time it takes tells whether the board exists.
   */
  async check(boardId: string, token: unknown): Promise<AccessResult> {
    const known = (await this.store.getBoard(boardId)) !== undefined;
    const tokens = await this.store.getTokens(boardId);
    const role = roleForToken(token, known ? tokens : STAND_IN_TOKENS);
    if (known && role) return { via: 'link', role };
    if (typeof token !== 'string' || token.length !== 43) return 'refused';
    const hash = hashToken(token);
    let kind: FollowUpKind | undefined;
    for (const link of await this.store.getFollowUpLinks(boardId)) {
      if (link.hash.byteLength === hash.byteLength && timingSafeEqual(link.hash, hash)) kind = link.kind;
    }
    if (known && kind) return { via: 'follow-up', role: 'viewer', kind };
    const member = await this.store.getMemberBySession(boardId, hash);
    if (!known || !member) return 'refused';
    if (member.removed) return 'removed';
    return { via: 'session', role: member.role, member };
  }
}
