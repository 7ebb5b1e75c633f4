import type { FollowUpKind } from '../../../shared/src/index.js';

const key = (kind: FollowUpKind, boardId: string) => `tabella:form:${kind}:${boardId}`;

/**
 * The form link's token comes in the URL fragment; it is kept per board and
 * kind so a reload works, and removed from the address bar (a projector or a
 * screenshot should not show it).
 */
export function takeFormToken(kind: FollowUpKind, boardId: string): string | undefined {
  const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    localStorage.setItem(key(kind, boardId), fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return localStorage.getItem(key(kind, boardId)) ?? undefined;
}
