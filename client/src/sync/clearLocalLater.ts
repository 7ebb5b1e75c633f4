/**
 * `clearBoardLocal` (localStore.ts) for the pages that load before the board:
 * localStore needs Yjs and y-indexeddb, which live in the board's chunks
 * (app/boardChunk.ts), so it is imported when needed. Resolves once the
 * deletion is requested: a board opened after that never reads the old copy.
 */
export async function clearBoardLocalLater(boardId: string): Promise<void> {
  const { clearBoardLocal } = await import('./localStore.js');
  void clearBoardLocal(boardId);
}
