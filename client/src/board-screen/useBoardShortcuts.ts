import type { Note, Role } from '../../../shared/src/index.js';
import { useShortcuts } from './useShortcuts.js';

/**
 * The board's keys (useShortcuts.ts: none fire while typing in a field).
 * Viewers change nothing, so undo and redo are off for them; N and Delete
 * follow the same rights as the toolbar and the inspector.
 */
export function useBoardShortcuts(p: {
  role: Role;
  canEdit: boolean;
  canEditNote: (note: Note) => boolean;
  selectedNote: Note | undefined;
  undo: () => void;
  redo: () => void;
  addNoteHere: (preferPointer: boolean) => void;
  removeNote: (id: string) => void;
  /** Delete: the note goes, the selection with it. */
  deselectNote: () => void;
  /** Escape: nothing selected. */
  clearSelection: () => void;
  zoomStepBy: (direction: 1 | -1) => void;
  toggleKeys: () => void;
}): void {
  useShortcuts({
    undo: () => p.role !== 'viewer' && p.undo(),
    redo: () => p.role !== 'viewer' && p.redo(),
    addNote: () => p.canEdit && p.addNoteHere(true),
    deleteSelected: () => {
      if (p.selectedNote && p.canEditNote(p.selectedNote)) {
        p.removeNote(p.selectedNote.id);
        p.deselectNote();
      }
    },
    escape: p.clearSelection,
    zoomIn: () => p.zoomStepBy(1),
    zoomOut: () => p.zoomStepBy(-1),
    help: p.toggleKeys,
  });
}
