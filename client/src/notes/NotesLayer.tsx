import { memo } from 'react';
import { Layer } from 'react-konva';
import { useTranslation } from 'react-i18next';
import type { Department, Note } from '../../../shared/src/index.js';
import type { BoardLayout } from '../board/layout.js';
import { NoteShape } from './NoteShape.js';
import { kindKey } from './noteStyle.js';
import type { NoteMarksSource } from '../converge/noteMarks.js';

export interface NoteHandlers {
  /** `additive`: Shift/Ctrl/Cmd-click, to select several notes. */
  onSelect: (id: string, additive?: boolean) => void;
  onEdit: (id: string) => void;
  onDragMove: (id: string, cx: number, cy: number) => void;
  onDrop: (id: string, cx: number, cy: number) => void;
  /** Spend (+1) or take back (−1) one of our dots. */
  onVote?: (id: string, delta: 1 | -1) => void;
}

export const NotesLayer = memo(function NotesLayer({
  layout, departments, selectedNoteId, editingNoteId, canEditNote, draftIds, handlers, marks,
}: {
  layout: BoardLayout;
  departments: ReadonlyMap<string, Department>;
  selectedNoteId: string | undefined;
  editingNoteId: string | undefined;
  canEditNote: (note: Note) => boolean;
  draftIds: ReadonlySet<string>;
  handlers: NoteHandlers;
  /** Dots, owners, status and merge highlight of each note. */
  marks?: NoteMarksSource;
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
            kindLabel={[
              t(`kinds.${kindKey(box.note.kind)}`),
              box.note.status === 'parked' ? t('status.parked') : '',
            ].filter(Boolean).join(' · ')}
            departments={departments}
            marks={marks?.(box.note, draftIds.has(box.note.id))}
            {...handlers}
          />
        ),
      )}
    </Layer>
  );
});
