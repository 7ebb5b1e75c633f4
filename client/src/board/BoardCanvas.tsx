import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { Stage } from 'react-konva';
import type Konva from 'konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import type { Awareness } from 'y-protocols/awareness';
import type { Department, Note } from '../../../shared/src/index.js';
import { CursorsLayer } from '../presence/CursorsLayer.js';
import { NotesLayer, type NoteHandlers } from '../notes/NotesLayer.js';
import { StaticLayer } from './StaticLayer.js';
import type { NoteMarksSource } from '../converge/noteMarks.js';
import { stageAt, type BoardLayout } from './layout.js';
import { screenToWorld, zoomAround, type Viewport } from './useViewport.js';

export interface CanvasProps {
  layout: BoardLayout;
  departments: ReadonlyMap<string, Department>;
  awareness: Awareness;
  viewport: Viewport;
  setViewport: Dispatch<SetStateAction<Viewport>>;
  selectedNoteId: string | undefined;
  selectedStageId: string | undefined;
  editingNoteId: string | undefined;
  dropStageId: string | undefined;
  canEdit: boolean;
  canEditNote: (note: Note) => boolean;
  /** Our private drafts, drawn as such. */
  draftIds: ReadonlySet<string>;
  noteHandlers: NoteHandlers;
  /** Dots, owners, status and merge highlight of each note. */
  noteMarks?: NoteMarksSource;
  onSize: (width: number, height: number) => void;
  onPointer: (world: { x: number; y: number } | null) => void;
  onSelectStage: (stageId: string | undefined) => void;
  onAddNote: (stageId: string) => void;
}

/**
 * The Konva stage: pan (drag empty space, wheel), zoom (Ctrl+wheel / trackpad
 * pinch, two-finger pinch), and the three layers: static structure, notes,
 * cursors. Empty-space clicks are hit-tested against the layout, not shapes.
 */
export function BoardCanvas(props: CanvasProps) {
  const { layout, viewport, setViewport, onSize, onPointer } = props;
  const host = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const pinch = useRef<{ dist: number; cx: number; cy: number } | undefined>(undefined);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const next = { width: el.clientWidth, height: el.clientHeight };
      setSize(next);
      onSize(next.width, next.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [onSize]);

  const worldPointer = () => {
    const p = stageRef.current?.getPointerPosition();
    return p ? screenToWorld(viewport, p.x, p.y) : undefined;
  };

  const isEmpty = (e: KonvaEventObject<Event>) => e.target === e.target.getStage();

  const onWheel = (e: KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const p = stageRef.current?.getPointerPosition();
    if (!p) return;
    if (e.evt.ctrlKey || e.evt.metaKey) {
      setViewport((v) => zoomAround(v, p.x, p.y, Math.exp(-e.evt.deltaY * 0.01)));
    } else {
      setViewport((v) => ({ ...v, x: v.x - e.evt.deltaX, y: v.y - e.evt.deltaY }));
    }
  };

  const onTouchMove = (e: KonvaEventObject<TouchEvent>) => {
    const touches = e.evt.touches;
    const a = touches[0];
    const b = touches[1];
    if (!a || !b) {
      pinch.current = undefined;
      return;
    }
    e.evt.preventDefault();
    const stage = stageRef.current;
    if (stage?.isDragging()) stage.stopDrag();
    const rect = stage?.container().getBoundingClientRect();
    const cx = (a.clientX + b.clientX) / 2 - (rect?.left ?? 0);
    const cy = (a.clientY + b.clientY) / 2 - (rect?.top ?? 0);
    const dist = Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY);
    const last = pinch.current;
    pinch.current = { dist, cx, cy };
    if (!last) return;
    setViewport((v) => {
      const zoomed = zoomAround(v, cx, cy, dist / last.dist);
      return { ...zoomed, x: zoomed.x + cx - last.cx, y: zoomed.y + cy - last.cy };
    });
  };

  return (
    <div ref={host} className="canvas-host" data-testid="board-canvas"
      onMouseLeave={() => onPointer(null)}>
      {size.width > 0 && (
        <Stage
          ref={stageRef}
          width={size.width}
          height={size.height}
          x={viewport.x}
          y={viewport.y}
          scaleX={viewport.scale}
          scaleY={viewport.scale}
          draggable
          onDragMove={(e) => {
            if (e.target === stageRef.current) setViewport((v) => ({ ...v, x: e.target.x(), y: e.target.y() }));
          }}
          onDragEnd={(e) => {
            if (e.target === stageRef.current) setViewport((v) => ({ ...v, x: e.target.x(), y: e.target.y() }));
          }}
          onWheel={onWheel}
          onTouchMove={onTouchMove}
          onTouchEnd={() => {
            pinch.current = undefined;
          }}
          onMouseMove={() => onPointer(worldPointer() ?? null)}
          onClick={(e) => {
            if (!isEmpty(e)) return;
            const p = worldPointer();
            props.onSelectStage(p ? stageAt(layout, p.x, p.y)?.stage.id : undefined);
          }}
          onTap={(e) => {
            if (!isEmpty(e)) return;
            const p = worldPointer();
            props.onSelectStage(p ? stageAt(layout, p.x, p.y)?.stage.id : undefined);
          }}
          onDblClick={(e) => {
            if (!isEmpty(e) || !props.canEdit) return;
            const p = worldPointer();
            const box = p && stageAt(layout, p.x, p.y);
            if (box) props.onAddNote(box.stage.id);
          }}
          onDblTap={(e) => {
            if (!isEmpty(e) || !props.canEdit) return;
            const p = worldPointer();
            const box = p && stageAt(layout, p.x, p.y);
            if (box) props.onAddNote(box.stage.id);
          }}
        >
          <StaticLayer layout={layout} selectedStageId={props.selectedStageId} dropStageId={props.dropStageId}
            showAddHints={props.canEdit} />
          <NotesLayer layout={layout} departments={props.departments} selectedNoteId={props.selectedNoteId}
            editingNoteId={props.editingNoteId} canEditNote={props.canEditNote} draftIds={props.draftIds} handlers={props.noteHandlers}
            marks={props.noteMarks} />
          <CursorsLayer awareness={props.awareness} scale={viewport.scale} />
        </Stage>
      )}
    </div>
  );
}
