/**
 * Pure layout: board snapshot -> rectangles in world units. No React, no Konva,
 * so it is cheap to test and the canvas, the hit-testing (drop targets, "stage
 * under the pointer") and the HTML overlays all agree on one geometry.
 *
 * A segment is a horizontal swimlane: a header on the left, then its stages as
 * columns. Every stage has a header (sales stage name, buyer's step) and a cell
 * where notes flow in a grid of NOTE_COLUMNS, sorted by order. A cell always
 * keeps one free slot after its last note (where a new note goes and where a
 * dragged note can be dropped), so its height grows with content; all cells of
 * a lane share the tallest cell's height.
 *
 * Cells hold NOTE_COLUMNS notes side by side, more on a full board
 * (noteColumns): with 20 notes a stage, two columns would make the board five
 * times taller than wide, and "Fit" on a projector would shrink every stage to
 * a sliver. All stages of a board share one column count, so stages line up.
 */
import type { BoardSnapshot, Note, Segment, Stage } from '../../../shared/src/index.js';

export const NOTE_W = 200;
export const NOTE_H = 120;
export const NOTE_GAP = 16;
export const CELL_PAD = 16;
/** Note columns of a cell on a board with few notes a stage. */
export const NOTE_COLUMNS = 2;
export const MAX_NOTE_COLUMNS = 5;
/** Up to this many notes in every stage, cells keep NOTE_COLUMNS columns (and never reflow). */
export const FEW_NOTES = 8;
export const LANE_HEADER_W = 300;
export const STAGE_HEADER_H = 120;
export const STAGE_GAP = 12;
export const LANE_GAP = 48;
export const LANE_PAD = 12;
/** Width of a stage column with `columns` note columns. */
export function stageWidth(columns: number): number {
  return CELL_PAD * 2 + columns * NOTE_W + (columns - 1) * NOTE_GAP;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LaneBox extends Rect {
  segment: Segment;
  /** The header on the left with the segment's name and description. */
  header: Rect;
}

export interface StageBox extends Rect {
  stage: Stage;
  segmentId: string;
  /** Position among its segment's stages. */
  index: number;
  header: Rect;
  /** Where notes sit. */
  cell: Rect;
  /** Number of notes in the cell. */
  noteCount: number;
  /** The free slot after the last note: where a new note appears. */
  nextSlot: Rect;
}

export interface NoteBox extends Rect {
  note: Note;
  stageId: string;
  index: number;
}

export interface BoardLayout {
  lanes: LaneBox[];
  stages: StageBox[];
  stagesById: ReadonlyMap<string, StageBox>;
  notes: NoteBox[];
  notesById: ReadonlyMap<string, NoteBox>;
  /** Bounding box of everything (origin at 0,0). */
  bounds: Rect;
  /** Note columns in every cell (noteColumns). */
  columns: number;
}

/** Top-left corner of grid slot `index` inside a cell. */
export function slotPosition(cell: Rect, index: number, columns = NOTE_COLUMNS): { x: number; y: number } {
  const col = index % columns;
  const row = Math.floor(index / columns);
  return {
    x: cell.x + CELL_PAD + col * (NOTE_W + NOTE_GAP),
    y: cell.y + CELL_PAD + row * (NOTE_H + NOTE_GAP),
  };
}

function cellHeightFor(noteCount: number, columns: number): number {
  const rows = Math.ceil((noteCount + 1) / columns);
  return CELL_PAD * 2 + rows * NOTE_H + (rows - 1) * NOTE_GAP;
}

/** Width and height of the board laid out with `columns` note columns (what layoutBoard would give). */
function boardSize(snapshot: BoardSnapshot, columns: number): { w: number; h: number } {
  let w = 0;
  let h = 0;
  for (const segment of snapshot.segments) {
    const counts = segment.stages.map((s) => snapshot.notesByStage.get(s.id)?.length ?? 0);
    h += LANE_PAD * 2 + STAGE_HEADER_H + Math.max(cellHeightFor(0, columns), ...counts.map((c) => cellHeightFor(c, columns))) + LANE_GAP;
    const n = Math.max(1, segment.stages.length);
    w = Math.max(w, LANE_HEADER_W + LANE_PAD * 2 + n * stageWidth(columns) + (n - 1) * STAGE_GAP);
  }
  return { w, h: Math.max(0, h - LANE_GAP) };
}

/**
 * How many note columns the cells get: NOTE_COLUMNS while every stage holds
 * at most FEW_NOTES notes; beyond that, the count that lets a 16:9 screen show
 * the whole board largest (the fewest columns on a tie), so a full board is
 * about as wide as a projector, not a tall strip in its middle.
 */
export function noteColumns(snapshot: BoardSnapshot): number {
  let most = 0;
  for (const notes of snapshot.notesByStage.values()) most = Math.max(most, notes.length);
  if (most <= FEW_NOTES) return NOTE_COLUMNS;
  let best = NOTE_COLUMNS;
  let bestScale = 0;
  for (let c = NOTE_COLUMNS; c <= MAX_NOTE_COLUMNS; c++) {
    const { w, h } = boardSize(snapshot, c);
    const scale = Math.min(16 / Math.max(1, w), 9 / Math.max(1, h));
    if (scale > bestScale * 1.02) {
      best = c;
      bestScale = scale;
    }
  }
  return best;
}

export function layoutBoard(snapshot: BoardSnapshot): BoardLayout {
  const columns = noteColumns(snapshot);
  const stageW = stageWidth(columns);
  const lanes: LaneBox[] = [];
  const stages: StageBox[] = [];
  const notes: NoteBox[] = [];
  let y = 0;
  let maxW = 0;
  for (const segment of snapshot.segments) {
    const counts = segment.stages.map((s) => snapshot.notesByStage.get(s.id)?.length ?? 0);
    const cellH = Math.max(cellHeightFor(0, columns), ...counts.map((c) => cellHeightFor(c, columns)));
    const laneH = LANE_PAD * 2 + STAGE_HEADER_H + cellH;
    const stagesW = segment.stages.length
      ? segment.stages.length * stageW + (segment.stages.length - 1) * STAGE_GAP
      : stageW;
    const laneW = LANE_HEADER_W + LANE_PAD + stagesW + LANE_PAD;
    lanes.push({
      segment, x: 0, y, w: laneW, h: laneH,
      header: { x: 0, y, w: LANE_HEADER_W, h: laneH },
    });
    segment.stages.forEach((stage, index) => {
      const x = LANE_HEADER_W + LANE_PAD + index * (stageW + STAGE_GAP);
      const top = y + LANE_PAD;
      const cell = { x, y: top + STAGE_HEADER_H, w: stageW, h: cellH };
      const stageNotes = snapshot.notesByStage.get(stage.id) ?? [];
      stageNotes.forEach((note, i) => {
        notes.push({ note, stageId: stage.id, index: i, ...slotPosition(cell, i, columns), w: NOTE_W, h: NOTE_H });
      });
      stages.push({
        stage, segmentId: segment.id, index,
        x, y: top, w: stageW, h: STAGE_HEADER_H + cellH,
        header: { x, y: top, w: stageW, h: STAGE_HEADER_H },
        cell,
        noteCount: stageNotes.length,
        nextSlot: { ...slotPosition(cell, stageNotes.length, columns), w: NOTE_W, h: NOTE_H },
      });
    });
    maxW = Math.max(maxW, laneW);
    y += laneH + LANE_GAP;
  }
  return {
    lanes,
    stages,
    stagesById: new Map(stages.map((s) => [s.stage.id, s])),
    notes,
    notesById: new Map(notes.map((n) => [n.note.id, n])),
    bounds: { x: 0, y: 0, w: maxW, h: Math.max(0, y - LANE_GAP) },
    columns,
  };
}

function contains(r: Rect, x: number, y: number): boolean {
  return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
}

/** The stage column (header or cell) under a world point. */
export function stageAt(layout: BoardLayout, x: number, y: number): StageBox | undefined {
  return layout.stages.find((s) => contains(s, x, y));
}

/**
 * Where a note dropped with its centre at (x, y) lands: the stage under the
 * point (or the nearest stage in the same lane, so a slightly-off drop still
 * counts) and the grid slot nearest the point, clamped to the notes that stay
 * in that stage. `movingId` is excluded from the count.
 */
export function dropTarget(
  layout: BoardLayout, x: number, y: number, movingId: string,
): { stageId: string; index: number } | undefined {
  let box = stageAt(layout, x, y);
  if (!box) {
    const lane = layout.lanes.find((l) => y >= l.y && y <= l.y + l.h);
    if (!lane) return undefined;
    const inLane = layout.stages.filter((s) => s.segmentId === lane.segment.id);
    box = inLane.reduce<StageBox | undefined>((best, s) => {
      const d = Math.abs(s.x + s.w / 2 - x);
      return !best || d < Math.abs(best.x + best.w / 2 - x) ? s : best;
    }, undefined);
    if (!box) return undefined;
  }
  const { cell } = box;
  const col = Math.min(layout.columns - 1, Math.max(0, Math.floor((x - cell.x - CELL_PAD / 2) / (NOTE_W + NOTE_GAP))));
  const row = Math.max(0, Math.floor((y - cell.y - CELL_PAD / 2) / (NOTE_H + NOTE_GAP)));
  const others = layout.notes.filter((n) => n.stageId === box.stage.id && n.note.id !== movingId).length;
  return { stageId: box.stage.id, index: Math.min(others, row * layout.columns + col) };
}
