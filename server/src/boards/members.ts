import {
  nameKey, newEntityId, placeNewcomer, readBoardStructure, systemOrigin, type ErrorCode, type Role,
} from '../../../shared/src/index.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { BoardStore, MemberPatch, MemberRow } from '../store/board-store.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { writeMemberToDoc } from './member-doc.js';

/** A name or department a member may not take; `code` is what the client translates. */
export class IdentityRefused extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const GROUPS_ORIGIN = systemOrigin('groups');

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

  /** Joins and renames of one board, one at a time: two people cannot both take a free name. */
  private readonly queues = new Map<string, Promise<unknown>>();

  async join(
    boardId: string, role: Role, name: string, department: string, now = Date.now(),
  ): Promise<{ member: MemberRow; session: string }> {
    return this.oneAtATime(boardId, async () => {
      await this.checkIdentity(boardId, undefined, { name, department });
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
      // Breakout groups already made: a latecomer joins the smallest, and their view opens on its segment.
      if (role === 'participant') await this.rooms.withRoom(boardId, (room) => placeNewcomer(room.doc, member.id, GROUPS_ORIGIN));
      return { member, session };
    });
  }

  /** A member changes their own name or department, with the same checks as joining. */
  async changeIdentity(boardId: string, memberId: string, patch: { name?: string; department?: string }): Promise<MemberRow | undefined> {
    return this.oneAtATime(boardId, async () => {
      await this.checkIdentity(boardId, memberId, patch);
      return this.update(boardId, memberId, patch);
    });
  }

  /** Role and removal (the facilitator's), or a checked identity change. */
  async update(boardId: string, memberId: string, patch: MemberPatch): Promise<MemberRow | undefined> {
    const member = await this.store.updateMember(boardId, memberId, patch);
    if (member) await this.mirror(boardId, member);
    return member;
  }

  /**
   * Nobody takes a name another member of the board has (removed members
   * included: their notes still carry it), and a department is one of the
   * board's, or none.
   */
  private async checkIdentity(boardId: string, self: string | undefined, patch: { name?: string; department?: string }): Promise<void> {
    if (patch.name !== undefined) {
      const key = nameKey(patch.name);
      const others = (await this.store.listMembers(boardId)).filter((m) => m.id !== self);
      if (others.some((m) => nameKey(m.name) === key)) {
        throw new IdentityRefused('name-taken', 'another member of this board already uses this name');
      }
    }
    const department = patch.department;
    if (department !== undefined && department !== '') {
      const keys = await this.rooms.withRoom(boardId, (room) => readBoardStructure(room.doc).departments.map((d) => d.key));
      if (!keys.includes(department)) throw new IdentityRefused('unknown-department', 'department is not one of this board\'s departments');
    }
  }

  private oneAtATime<T>(boardId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(boardId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(boardId, settled);
    void settled.then(() => {
      if (this.queues.get(boardId) === settled) this.queues.delete(boardId);
    });
    return next;
  }

  list(boardId: string): Promise<MemberRow[]> {
    return this.store.listMembers(boardId);
  }

  private mirror(boardId: string, member: MemberRow): Promise<void> {
    return this.rooms.withRoom(boardId, (room) => writeMemberToDoc(room.doc, member));
  }
}
