import { PRESENCE_NAME_MAX, newEntityId, type Role } from '../../../shared/src/index.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { BoardStore, MemberPatch, MemberRow } from '../store/board-store.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { writeMemberToDoc } from './member-doc.js';

export { PRESENCE_NAME_MAX as MEMBER_NAME_MAX };

/** Connections of a member are closed through this when their rights change. */
export type MemberKicker = (boardId: string, memberId: string, code: number, reason: string) => void;

/**
 * Members: one per person who joined through a facilitator or participant link.
 * The store holds the truth (and the hashed session); the board's `members`
 * map mirrors name, department and role so every client can list people.
 */
export class MemberService {
  constructor(
    private readonly store: BoardStore,
    private readonly rooms: RoomRegistry,
  ) {}

  async join(
    boardId: string, role: Role, name: string, department: string, now = Date.now(),
  ): Promise<{ member: MemberRow; session: string }> {
    const session = newToken();
    const member: MemberRow = {
      id: newEntityId(),
      name,
      department,
      role,
      sessionHash: hashToken(session),
      joinedAt: now,
      removed: false,
    };
    await this.store.addMember(boardId, member);
    await this.mirror(boardId, member);
    return { member, session };
  }

  async update(boardId: string, memberId: string, patch: MemberPatch): Promise<MemberRow | undefined> {
    const member = await this.store.updateMember(boardId, memberId, patch);
    if (member) await this.mirror(boardId, member);
    return member;
  }

  list(boardId: string): Promise<MemberRow[]> {
    return this.store.listMembers(boardId);
  }

  private mirror(boardId: string, member: MemberRow): Promise<void> {
    return this.rooms.withRoom(boardId, (room) => writeMemberToDoc(room.doc, member));
  }
}
