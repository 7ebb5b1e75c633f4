import { describe, expect, it } from 'vitest';
import type { Note } from '../../shared/src/index.js';
import { LOD_PX, lodBucket, ownerChips, topNotes } from '../../client/src/board-base/lod.js';

function note(id: string, createdAt: number, extra: Partial<Note> = {}): Note {
  return {
    id, stageId: 's1', order: createdAt, text: `note ${id}`, kind: 'action', authorId: 'a', authorName: 'A',
    authorDepartment: '', owners: [], createdAt, updatedAt: createdAt, status: 'open', responsible: '',
    supporting: [], merged: [], ...extra,
  };
}

describe('level of detail: what a zoomed-out stage shows', () => {
  const notes = [note('a', 1), note('b', 2), note('c', 3), note('d', 4, { status: 'parked' }), note('e', 5)];
  const dots: Record<string, number> = { a: 5, b: 9, c: 0, d: 20, e: 5 };

  it('while voting is not over, the newest notes first, parked ones last', () => {
    expect(topNotes(notes, false, (n) => dots[n.id]!, 10).map((n) => n.id)).toEqual(['e', 'c', 'b', 'a', 'd']);
  });

  it('once voting is over, the most dotted notes first (ties: the newest), parked ones last', () => {
    expect(topNotes(notes, true, (n) => dots[n.id]!, 3).map((n) => n.id)).toEqual(['b', 'e', 'a']);
    expect(topNotes(notes, true, (n) => dots[n.id]!, 10).at(-1)!.id).toBe('d');
    expect(topNotes(notes, true, () => 0, 0)).toEqual([]);
  });

  it('counts owners per department, most first', () => {
    const owner: Record<string, string | undefined> = { a: 'sales', b: 'fae', c: 'sales', d: undefined, e: 'fae' };
    expect(ownerChips([...notes, note('f', 6)], (n) => owner[n.id] ?? (n.id === 'f' ? 'sales' : undefined)))
      .toEqual([{ department: 'sales', count: 3 }, { department: 'fae', count: 2 }]);
    expect(ownerChips(notes, () => undefined)).toEqual([]);
  });

  it('lays out for a zoom at or just below the real one, so text is never under its on-screen size', () => {
    for (let s = 0.08; s < 0.4; s *= 1.013) {
      const b = lodBucket(s);
      expect(b).toBeLessThanOrEqual(s + 1e-12);
      expect(s / b).toBeLessThan(2 ** (1 / 8) + 1e-9);
      expect((LOD_PX.chip / b) * s).toBeGreaterThanOrEqual(14);
    }
    // Small zoom changes (an animation frame, a wheel event) keep the same layout.
    expect(lodBucket(0.2)).toBe(lodBucket(0.201));
  });
});

describe('a full board is laid out to fit a projector', () => {
  it('keeps two note columns while stages hold few notes, and widens the cells of a full board', async () => {
    const Y = await import('yjs');
    const { addNote, addSegment, addStage, localOrigin, readBoard } = await import('../../shared/src/index.js');
    const { layoutBoard, NOTE_COLUMNS } = await import('../../client/src/board-base/layout.js');
    const doc = new Y.Doc();
    const o = localOrigin('f');
    const stages: string[] = [];
    for (let l = 0; l < 3; l++) {
      const seg = addSegment(doc, { name: `Segment ${l}`, description: '' }, o);
      for (let s = 0; s < 5; s++) stages.push(addStage(doc, seg, { name: `Stage ${l}.${s}`, buyerStep: '' }, o));
    }
    const add = (count: number) => {
      for (let i = 0; i < count; i++) {
        addNote(doc, { stageId: stages[i % stages.length]!, text: `n${i}`, kind: 'action' }, { id: 'f', name: 'F', department: '' }, o);
      }
    };
    add(60);
    expect(layoutBoard(readBoard(doc)).columns).toBe(NOTE_COLUMNS);
    add(240);
    const full = layoutBoard(readBoard(doc));
    expect(full.columns).toBeGreaterThan(NOTE_COLUMNS);
    // About as wide as a 16:9 screen, not a tall strip: fit on 1920x1080 above 30%.
    expect(Math.min(1872 / full.bounds.w, 1032 / full.bounds.h)).toBeGreaterThan(0.3);
    // Every note in its own slot inside its stage's cell.
    for (const n of full.notes) {
      const cell = full.stagesById.get(n.stageId)!.cell;
      expect(n.x + n.w).toBeLessThanOrEqual(cell.x + cell.w);
      expect(n.y + n.h).toBeLessThanOrEqual(cell.y + cell.h);
    }
  });
});
