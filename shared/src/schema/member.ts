import { DEPARTMENT_KEY_PATTERN } from '../ids.js';
import { ROLES, type Role } from '../protocol.js';
import { FieldErrors } from './fields.js';
import type { RecordMap } from './layout.js';

export const MEMBER_NAME_MAX = 60;

/**
 * Stored in `members`, keyed by member id. Written only by the server (it
 * mirrors its member table here so every client can list people); clients
 * never write it.
 */
export interface MemberRecord {
  name: string;
  /** Department key, or '' when the member did not pick one. */
  department: string;
  role: Role;
  /** When the member first joined, ms since the epoch. */
  joinedAt: number;
  /** Removed by a facilitator: their session no longer works. Kept so their notes still have a name. */
  removed: boolean;
}

export interface Member extends MemberRecord {
  id: string;
}

export function readMember(map: RecordMap): { value: MemberRecord } | { errors: string[] } {
  const check = new FieldErrors();
  const rawDepartment = map.get('department') ?? '';
  const rawRemoved = map.get('removed') ?? false;
  if (typeof rawRemoved !== 'boolean') check.errors.push('removed must be a boolean');
  const value: MemberRecord = {
    name: check.string(map.get('name'), 'name', { min: 1, max: MEMBER_NAME_MAX }),
    department:
      rawDepartment === '' ? '' : check.pattern(rawDepartment, 'department', DEPARTMENT_KEY_PATTERN),
    role: check.oneOf(map.get('role'), 'role', ROLES),
    joinedAt: check.finite(map.get('joinedAt'), 'joinedAt'),
    removed: rawRemoved === true,
  };
  return check.ok ? { value } : { errors: check.errors };
}
