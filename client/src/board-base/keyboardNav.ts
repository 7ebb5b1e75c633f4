/**
 * Pure keyboard navigation over the board layout: which note or stage the
 * arrow keys go to next. No React, no DOM, so it is cheap to test.
 *
 * The board reads as a grid: left/right go to the previous/next stage in
 * reading order (a lane's stages, then the next lane's), keeping the position
 * in the stage's note list when the neighbour has that many notes; up/down go
 * through a column: the stage's header, its notes in order, then the stage
 * below in the next lane (the one at the same position, or its last stage).
 * Invariants: the answer always exists in `layout` (a focus whose note or
 * stage has gone starts again at the first stage); no key wraps around the
 * board's ends (it stays put there).
 */
import type { BoardLayout, NoteBox, Rect, StageBox } from './layout.js';

export type BoardFocus = { kind: 'note'; id: string } | { kind: 'stage'; id: string };
export type NavKey = 'left' | 'right' | 'up' | 'down';

const NAV_KEYS: Record<string, NavKey> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** The navigation direction of a KeyboardEvent.key, if it is an arrow. */
export function navKey(key: string): NavKey | undefined {
  return NAV_KEYS[key];
}

function notesOf(layout: BoardLayout, stageId: string): NoteBox[] {
  return layout.notes.filter((n) => n.stageId === stageId);
}

function stageFocus(box: StageBox): BoardFocus {
  return { kind: 'stage', id: box.stage.id };
}

/** In the stage `box`, the note at `index` (or its last one), or the stage itself when empty. */
function inStage(layout: BoardLayout, box: StageBox, index: number): BoardFocus {
  const notes = notesOf(layout, box.stage.id);
  const note = notes[Math.min(index, notes.length - 1)];
  return note ? { kind: 'note', id: note.note.id } : stageFocus(box);
}

/** The stage in the lane above (-1) or below (+1) at the same position, or that lane's last stage. */
function stageInLane(layout: BoardLayout, box: StageBox, step: -1 | 1): StageBox | undefined {
  const lane = layout.lanes.findIndex((l) => l.segment.id === box.segmentId);
  for (let i = lane + step; i >= 0 && i < layout.lanes.length; i += step) {
    const segmentId = layout.lanes[i]?.segment.id;
    const stages = layout.stages.filter((s) => s.segmentId === segmentId);
    const match = stages[Math.min(box.index, stages.length - 1)];
    if (match) return match;
  }
  return undefined;
}

/** Where the focus is drawn: the note's or the stage's rectangle. */
export function focusBox(layout: BoardLayout, focus: BoardFocus | undefined): Rect | undefined {
  if (!focus) return undefined;
  return focus.kind === 'note' ? layout.notesById.get(focus.id) : layout.stagesById.get(focus.id);
}

/** The focus to start from when the board is entered: the given one if it still exists, else the first stage. */
export function startFocus(layout: BoardLayout, focus: BoardFocus | undefined): BoardFocus | undefined {
  if (focusBox(layout, focus)) return focus;
  const first = layout.stages[0];
  return first && stageFocus(first);
}

/** The focus after one arrow key; the same focus when there is nowhere to go. */
export function moveFocus(layout: BoardLayout, focus: BoardFocus | undefined, key: NavKey): BoardFocus | undefined {
  const from = startFocus(layout, focus);
  if (!from || from !== focus) return from;
  const note = from.kind === 'note' ? layout.notesById.get(from.id) : undefined;
  const box = layout.stagesById.get(note ? note.stageId : from.id);
  if (!box) return from;
  const position = note ? note.index : 0;
  if (key === 'left' || key === 'right') {
    const next = layout.stages[layout.stages.indexOf(box) + (key === 'right' ? 1 : -1)];
    if (!next) return from;
    return note ? inStage(layout, next, position) : stageFocus(next);
  }
  if (key === 'up') {
    if (note) return note.index > 0 ? inStage(layout, box, note.index - 1) : stageFocus(box);
    const above = stageInLane(layout, box, -1);
    if (!above) return from;
    const notes = notesOf(layout, above.stage.id);
    return notes.length ? inStage(layout, above, notes.length - 1) : stageFocus(above);
  }
  const notes = notesOf(layout, box.stage.id);
  if (!note && notes.length) return inStage(layout, box, 0);
  if (note && note.index < notes.length - 1) return inStage(layout, box, note.index + 1);
  const below = stageInLane(layout, box, 1);
  return below ? stageFocus(below) : from;
}

/** What a screen reader says about the focus: position and content, for the i18n texts. */
export type FocusDescription =
  | { kind: 'note'; position: number; count: number; stage: string; text: string }
  | { kind: 'stage'; position: number; count: number; stage: string; segment: string; notes: number };

export function describeFocus(layout: BoardLayout, focus: BoardFocus | undefined): FocusDescription | undefined {
  if (!focus) return undefined;
  if (focus.kind === 'note') {
    const note = layout.notesById.get(focus.id);
    const box = note && layout.stagesById.get(note.stageId);
    if (!note || !box) return undefined;
    return { kind: 'note', position: note.index + 1, count: box.noteCount, stage: box.stage.name, text: note.note.text };
  }
  const box = layout.stagesById.get(focus.id);
  if (!box) return undefined;
  const lane = layout.lanes.find((l) => l.segment.id === box.segmentId);
  return {
    kind: 'stage', position: box.index + 1, count: lane?.segment.stages.length ?? 1, stage: box.stage.name,
    segment: lane?.segment.name ?? '', notes: box.noteCount,
  };
}

/**
 * After a note is deleted, where the focus goes: the next note of its stage
 * (the one that takes its place), else the previous, else the stage.
 */
export function focusAfterDelete(layout: BoardLayout, noteId: string): BoardFocus | undefined {
  const note = layout.notesById.get(noteId);
  if (!note) return startFocus(layout, undefined);
  const rest = notesOf(layout, note.stageId).filter((n) => n.note.id !== noteId);
  const next = rest[Math.min(note.index, rest.length - 1)];
  return next ? { kind: 'note', id: next.note.id } : { kind: 'stage', id: note.stageId };
}
