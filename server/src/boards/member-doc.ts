import type * as Y from 'yjs';
import { systemOrigin, upsertMember } from '../../../shared/src/index.js';
import type { MemberRow } from '../store/board-store.js';

const MEMBERS_ORIGIN = systemOrigin('members');

/** Mirrors a member into the board's `members` map (server-written only). */
export function writeMemberToDoc(doc: Y.Doc, member: MemberRow): void {
  upsertMember(
    doc,
    member.id,
    { name: member.name, department: member.department, role: member.role, joinedAt: member.joinedAt, removed: member.removed },
    MEMBERS_ORIGIN,
  );
}
