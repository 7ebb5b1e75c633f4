import { ENTITY_ID_PATTERN, newEntityId, PRESENCE_NAME_MAX } from '../../../shared/src/index.js';

/** Who this device is on one board: remembered in localStorage, per board. */
export interface Identity {
  id: string;
  name: string;
  /** Department key or ''. */
  department: string;
}

const key = (boardId: string) => `tabella:identity:${boardId}`;

/** The stable participant id of this device on this board, created on first use. */
export function deviceId(boardId: string): string {
  const stored = loadIdentity(boardId);
  if (stored) return stored.id;
  const idKey = `tabella:device:${boardId}`;
  let id = localStorage.getItem(idKey);
  if (!id || !ENTITY_ID_PATTERN.test(id)) {
    id = newEntityId();
    localStorage.setItem(idKey, id);
  }
  return id;
}

export function loadIdentity(boardId: string): Identity | undefined {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(key(boardId)) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return undefined;
    const { id, name, department } = raw as Record<string, unknown>;
    if (typeof id !== 'string' || !ENTITY_ID_PATTERN.test(id)) return undefined;
    if (typeof name !== 'string' || !name.trim() || name.length > PRESENCE_NAME_MAX) return undefined;
    return { id, name, department: typeof department === 'string' ? department : '' };
  } catch {
    return undefined;
  }
}

export function saveIdentity(boardId: string, identity: Identity): void {
  localStorage.setItem(key(boardId), JSON.stringify(identity));
}
