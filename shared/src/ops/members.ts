import type * as Y from 'yjs';
import { DEPARTMENT_KEY_PATTERN, ENTITY_ID_PATTERN } from '../ids.js';
import type { Origin } from '../origin.js';
import { isRole } from '../protocol.js';
import { roots, toRecordMap } from '../schema/layout.js';
import { MEMBER_NAME_MAX, type MemberRecord } from '../schema/member.js';
import { cleanText, invalid } from './errors.js';

/**
 * Creates or updates a member's record (server only: the server owns
 * identities and mirrors them here). Writes only the fields that differ, so
 * re-mirroring an unchanged member sends no update.
 */
export function upsertMember(doc: Y.Doc, memberId: string, record: MemberRecord, origin: Origin): void {
  if (!ENTITY_ID_PATTERN.test(memberId)) invalid('invalid-member-id', 'Member id is not valid');
  const clean: MemberRecord = {
    name: cleanText(record.name, 'name', MEMBER_NAME_MAX, 1),
    department: record.department,
    role: record.role,
    joinedAt: record.joinedAt,
    removed: record.removed,
  };
  if (clean.department !== '' && !DEPARTMENT_KEY_PATTERN.test(clean.department)) invalid('invalid-department', 'Department is not valid');
  if (!isRole(clean.role)) invalid('unknown-role', 'Unknown role');
  if (!Number.isFinite(clean.joinedAt)) invalid('invalid-input', 'joinedAt must be a finite number');
  if (typeof clean.removed !== 'boolean') invalid('invalid-input', 'removed must be a boolean');
  const { members } = roots(doc);
  const entry = members.get(memberId);
  doc.transact(() => {
    if (!entry || typeof entry.get !== 'function') {
      members.set(memberId, toRecordMap({ ...clean }));
      return;
    }
    for (const [key, value] of Object.entries(clean)) {
      if (entry.get(key) !== value) entry.set(key, value);
    }
  }, origin);
}
