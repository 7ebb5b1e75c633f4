import { DEPARTMENT_KEY_PATTERN, ENTITY_ID_PATTERN } from './ids.js';
import { COLOR_PATTERN } from './schema/fields.js';
import { isRole, type Role } from './protocol.js';
import { MEMBER_NAME_MAX } from './schema/member.js';

/**
 * The awareness state each client publishes (y-protocols awareness). Kept small:
 * cursors go out at about 20 Hz from 60 people.
 */
export interface PresenceUser {
  id: string;
  name: string;
  /** Department key or ''. */
  department: string;
  /** Cursor and avatar colour (`#rrggbb`), the department's colour when known. */
  color: string;
  role: Role;
}

export interface PresenceState {
  user: PresenceUser;
  /** Pointer in board coordinates, or null when outside the canvas. */
  cursor: { x: number; y: number } | null;
}

/** A presence shows a member's name (viewers have none). */
export const PRESENCE_NAME_MAX = MEMBER_NAME_MAX;

/** Validates a remote awareness state; returns undefined for anything malformed. */
export function readPresence(state: unknown): PresenceState | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { user, cursor } = state as { user?: unknown; cursor?: unknown };
  if (typeof user !== 'object' || user === null) return undefined;
  const u = user as Record<string, unknown>;
  if (typeof u.id !== 'string' || !ENTITY_ID_PATTERN.test(u.id)) return undefined;
  if (typeof u.name !== 'string' || u.name.length > PRESENCE_NAME_MAX) return undefined;
  if (typeof u.department !== 'string' || (u.department !== '' && !DEPARTMENT_KEY_PATTERN.test(u.department))) {
    return undefined;
  }
  if (typeof u.color !== 'string' || !COLOR_PATTERN.test(u.color)) return undefined;
  if (!isRole(u.role)) return undefined;
  let point: PresenceState['cursor'] = null;
  if (typeof cursor === 'object' && cursor !== null) {
    const { x, y } = cursor as { x?: unknown; y?: unknown };
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
      point = { x, y };
    }
  }
  return {
    user: { id: u.id, name: u.name, department: u.department, color: u.color, role: u.role },
    cursor: point,
  };
}
