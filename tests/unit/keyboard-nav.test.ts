import { describe, expect, it } from 'vitest';
import { addNote, addSegment, addStage, readBoard } from '../../shared/src/index.js';
import { layoutBoard } from '../../client/src/board-base/layout.js';
import {
  describeFocus, focusAfterDelete, moveFocus, navKey, startFocus, type BoardFocus, type NavKey,
} from '../../client/src/board-base/keyboardNav.js';
import { ALICE, blankDoc, me, system } from './helpers.js';

/**
 * Two lanes: OEM with stages A (3 notes), B (empty), C (1 note); Retail with
 * stages D (2 notes) and E (empty).
 */
function board() {
  const doc = blankDoc();
  const oem = addSegment(doc, { name: 'OEM' }, system);
  const retail = addSegment(doc, { name: 'Retail' }, system);
  const stage = (segment: string, name: string) => addStage(doc, segment, { name, buyerStep: '' }, system);
  const s = { A: stage(oem, 'Discover'), B: stage(oem, 'Shape'), C: stage(oem, 'Quote fast and right'), D: stage(retail, 'Try'), E: stage(retail, 'Buy') };
  const note = (stageId: string, text: string) => addNote(doc, { stageId, text }, ALICE, me);
  const n = { a0: note(s.A, 'a0'), a1: note(s.A, 'a1'), a2: note(s.A, 'a2'), c0: note(s.C, 'c0'), d0: note(s.D, 'd0'), d1: note(s.D, 'd1') };
  return { layout: layoutBoard(readBoard(doc)), s, n };
}

const note = (id: string): BoardFocus => ({ kind: 'note', id });
const stage = (id: string): BoardFocus => ({ kind: 'stage', id });

function walk(layout: ReturnType<typeof board>['layout'], from: BoardFocus | undefined, keys: NavKey[]): BoardFocus | undefined {
  return keys.reduce((f, k) => moveFocus(layout, f, k), from);
}

describe('keyboard navigation on the board', () => {
  const { layout, s, n } = board();

  it('maps the arrow keys and nothing else', () => {
    expect(navKey('ArrowLeft')).toBe('left');
    expect(navKey('ArrowDown')).toBe('down');
    expect(navKey('Enter')).toBeUndefined();
  });

  it('starts at the first stage, and again there when the focused note is gone', () => {
    expect(startFocus(layout, undefined)).toEqual(stage(s.A));
    expect(moveFocus(layout, undefined, 'right')).toEqual(stage(s.A));
    expect(moveFocus(layout, note('deleted-elsewhere'), 'down')).toEqual(stage(s.A));
    expect(startFocus(layout, note(n.a1))).toEqual(note(n.a1));
  });

  it('up and down go through a stage: header, notes in order, then the stage below in the next lane', () => {
    expect(walk(layout, stage(s.A), ['down'])).toEqual(note(n.a0));
    expect(walk(layout, stage(s.A), ['down', 'down', 'down'])).toEqual(note(n.a2));
    expect(walk(layout, stage(s.A), ['down', 'down', 'down', 'down'])).toEqual(stage(s.D));
    expect(walk(layout, note(n.a1), ['up'])).toEqual(note(n.a0));
    expect(walk(layout, note(n.a0), ['up'])).toEqual(stage(s.A));
    // Up from a lane's stage header goes to the last note of the stage above.
    expect(walk(layout, stage(s.D), ['up'])).toEqual(note(n.a2));
    // Stage C has no stage below at its position: the lower lane's last stage.
    expect(walk(layout, note(n.c0), ['down'])).toEqual(stage(s.E));
    // An empty stage goes straight to the stage below it.
    expect(walk(layout, stage(s.B), ['down'])).toEqual(stage(s.E));
  });

  it('left and right cross stages in reading order, keeping the place in the list where they can', () => {
    expect(walk(layout, stage(s.A), ['right', 'right', 'right'])).toEqual(stage(s.D));
    expect(walk(layout, stage(s.D), ['left'])).toEqual(stage(s.C));
    // From the third note of A: B is empty (its header), C has one note (its last).
    expect(walk(layout, note(n.a2), ['right'])).toEqual(stage(s.B));
    expect(walk(layout, note(n.a2), ['right', 'right'])).toEqual(stage(s.C));
    expect(walk(layout, note(n.c0), ['right'])).toEqual(note(n.d0));
    expect(walk(layout, note(n.d1), ['left'])).toEqual(note(n.c0));
  });

  it('stays put at the ends of the board', () => {
    expect(walk(layout, stage(s.A), ['left'])).toEqual(stage(s.A));
    expect(walk(layout, stage(s.A), ['up'])).toEqual(stage(s.A));
    expect(walk(layout, stage(s.E), ['right', 'down'])).toEqual(stage(s.E));
    expect(walk(layout, note(n.d1), ['down'])).toEqual(note(n.d1));
  });

  it('describes the focus for a screen reader: position, count, stage and text', () => {
    expect(describeFocus(layout, note(n.c0))).toEqual({ kind: 'note', position: 1, count: 1, stage: 'Quote fast and right', text: 'c0' });
    expect(describeFocus(layout, note(n.a2))).toMatchObject({ position: 3, count: 3, stage: 'Discover' });
    expect(describeFocus(layout, stage(s.E))).toEqual({ kind: 'stage', position: 2, count: 2, stage: 'Buy', segment: 'Retail', notes: 0 });
    expect(describeFocus(layout, note('gone'))).toBeUndefined();
  });

  it('after a delete the focus goes to the note that takes its place, else the previous one, else the stage', () => {
    expect(focusAfterDelete(layout, n.a1)).toEqual(note(n.a2));
    expect(focusAfterDelete(layout, n.a2)).toEqual(note(n.a1));
    expect(focusAfterDelete(layout, n.c0)).toEqual(stage(s.C));
  });
});
