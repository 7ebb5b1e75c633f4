import { memo, useEffect, useMemo, useRef } from 'react';
import Konva from 'konva';
import { Group, Rect, Text } from 'react-konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import type { Department, Note } from '../../../shared/src/index.js';
import { NOTE_H, NOTE_W } from '../board-base/layout.js';
import { NOTE_STYLE } from '../board-base/noteStyle.js';
import { MARK_ROW_H, NoteMarks, STATUS_ROOM } from '../converge/NoteMarks.js';
import { hasBottomRow, type NoteMarksData } from '../converge/noteMarks.js';

const PAD = 12;
const TEXT_TOP = 30;
const FONT = 17;
const LINE = 1.25;
type Point = { x: number; y: number };

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Height of the full text wrapped at the note's width (for the expanded, selected note). */
function fullTextHeight(text: string): number {
  const probe = new Konva.Text({ text, width: NOTE_W - PAD * 2, fontSize: FONT, lineHeight: LINE, wrap: 'word', fontFamily: FONT_FAMILY });
  const h = probe.height();
  probe.destroy();
  return h;
}

export interface NoteShapeProps {
  note: Note;
  x: number;
  y: number;
  selected: boolean;
  draggable: boolean;
  /** A private draft: only its author sees it, until the facilitator reveals. */
  draft?: boolean;
  draftLabel?: string;
  kindLabel: string;
  departments: ReadonlyMap<string, Department>;
  /** Dots, owners, status and merge highlight (absent on private drafts). */
  marks?: NoteMarksData;
  /** `additive`: Shift/Ctrl/Cmd-click, to select several notes. */
  onSelect: (id: string, additive?: boolean) => void;
  onEdit: (id: string) => void;
  onDragMove: (id: string, cx: number, cy: number) => void;
  onDrop: (id: string, cx: number, cy: number) => void;
  onVote?: (id: string, delta: 1 | -1) => void;
  /**
   * In the big notes layer: a drag that starts here is handed to a copy of the
   * note on the drag layer (this node stops dragging at once), so the big
   * layer is not redrawn while the note moves.
   */
  onHandOff?: (id: string, grab: Point) => void;
  /**
   * The copy on the drag layer: asked once mounted where the pointer went down
   * on the note (board units), to start dragging from there; undefined when the
   * pointer is already up.
   */
  startDragging?: () => Point | undefined;
  /** Hidden while its copy is dragged. */
  hidden?: boolean;
}

/**
 * One sticky note. Memoized: BoardReader keeps unchanged notes identical, so
 * a remote edit re-renders only the note it touched.
 */
export const NoteShape = memo(function NoteShape({
  note, x, y, selected, draggable, draft = false, draftLabel = '', kindLabel, departments, marks, onSelect, onEdit, onDragMove, onDrop, onVote,
  onHandOff, startDragging, hidden = false,
}: NoteShapeProps) {
  const group = useRef<Konva.Group>(null);
  const handedOff = useRef(false);
  /** Where the pointer went down on this note, board units. */
  const grab = useRef<Point | undefined>(undefined);
  useEffect(() => {
    // Only a copy being dragged asks where the pointer is: Konva warns ("Pointer position is missing")
    // when asked with no pointer over the canvas, as for every note drawn while the mouse is elsewhere.
    const from = startDragging?.();
    const node = group.current;
    const now = from && node?.getStage()?.getRelativePointerPosition();
    if (!from || !node || !now) return;
    // The pointer has moved since it went down: the note keeps the point it was grabbed at under it.
    node.position({ x: x + now.x - from.x, y: y + now.y - from.y });
    node.startDrag();
    // Once, when the copy is mounted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const pointerDown = (e: KonvaEventObject<Event>) => {
    grab.current = e.target.getStage()?.getRelativePointerPosition() ?? undefined;
  };
  const style = NOTE_STYLE[note.kind];
  const clipped = NOTE_H - TEXT_TOP - PAD - (hasBottomRow(marks) ? MARK_ROW_H + 6 : 0);
  const labelRoom = marks && marks.status !== 'open' ? STATUS_ROOM : 0;
  // Selected notes grow to show their whole text (drawn on top of their neighbours).
  const textH = useMemo(
    () => (selected ? Math.max(clipped, fullTextHeight(note.text) + 2) : clipped),
    [selected, clipped, note.text],
  );
  const h = selected ? NOTE_H - clipped + textH : NOTE_H;

  const center = (e: KonvaEventObject<DragEvent>) => {
    const p = e.target.position();
    return [p.x + NOTE_W / 2, p.y + NOTE_H / 2] as const;
  };

  return (
    <Group
      ref={group}
      visible={!hidden}
      name={`note-${note.id}`}
      id={`note-${note.id}`}
      x={x}
      y={y}
      draggable={draggable}
      opacity={marks?.status === 'parked' ? 0.5 : 1}
      onClick={(e) => {
        e.cancelBubble = true;
        onSelect(note.id, e.evt.shiftKey || e.evt.ctrlKey || e.evt.metaKey);
      }}
      onTap={(e) => {
        e.cancelBubble = true;
        onSelect(note.id);
      }}
      onDblClick={(e) => {
        e.cancelBubble = true;
        onEdit(note.id);
      }}
      onDblTap={(e) => {
        e.cancelBubble = true;
        onEdit(note.id);
      }}
      onMouseDown={onHandOff && pointerDown}
      onTouchStart={onHandOff && pointerDown}
      onDragStart={(e) => {
        if (onHandOff) {
          handedOff.current = true;
          e.target.stopDrag();
          onSelect(note.id);
          onHandOff(note.id, grab.current ?? { x: x + NOTE_W / 2, y: y + NOTE_H / 2 });
          return;
        }
        e.target.moveToTop();
        onSelect(note.id);
      }}
      onDragMove={(e) => {
        if (!handedOff.current) onDragMove(note.id, ...center(e));
      }}
      onDragEnd={(e) => {
        if (handedOff.current) {
          handedOff.current = false;
          e.target.position({ x, y });
          return;
        }
        const [cx, cy] = center(e);
        // Snap back; the op moves the note to its new slot via the next snapshot.
        e.target.position({ x, y });
        onDrop(note.id, cx, cy);
      }}
    >
      <Rect x={3} y={4} width={NOTE_W} height={h} fill="rgba(15,23,42,0.16)" cornerRadius={6}
        listening={false} perfectDrawEnabled={false} />
      <Rect width={NOTE_W} height={h} fill={draft ? '#f5f3ff' : style.fill} cornerRadius={6}
        stroke={selected ? '#0f172a' : draft ? '#7c3aed' : style.edge} strokeWidth={selected || draft ? 3 : 1.5}
        dash={draft && !selected ? [10, 6] : undefined} perfectDrawEnabled={false} />
      <Text x={PAD} y={10} width={NOTE_W - PAD * 2 - labelRoom} text={(draft ? draftLabel : kindLabel).toUpperCase()}
        fontSize={12} fontStyle="bold" letterSpacing={0.6} fill={draft ? '#6d28d9' : style.label} wrap="none"
        ellipsis listening={false} perfectDrawEnabled={false} />
      <Text x={PAD} y={TEXT_TOP} width={NOTE_W - PAD * 2} height={textH} text={note.text}
        fontSize={FONT} lineHeight={LINE} fontFamily={FONT_FAMILY} fill="#111827" wrap="word" ellipsis
        listening={false} perfectDrawEnabled={false} />
      {marks && <NoteMarks noteId={note.id} marks={marks} mergedCount={note.merged.length} h={h} departments={departments} onVote={onVote} />}
    </Group>
  );
});
