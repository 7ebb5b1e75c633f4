import { useCallback, useState, type RefObject } from 'react';
import type { BoardLayout, Rect } from './layout.js';

/** The note being edited, or the stage that gets a new note (its editor sits in the stage's next free slot). */
export type Editing = { noteId: string } | { stageId: string };

/**
 * Local, never shared: which note and stage are selected, what is being
 * edited, and which stage a dragged note would land in.
 * Invariants: ids may outlive their note (someone else deletes it, or undo);
 * readers look them up in the current snapshot and treat a missing one as
 * "nothing selected". The selected stage follows the selected note, so
 * "+ Note" and the N key add next to what one just looked at.
 */
export function useSelection(layoutRef: RefObject<BoardLayout>, showRect: (r: Rect) => void) {
  const [selectedNoteId, setSelectedNoteId] = useState<string>();
  const [selectedStageId, setSelectedStageId] = useState<string>();
  const [editing, setEditing] = useState<Editing>();
  const [dropStageId, setDropStageId] = useState<string>();

  const selectStage = useCallback((id: string | undefined) => {
    setSelectedStageId(id);
    setSelectedNoteId(undefined);
  }, []);

  const clearSelection = useCallback(() => {
    setSelectedNoteId(undefined);
    setSelectedStageId(undefined);
  }, []);

  /** Shows a note on the board (from the roadmap view): selects it and brings it into view. */
  const jumpToNote = useCallback((noteId: string) => {
    const box = layoutRef.current.notesById.get(noteId);
    if (box) showRect(box);
    setSelectedNoteId(noteId);
    setSelectedStageId(box?.stageId);
  }, [layoutRef, showRect]);

  return {
    selectedNoteId, setSelectedNoteId, selectedStageId, setSelectedStageId, editing, setEditing,
    dropStageId, setDropStageId, selectStage, clearSelection, jumpToNote,
  };
}

export type Selection = ReturnType<typeof useSelection>;
