import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type Dispatch, type FocusEvent, type KeyboardEvent, type RefObject, type SetStateAction } from 'react';
import { Stage } from 'react-konva';
import type Konva from 'konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import type { Awareness } from 'y-protocols/awareness';
import type { Department, Note } from '../../../shared/src/index.js';
import { CursorsLayer } from '../presence/CursorsLayer.js';
import { NotesLayer } from '../notes/NotesLayer.js';
import type { NoteHandlers } from '../notes/noteHandlers.js';
import { StaticLayer } from './StaticLayer.js';
import type { NoteMarksSource } from '../converge/noteMarks.js';
import { stageAt, type BoardLayout, type Rect } from '../board-base/layout.js';
import { StageSummaries } from '../notes/StageSummaries.js';
import { lodBucket } from '../board-base/lod.js';
import { wheelZoom } from '../board-base/zoomSteps.js';
import { FocusRingLayer } from './FocusRingLayer.js';
import { zoomAround, type Viewport } from '../board-base/useViewport.js';
import { FULL_CULL, fullDrawActive, nextCull, subscribeFullDraw, type Cull } from '../board-base/cull.js';

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
  /** A note editor is open over the canvas: it follows every view change at once. */
  editing: boolean;
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
  /** Click on a segment or stage header (or a stage summary zoomed out): show it whole. */
  onZoomTo: (r: Rect) => void;
  /** Voting is over: zoomed out, stages show their most dotted notes first. */
  byVotes: boolean;
  /** The canvas region: keyboard users focus it (useBoardKeyboard.ts). */
  hostRef: RefObject<HTMLDivElement | null>;
  /** The canvas as one focusable region for keyboard users (useBoardKeyboard.ts). */
  keyboard: {
    label: string;
    /** Id of the element that explains the keys. */
    hintId: string;
    onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
    onFocus: (e: FocusEvent<HTMLDivElement>) => void;
    onBlur: () => void;
    /** The focused note or stage, while the region has keyboard focus. */
    ringBox: Rect | undefined;
  };
}

/** A header click waits this long for a second click: a double-click adds a note instead of zooming. */
const HEADER_CLICK_MS = 320;

/** While wheeling, the view is handed to React (toolbar, published view) at most this often. */
const WHEEL_COMMIT_MS = 100;

/**
 * The Konva stage: pan (drag empty space, wheel), zoom (Ctrl+wheel / trackpad
 * pinch, two-finger pinch), and the layers: static structure, notes (in view,
 * and the dragged one apart), cursors. Empty-space clicks are hit-tested
 * against the layout, not shapes.
 *
 * Panning moves the Konva stage itself; React hears of the new view when the
 * drag ends (and at most every WHEEL_COMMIT_MS while wheeling), and the notes
 * re-render only when the view leaves the drawn part of the board (cull.ts).
 */
export function BoardCanvas(props: CanvasProps) {
  const { layout, viewport, setViewport, onSize, onPointer, keyboard, hostRef: host } = props;
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
  }, [onSize, host]);

  // The drawn part of the board, kept while the view stays inside it.
  const [cull, setCull] = useState<Cull>();
  const cullRef = useRef<Cull | undefined>(undefined);
  const sizeRef = useRef(size);
  const track = useCallback((v: Viewport) => {
    const { width, height } = sizeRef.current;
    if (width === 0) return;
    const next = nextCull(cullRef.current, v, width, height);
    if (next === cullRef.current) return;
    cullRef.current = next;
    setCull(next);
  }, []);
  useEffect(() => {
    sizeRef.current = size;
    track(viewport);
  }, [viewport, size, track]);
  // A picture of the board being taken: every note, in full.
  const full = useSyncExternalStore(subscribeFullDraw, fullDrawActive);
  const drawn = full ? FULL_CULL : cull;
  /** Zoomed far out: stages drawn as readable summaries (lod.ts). */
  const summary = drawn?.overview === true;

  /** The view as the stage shows it now (ahead of React while panning). */
  const live = (): Viewport => {
    const stage = stageRef.current;
    return stage ? { x: stage.x(), y: stage.y(), scale: stage.scaleX() } : viewport;
  };
  const worldPointer = () => stageRef.current?.getRelativePointerPosition() ?? undefined;

  const isEmpty = (e: KonvaEventObject<Event>) => e.target === e.target.getStage();

  /**
   * A click on empty space selects the stage under it; on a segment or stage
   * header (or anywhere on a stage drawn as a summary) it also zooms there,
   * once it is clear the click is not the first half of a double-click.
   */
  const headerClick = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(headerClick.current), []);
  const cancelHeaderClick = () => {
    window.clearTimeout(headerClick.current);
    headerClick.current = undefined;
  };
  const onEmptyClick = (e: KonvaEventObject<Event>) => {
    if (!isEmpty(e)) return;
    const p = worldPointer();
    const box = p ? stageAt(layout, p.x, p.y) : undefined;
    props.onSelectStage(box?.stage.id);
    if (!p) return;
    const inside = (r: Rect) => p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
    const lane = layout.lanes.find((l) => inside(l.header));
    const target: Rect | undefined = box && (summary || inside(box.header)) ? box : lane;
    cancelHeaderClick();
    if (target) headerClick.current = window.setTimeout(() => props.onZoomTo(target), HEADER_CLICK_MS);
  };

  // Wheel: the stage moves at once; React gets the view now, then at most every WHEEL_COMMIT_MS.
  const wheelCommit = useRef<{ at: number; timer: number | undefined }>({ at: 0, timer: undefined });
  useEffect(() => () => window.clearTimeout(wheelCommit.current.timer), []);
  const commitSoon = () => {
    const w = wheelCommit.current;
    const commit = () => {
      w.timer = undefined;
      w.at = performance.now();
      setViewport(live());
    };
    const wait = WHEEL_COMMIT_MS - (performance.now() - w.at);
    if (wait <= 0) commit();
    else if (w.timer === undefined) w.timer = window.setTimeout(commit, wait);
  };

  /**
   * Wheel and pinch move the Konva stage at once and tell React at most every
   * WHEEL_COMMIT_MS; while a note is edited its HTML editor follows React's view, so React hears at once.
   */
  const moveStage = (stage: Konva.Stage, next: Viewport) => {
    if (props.editing) {
      setViewport(next);
      return;
    }
    stage.position({ x: next.x, y: next.y });
    stage.scale({ x: next.scale, y: next.scale });
    stage.batchDraw();
    track(next);
    commitSoon();
  };

  const onWheel = (e: KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const stage = stageRef.current;
    const p = stage?.getPointerPosition();
    if (!stage || !p) return;
    const v = live();
    const next = e.evt.ctrlKey || e.evt.metaKey
      ? zoomAround(v, p.x, p.y, wheelZoom(v.scale, e.evt.deltaY, e.evt.deltaMode) / v.scale)
      : { ...v, x: v.x - e.evt.deltaX, y: v.y - e.evt.deltaY };
    moveStage(stage, next);
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
    if (!last || !stage) return;
    const zoomed = zoomAround(live(), cx, cy, dist / last.dist);
    const next = { ...zoomed, x: zoomed.x + cx - last.cx, y: zoomed.y + cy - last.cy };
    moveStage(stage, next);
  };

  return (
    <div ref={host} className="canvas-host" data-testid="board-canvas" tabIndex={0} role="application"
      aria-label={keyboard.label} aria-describedby={keyboard.hintId}
      onKeyDown={keyboard.onKeyDown} onFocus={keyboard.onFocus} onBlur={keyboard.onBlur}
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
          onDragStart={cancelHeaderClick}
          onDragMove={(e) => {
            if (e.target === stageRef.current) track(live());
            // Konva sends no mousemove while something is dragged: our cursor follows the dragged note here.
            else onPointer(worldPointer() ?? null);
          }}
          onDragEnd={(e) => {
            if (e.target === stageRef.current) setViewport(live());
          }}
          onWheel={onWheel}
          onTouchMove={onTouchMove}
          onTouchEnd={() => {
            if (pinch.current) setViewport(live());
            pinch.current = undefined;
          }}
          onMouseMove={() => onPointer(worldPointer() ?? null)}
          onClick={onEmptyClick}
          onTap={onEmptyClick}
          onDblClick={(e) => {
            cancelHeaderClick();
            if (!isEmpty(e) || !props.canEdit) return;
            const p = worldPointer();
            const box = p && stageAt(layout, p.x, p.y);
            if (box) props.onAddNote(box.stage.id);
          }}
          onDblTap={(e) => {
            cancelHeaderClick();
            if (!isEmpty(e) || !props.canEdit) return;
            const p = worldPointer();
            const box = p && stageAt(layout, p.x, p.y);
            if (box) props.onAddNote(box.stage.id);
          }}
        >
          <StaticLayer layout={layout} selectedStageId={props.selectedStageId} dropStageId={props.dropStageId}
            showAddHints={props.canEdit} summary={summary} />
          {summary && <StageSummaries layout={layout} bucket={lodBucket(viewport.scale)} departments={props.departments}
            marks={props.noteMarks} byVotes={props.byVotes} />}
          {drawn && <NotesLayer layout={layout} cull={drawn} departments={props.departments} selectedNoteId={props.selectedNoteId}
            editingNoteId={props.editingNoteId} canEditNote={props.canEditNote} draftIds={props.draftIds} handlers={props.noteHandlers}
            marks={props.noteMarks} />}
          <FocusRingLayer box={keyboard.ringBox} />
          <CursorsLayer awareness={props.awareness} />
        </Stage>
      )}
    </div>
  );
}
