import type { BoardSnapshot, Note } from '../../../shared/src/index.js';

/**
 * The board as this person sees it during private writing: the board's notes,
 * then their own drafts at the end of each stage (drafts of a stage that no
 * longer exists are not shown). Same snapshot object when there are no drafts.
 */
export function mergeDrafts(snapshot: BoardSnapshot, drafts: Note[]): BoardSnapshot {
  if (drafts.length === 0) return snapshot;
  const notesByStage = new Map(snapshot.notesByStage);
  const notesById = new Map(snapshot.notesById);
  const sorted = [...drafts].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  for (const draft of sorted) {
    if (!snapshot.stagesById.has(draft.stageId)) continue;
    notesByStage.set(draft.stageId, [...(notesByStage.get(draft.stageId) ?? []), draft]);
    notesById.set(draft.id, draft);
  }
  return { ...snapshot, notesByStage, notesById };
}
