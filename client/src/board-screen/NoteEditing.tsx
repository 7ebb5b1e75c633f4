import type { BoardSnapshot } from '../../../shared/src/index.js';
import { NoteEditor } from '../notes/NoteEditor.js';
import { NoteInspector } from './NoteInspector.js';
import type { BoardLayout } from '../board-base/layout.js';
import type { useNoteCommands } from '../board-base/useNoteCommands.js';
import type { Selection } from '../board-base/useSelection.js';
import type { Viewport } from '../board-base/useViewport.js';

/**
 * The HTML over the canvas for one note: the text editor (an existing note,
 * or a new one in a stage's next free slot) or, when nothing is being edited,
 * the inspector of the selected note.
 * Invariants: at most one editor at a time (`editing` is one value); a note
 * deleted by someone else while selected or edited simply disappears (looked
 * up in the current snapshot); an empty new note is not created.
 */
export function NoteEditing({ snapshot, layout, viewport, selection, notes, onClosed }: {
  snapshot: BoardSnapshot;
  layout: BoardLayout;
  viewport: Viewport;
  selection: Selection;
  notes: ReturnType<typeof useNoteCommands>;
  /** The editor closed by itself (saved or cancelled): the keyboard focus can go back (useBoardKeyboard). */
  onClosed: () => void;
}) {
  const { editing, setEditing, selectedNoteId, setSelectedNoteId } = selection;
  const selectedNote = selectedNoteId ? snapshot.notesById.get(selectedNoteId) : undefined;
  const editingNote = editing && 'noteId' in editing ? snapshot.notesById.get(editing.noteId) : undefined;
  const editingBox = editing && 'noteId' in editing ? layout.notesById.get(editing.noteId) : undefined;
  const draftStage = editing && 'stageId' in editing ? layout.stagesById.get(editing.stageId) : undefined;
  return (
    <>
      {editingNote && editingBox && (
        <NoteEditor
          key={editingNote.id}
          world={editingBox}
          viewport={viewport}
          initialText={editingNote.text}
          kind={editingNote.kind}
          onCommit={(text) => {
            setEditing(undefined);
            notes.update(editingNote.id, { text });
            onClosed();
          }}
          onCancel={() => {
            setEditing(undefined);
            onClosed();
          }}
        />
      )}
      {draftStage && (
        <NoteEditor
          key={`new-${draftStage.stage.id}`}
          world={draftStage.nextSlot}
          viewport={viewport}
          initialText=""
          kind="action"
          onCommit={(text) => {
            setEditing(undefined);
            onClosed();
            if (!text.trim()) return;
            const id = notes.add(draftStage.stage.id, text);
            if (id) setSelectedNoteId(id);
          }}
          onCancel={() => {
            setEditing(undefined);
            onClosed();
          }}
        />
      )}
      {selectedNote && !editing && (
        <NoteInspector
          note={selectedNote}
          departments={snapshot.departments}
          onEdit={() => setEditing({ noteId: selectedNote.id })}
          onClose={() => setSelectedNoteId(undefined)}
        />
      )}
    </>
  );
}
