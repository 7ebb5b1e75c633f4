import { memo } from 'react';
import { Layer } from 'react-konva';
import { useTranslation } from 'react-i18next';
import type { Department, Note } from '../../../shared/src/index.js';
import type { BoardLayout } from '../board/layout.js';
import { NoteShape } from './NoteShape.js';
import { kindKey } from './noteStyle.js';

export interface NoteHandlers {
  onSelect: (id: string) => void;
  onEdit: (id: string) => void;
  onDragMove: (id: string, cx: number, cy: number) => void;
  onDrop: (id: string, cx: number, cy: number) => void;
}

export const NotesLayer = memo(function NotesLayer({
  layout, departments, selectedNoteId, editingNoteId, canEditNote, draftIds, handlers,
}: {
  layout: BoardLayout;
  departments: ReadonlyMap<string, Department>;
  selectedNoteId: string | undefined;
  editingNoteId: string | undefined;
  canEditNote: (note: Note) => boolean;
  draftIds: ReadonlySet<string>;
  handlers: NoteHandlers;
}) {
  const { t } = useTranslation();
  // The selected note is drawn last so its expanded text lies over its neighbours.
  const boxes = selectedNoteId
    ? [...layout.notes.filter((n) => n.note.id !== selectedNoteId), ...layout.notes.filter((n) => n.note.id === selectedNoteId)]
    : layout.notes;
  return (
    <Layer>
      {boxes.map((box) =>
        box.note.id === editingNoteId ? null : (
          <NoteShape
            key={box.note.id}
            note={box.note}
            x={box.x}
            y={box.y}
            selected={box.note.id === selectedNoteId}
            draggable={canEditNote(box.note)}
            draft={draftIds.has(box.note.id)}
            draftLabel={t('private.draftLabel')}
            kindLabel={t(`kinds.${kindKey(box.note.kind)}`)}
            departments={departments}
            {...handlers}
          />
        ),
      )}
    </Layer>
  );
});
