import type { SessionInfo } from '../api/serverApi.js';

const key = (boardId: string) => `tabella:info:${boardId}`;

/**
 * The last board info the server gave this device's session, so a reload while
 * offline can open the board from this device's copy (sync/localStore.ts)
 * instead of showing "no connection". The server checks the session again on
 * reconnect; nothing here grants anything.
 */
export function rememberInfo(boardId: string, info: SessionInfo): void {
  try {
    localStorage.setItem(key(boardId), JSON.stringify(info));
  } catch {
    // Storage full or disabled: offline reloads just will not work.
  }
}

export function cachedInfo(boardId: string): SessionInfo | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key(boardId)) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const info = value as SessionInfo;
    return typeof info.id === 'string' && typeof info.role === 'string' && typeof info.title === 'string' ? info : undefined;
  } catch {
    return undefined;
  }
}

export function forgetInfo(boardId: string): void {
  localStorage.removeItem(key(boardId));
}
