import { useRef } from 'react';
import type Konva from 'konva';
import { Shape } from 'react-konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import type { Context } from 'konva/lib/Context';
import type { Department, Note } from '../../../shared/src/index.js';
import type { NoteBox } from '../board-base/layout.js';
import type { NoteMarksData } from '../converge/noteMarks.js';
import { DOT_COLOR } from '../converge/NoteMarks.js';
import type { NoteHandlers } from './noteHandlers.js';
import { NOTE_STYLE } from '../board-base/noteStyle.js';

export interface OverviewNote {
  box: NoteBox;
  draft: boolean;
  marks: NoteMarksData | undefined;
}

/**
 * Notes zoomed far out (their text would be a few pixels high): one Konva
 * shape draws every visible note as a plain rectangle in its kind's colour,
 * with what still reads at that size (selection, draft outline, merge
 * highlight, parked notes faded, the responsible department as a band, a
 * thin one for the most proposed, a dot when it has votes). One node instead
 * of a dozen per note, so fitting the whole board stays cheap. Clicks, double-clicks and drags find their note
 * from the layout; a drag is handed to the note's full shape on the drag layer.
 */
export function NotesOverview({ notes, selectedNoteId, departments, handlers, canEditNote, onHandOff }: {
  notes: readonly OverviewNote[];
  selectedNoteId: string | undefined;
  departments: ReadonlyMap<string, Department>;
  handlers: NoteHandlers;
  canEditNote: (note: Note) => boolean;
  onHandOff: (id: string, grab: { x: number; y: number }) => void;
}) {
  /** Where the pointer went down, in board units (a drag starts a little later). */
  const down = useRef<{ x: number; y: number } | undefined>(undefined);
  const noteAt = (p: { x: number; y: number } | null | undefined) => {
    if (!p) return undefined;
    // Last drawn is on top.
    for (let i = notes.length - 1; i >= 0; i--) {
      const { box } = notes[i]!;
      if (p.x >= box.x && p.x <= box.x + box.w && p.y >= box.y && p.y <= box.y + box.h) return box.note;
    }
    return undefined;
  };
  /** A pointer event on the note under the pointer (none: between notes, let the stage have it). */
  const onNote = <E extends Event>(act: (id: string, e: KonvaEventObject<E>) => void) => (e: KonvaEventObject<E>) => {
    const note = noteAt(e.target.getStage()?.getRelativePointerPosition());
    if (!note) return;
    e.cancelBubble = true;
    act(note.id, e);
  };
  const anyMovable = notes.some((n) => canEditNote(n.box.note));

  const sceneFunc = (context: Context, shape: Konva.Shape) => {
    const ctx = context._context;
    const px = 1 / (shape.getAbsoluteScale().x || 1);
    for (const { box, draft, marks } of notes) {
      const { note } = box;
      const style = NOTE_STYLE[note.kind];
      const selected = note.id === selectedNoteId;
      ctx.globalAlpha = marks?.status === 'parked' ? 0.5 : 1;
      ctx.fillStyle = draft ? '#f5f3ff' : style.fill;
      ctx.fillRect(box.x, box.y, box.w, box.h);
      const responsible = marks?.responsible ? departments.get(marks.responsible) : undefined;
      const proposed = !responsible && marks?.tally[0] ? departments.get(marks.tally[0].department) : undefined;
      if (responsible) {
        // The confirmed owner: a solid band, as its solid badge.
        ctx.fillStyle = responsible.color;
        ctx.fillRect(box.x, box.y + box.h * 0.72, box.w, box.h * 0.28);
      } else if (proposed) {
        // Only proposals: a thin band in the most proposed department's colour.
        ctx.fillStyle = proposed.color;
        ctx.fillRect(box.x, box.y + box.h * 0.86, box.w, box.h * 0.14);
      }
      if (marks?.showDots && (marks.dotTotal ?? marks.myDots) > 0) {
        ctx.fillStyle = DOT_COLOR;
        ctx.beginPath();
        ctx.arc(box.x + box.w - 22, box.y + 22, 16, 0, Math.PI * 2);
        ctx.fill();
      }
      ctx.strokeStyle = selected ? '#0f172a' : draft ? '#7c3aed' : style.edge;
      ctx.lineWidth = (selected ? 3 : 1) * px;
      ctx.setLineDash(draft && !selected ? [6 * px, 4 * px] : []);
      ctx.strokeRect(box.x, box.y, box.w, box.h);
      if (marks?.highlight) {
        ctx.strokeStyle = marks.highlight === 'merge-target' ? '#7c3aed' : '#0284c7';
        ctx.lineWidth = 3 * px;
        ctx.setLineDash(marks.highlight === 'multi' ? [6 * px, 4 * px] : []);
        ctx.strokeRect(box.x - 4 * px, box.y - 4 * px, box.w + 8 * px, box.h + 8 * px);
      }
    }
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
  };

  const hitFunc = (ctx: Context, shape: Konva.Shape) => {
    ctx.beginPath();
    for (const { box } of notes) ctx.rect(box.x, box.y, box.w, box.h);
    ctx.closePath();
    ctx.fillShape(shape);
  };

  return (
    <Shape
      name="notes-overview"
      fill="#000"
      sceneFunc={sceneFunc}
      hitFunc={hitFunc}
      perfectDrawEnabled={false}
      draggable={anyMovable}
      onMouseDown={(e) => {
        down.current = e.target.getStage()?.getRelativePointerPosition() ?? undefined;
      }}
      onTouchStart={(e) => {
        down.current = e.target.getStage()?.getRelativePointerPosition() ?? undefined;
      }}
      onClick={onNote((id, e) => handlers.onSelect(id, e.evt.shiftKey || e.evt.ctrlKey || e.evt.metaKey))}
      onTap={onNote((id) => handlers.onSelect(id))}
      onDblClick={onNote((id) => handlers.onEdit(id))}
      onDblTap={onNote((id) => handlers.onEdit(id))}
      onDragStart={(e) => {
        if (e.target !== e.currentTarget) return;
        const shape = e.target;
        const note = noteAt(down.current);
        shape.stopDrag();
        shape.position({ x: 0, y: 0 });
        if (note && down.current && canEditNote(note)) {
          handlers.onSelect(note.id);
          onHandOff(note.id, down.current);
        } else {
          // A note we may not move: the drag pans the board, as on empty space.
          shape.getStage()?.startDrag();
        }
      }}
      onDragEnd={(e) => {
        if (e.target === e.currentTarget) e.target.position({ x: 0, y: 0 });
      }}
    />
  );
}
