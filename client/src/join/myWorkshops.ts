import { ROLES, isBoardId, isRole, type Role } from '../../../shared/src/index.js';
import { clearBoardLocalLater } from '../sync/clearLocalLater.js';
import { forgetInfo } from './cachedInfo.js';
import { forgetIdentity } from './identity.js';
import { forgetToken } from './tokenStore.js';

/**
 * "My workshops": the boards this browser created or joined, kept on this
 * device only (localStorage), newest first. A record holds the links this
 * device was given, so a facilitator who closed the tab still has the
 * participant link to hand out. Nothing here grants access by itself: a link
 * is only as good as its token, which the server checks.
 */
export interface SavedWorkshop {
  boardId: string;
  title: string;
  /** Our role on the board, as the server last said. */
  role: Role;
  /** ms since the epoch, this device's clock. */
  lastOpened: number;
  /** The links this device knows, by role. */
  links: Partial<Record<Role, string>>;
}

const KEY = 'tabella:workshops';
/** Enough for a consultant's year of workshops; the oldest fall off. */
const MAX_SAVED = 60;

function valid(value: unknown): SavedWorkshop | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (!isBoardId(r.boardId) || !isRole(r.role)) return undefined;
  if (typeof r.title !== 'string' || typeof r.lastOpened !== 'number') return undefined;
  const links: Partial<Record<Role, string>> = {};
  const raw = (typeof r.links === 'object' && r.links !== null ? r.links : {}) as Record<string, unknown>;
  for (const role of ROLES) {
    const link = raw[role];
    // Only our own board links: never a stored javascript: or foreign URL to click.
    if (typeof link === 'string' && link.startsWith(`${window.location.origin}/b/${r.boardId}#token=`)) links[role] = link;
  }
  return { boardId: r.boardId, title: r.title.slice(0, 120), role: r.role, lastOpened: r.lastOpened, links };
}

export function listWorkshops(): SavedWorkshop[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.map(valid).filter((w): w is SavedWorkshop => w !== undefined).sort((a, b) => b.lastOpened - a.lastOpened);
  } catch {
    return [];
  }
}

function save(list: SavedWorkshop[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX_SAVED)));
  } catch {
    // Storage full or disabled: the list is a convenience, the board still works.
  }
}

/** The link of `role` on this board for `token`, as the server hands them out. */
export function boardLink(boardId: string, token: string): string {
  return `${window.location.origin}/b/${boardId}#token=${token}`;
}

/** Records that we opened (or created) a board; links given are added to the ones known. */
export function rememberWorkshop(
  entry: { boardId: string; title: string; role: Role; links?: Partial<Record<Role, string>> }, now = Date.now(),
): void {
  const list = listWorkshops();
  const old = list.find((w) => w.boardId === entry.boardId);
  const next: SavedWorkshop = {
    boardId: entry.boardId, title: entry.title, role: entry.role, lastOpened: now, links: { ...old?.links, ...entry.links },
  };
  save([next, ...list.filter((w) => w.boardId !== entry.boardId)]);
}

/** A link was issued anew: the old one stopped working, so keep only the new one. */
export function rememberLink(boardId: string, role: Role, link: string): void {
  const list = listWorkshops();
  const found = list.find((w) => w.boardId === boardId);
  if (!found) return;
  save(list.map((w) => (w === found ? { ...w, links: { ...w.links, [role]: link } } : w)));
}

/**
 * Forgets a board on this device: its entry, the link token and the personal
 * session kept for it, and this device's copy of the board (a shared laptop
 * should not keep someone's access or notes).
 */
export function forgetWorkshop(boardId: string): void {
  save(listWorkshops().filter((w) => w.boardId !== boardId));
  void clearBoardLocalLater(boardId);
  try {
    forgetToken(boardId);
    forgetIdentity(boardId);
    forgetInfo(boardId);
  } catch {
    // Storage disabled: nothing kept, nothing to forget.
  }
}
