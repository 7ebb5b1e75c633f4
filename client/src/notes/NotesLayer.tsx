import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Layer } from 'react-konva';
import { useTranslation } from 'react-i18next';
import type { Department, Note } from '../../../shared/src/index.js';
import type { BoardLayout, NoteBox } from '../board-base/layout.js';
import { FULL_CULL, fullDrawDone, intersects, type Cull } from '../board-base/cull.js';
import { NoteShape } from './NoteShape.js';
import type { NoteHandlers } from './noteHandlers.js';
import { kindKey } from '../board-base/noteStyle.js';
import type { NoteMarksSource } from '../converge/noteMarks.js';

/**
 * Notes, on two layers: the big one with every note in view (plus a margin,
 * see cull.ts), and a small one with the note being dragged, so a drag
 * redraws one note, not the board. Zoomed far out the notes are not drawn
 * one by one: each stage shows a readable summary instead (StageSummaries).
 */
export const NotesLayer = memo(function NotesLayer({
  layout, cull, departments, selectedNoteId, editingNoteId, canEditNote, draftIds, handlers, marks,
}: {
  layout: BoardLayout;
  /** What part of the board is drawn, and how. */
  cull: Cull;
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
  /** The note being dragged (drawn on the drag layer, hidden on the big one). */
  const [draggingId, setDraggingId] = useState<string>();
  /** The pointer went up before the copy on the drag layer was mounted. */
  const released = useRef(false);
  /** Where the pointer went down on the dragged note. */
  const grab = useRef<{ x: number; y: number }>({ x: 0, y: 0 });
  const onHandOff = useCallback((id: string, at: { x: number; y: number }) => {
    released.current = false;
    grab.current = at;
    const up = () => {
      released.current = true;
      window.removeEventListener('mouseup', up, { capture: true });
      window.removeEventListener('touchend', up, { capture: true });
    };
    window.addEventListener('mouseup', up, { once: true, capture: true });
    window.addEventListener('touchend', up, { once: true, capture: true });
    setDraggingId(id);
  }, []);
  /** Asked by the copy once mounted: drag it from where it was grabbed, or end a drag that is already over. */
  const stillDragging = useCallback(() => {
    if (!released.current) return grab.current;
    setDraggingId(undefined);
    return undefined;
  }, []);
  const dragHandlers = useMemo<NoteHandlers>(() => ({
    ...handlers,
    onDrop: (id, cx, cy) => {
      setDraggingId(undefined);
      handlers.onDrop(id, cx, cy);
    },
  }), [handlers]);

  useEffect(() => {
    if (cull === FULL_CULL) fullDrawDone();
  }, [cull]);

  const visible = useMemo(
    () => layout.notes.filter((box) => box.note.id !== editingNoteId && intersects(box, cull.rect)),
    [layout.notes, editingNoteId, cull.rect],
  );
  // The selected note is drawn last so its expanded text lies over its neighbours.
  const boxes = selectedNoteId
    ? [...visible.filter((n) => n.note.id !== selectedNoteId), ...visible.filter((n) => n.note.id === selectedNoteId)]
    : visible;
  const shape = (box: NoteBox, onDrag: boolean) => (
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
      {...(onDrag ? dragHandlers : handlers)}
      onHandOff={onDrag ? undefined : onHandOff}
      startDragging={onDrag ? stillDragging : undefined}
      hidden={!onDrag && box.note.id === draggingId}
    />
  );
  const dragged = draggingId ? layout.notesById.get(draggingId) : undefined;
  return (
    <>
      {/* noteCount: how many notes this layer draws; unset while stages are summaries, which count them (bench scenario 7). */}
      <Layer name="notes" noteCount={cull.overview ? undefined : boxes.length}>
        {!cull.overview && boxes.map((box) => shape(box, false))}
      </Layer>
      <Layer name="drag">
        {dragged && shape(dragged, true)}
      </Layer>
    </>
  );
});
