import { useMemo, type RefObject } from 'react';
import type { BoardSnapshot, Note } from '../../../shared/src/index.js';
import type { NoteHandlers } from '../notes/noteHandlers.js';
import type { useConvergeScreen } from './useConvergeScreen.js';
import { dropTarget, type BoardLayout } from '../board-base/layout.js';
import type { useNoteCommands } from '../board-base/useNoteCommands.js';
import type { Selection } from '../board-base/useSelection.js';

export interface NoteHandlersInput {
  selection: Selection;
  snapshotRef: RefObject<BoardSnapshot>;
  layoutRef: RefObject<BoardLayout>;
  canEditNote: (note: Note) => boolean;
  notes: ReturnType<typeof useNoteCommands>;
  /** Merge selection, drop-on-owner and votes: they get each gesture first. */
  converge: ReturnType<typeof useConvergeScreen>['handlers'];
}

/**
 * What the canvas's notes do on click, double-click, drag and vote.
 * Invariant: the converge handlers see every gesture first and return true
 * when they used it (a merge pick, a drop on a department); only otherwise is
 * it a plain selection or a move to another stage. The handlers read the
 * board through refs so the object stays the same while notes change: the
 * big Konva layer does not redraw because of new callbacks.
 */
export function useNoteHandlers({ selection, snapshotRef, layoutRef, canEditNote, notes, converge }: NoteHandlersInput): NoteHandlers {
  const { setSelectedNoteId, setSelectedStageId, setEditing, setDropStageId } = selection;
  return useMemo<NoteHandlers>(() => ({
    onSelect: (id, additive) => {
      if (converge.select(id, additive)) return;
      setSelectedNoteId(id);
      setSelectedStageId(snapshotRef.current.notesById.get(id)?.stageId);
    },
    onEdit: (id) => {
      const note = snapshotRef.current.notesById.get(id);
      if (!note || !canEditNote(note)) return;
      setSelectedNoteId(id);
      setEditing({ noteId: id });
    },
    onDragMove: (id, cx, cy) => {
      if (converge.dragMove(id, cx, cy)) setDropStageId(undefined);
      else setDropStageId(dropTarget(layoutRef.current, cx, cy, id)?.stageId);
    },
    onDrop: (id, cx, cy) => {
      setDropStageId(undefined);
      if (converge.drop(id, cx, cy)) return;
      const target = dropTarget(layoutRef.current, cx, cy, id);
      if (target) {
        notes.move(id, target.stageId, target.index);
        setSelectedStageId(target.stageId);
      }
    },
    onVote: converge.vote,
  }), [canEditNote, notes, converge, snapshotRef, layoutRef, setSelectedNoteId, setSelectedStageId, setEditing, setDropStageId]);
}
