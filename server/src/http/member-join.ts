import { z } from 'zod';
import { DEPARTMENT_KEY_PATTERN, MEMBER_NAME_MAX, type JoinResponse, type Role } from '../../../shared/src/index.js';
import { IdentityRefused, type MemberService } from '../boards/members.js';
import { HttpError } from './errors.js';

export const memberName = z.string().trim().min(1, 'name must not be empty').max(MEMBER_NAME_MAX, `name must be at most ${MEMBER_NAME_MAX} characters`);
export const memberDepartment = z.string().regex(new RegExp(`(${DEPARTMENT_KEY_PATTERN.source})|^$`), 'department must be a department key');

/** A name already taken is a conflict (409); a department the board does not have, a bad request (400). */
export function refusedIdentity(error: unknown): never {
  if (error instanceof IdentityRefused) throw new HttpError(error.code === 'name-taken' ? 409 : 400, error.code, error.message);
  throw error;
}

/**
 * The one way a person becomes a member, whatever let them in (a link, a
 * join code): a member with this name and department and a personal session.
 */
export async function joinMember(
  members: MemberService, boardId: string, role: Role, input: { name: string; department: string },
): Promise<JoinResponse> {
  const { member, session } = await members.join(boardId, role, input.name, input.department).catch(refusedIdentity);
  return { memberId: member.id, session, role: member.role };
}
