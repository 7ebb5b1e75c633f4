const key = (boardId: string) => `tabella:token:${boardId}`;

/**
 * The board token arrives in the URL fragment (never sent to the server in a
 * request line). It is kept in localStorage per board so a reload, or opening
 * the board again from the bare URL, still works; the fragment is then removed
 * from the address bar so it is not shown on a projector or shared by accident.
 */
export function takeToken(boardId: string): string | undefined {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    localStorage.setItem(key(boardId), fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return localStorage.getItem(key(boardId)) ?? undefined;
}

export function forgetToken(boardId: string): void {
  localStorage.removeItem(key(boardId));
}
