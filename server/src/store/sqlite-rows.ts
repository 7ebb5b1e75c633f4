import type { Role } from '../../../shared/src/index.js';
import type { MemberRow } from './board-store.js';

/** A `members` row as SQLite returns it (the store and the migration's reader share it). */
export interface MemberDbRow {
  id: string;
  name: string;
  department: string;
  role: Role;
  session_hash: Buffer;
  joined_at: number;
  removed: number;
}

export function memberFromDb(row: MemberDbRow): MemberRow {
  return {
    id: row.id,
    name: row.name,
    department: row.department,
    role: row.role,
    sessionHash: new Uint8Array(row.session_hash),
    joinedAt: row.joined_at,
    removed: row.removed === 1,
  };
}
