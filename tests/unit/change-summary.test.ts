import { describe, expect, it } from 'vitest';
import type { Note } from '../../shared/src/index.js';
import { ChangeThrottle, diffNotes, summarise, type NoteChange } from '../../client/src/phone/changeSummary.js';
import { listSearch, listViewInUrl } from '../../client/src/phone/listUrl.js';

function note(id: string, over: Partial<Note> = {}): Note {
  return {
    id, stageId: 's1', order: 1, text: `text ${id}`, kind: 'action', authorId: 'maria', authorName: 'Maria',
    authorDepartment: '', owners: [], createdAt: 0, updatedAt: 0, status: 'open', responsible: '', supporting: [], merged: [],
    ...over,
  };
}
const map = (...notes: Note[]) => new Map(notes.map((n) => [n.id, n]));

describe('change summary for the list view\'s polite announcements', () => {
  it('finds notes others added, edited and removed, but not the notes we added', () => {
    const prev = map(note('a'), note('b'), note('c', { authorId: 'me', authorName: 'Me' }));
    const next = map(
      note('a', { text: 'changed' }), note('c', { authorId: 'me', authorName: 'Me', order: 2 }),
      note('d', { authorId: 'luca', authorName: 'Luca', stageId: 's2' }),
      note('e', { authorId: 'me', authorName: 'Me' }),
    );
    expect(diffNotes(prev, next, 'me')).toEqual([
      { kind: 'edited', noteId: 'a', stageId: 's1', authorName: 'Maria' },
      { kind: 'added', noteId: 'd', stageId: 's2', authorName: 'Luca' },
      { kind: 'removed', noteId: 'b', stageId: 's1', authorName: 'Maria' },
    ]);
  });

  it('does not count a reorder, a vote or a status as an edit; counts a move to another stage', () => {
    const prev = map(note('a'), note('b'));
    const next = map(note('a', { order: 5, status: 'accepted' }), note('b', { stageId: 's3' }));
    expect(diffNotes(prev, next, 'me')).toEqual([{ kind: 'edited', noteId: 'b', stageId: 's3', authorName: 'Maria' }]);
  });

  it('groups changes per kind and stage, with distinct names', () => {
    const changes: NoteChange[] = [
      { kind: 'added', noteId: 'm', stageId: 's1', authorName: 'Maria' },
      { kind: 'added', noteId: 'l', stageId: 's1', authorName: 'Luca' },
      { kind: 'added', noteId: 'm', stageId: 's1', authorName: 'Maria' },
      { kind: 'edited', noteId: 'l', stageId: 's2', authorName: 'Luca' },
    ];
    expect(summarise(changes)).toEqual([
      { kind: 'added', stageId: 's1', count: 3, names: ['Maria', 'Luca'] },
      { kind: 'edited', stageId: 's2', count: 1, names: ['Luca'] },
    ]);
  });

  it('releases at most one summary per interval, holding what comes in between', () => {
    const t = new ChangeThrottle(5000);
    expect(t.take(0)).toBeUndefined();
    expect(t.waitMs(0)).toBeUndefined();
    t.push([{ kind: 'added', noteId: 'm', stageId: 's1', authorName: 'Maria' }]);
    expect(t.waitMs(1000)).toBe(0);
    expect(t.take(1000)).toEqual([{ kind: 'added', stageId: 's1', count: 1, names: ['Maria'] }]);
    t.push([{ kind: 'added', noteId: 'l', stageId: 's1', authorName: 'Luca' }]);
    t.push([{ kind: 'added', noteId: 'a', stageId: 's1', authorName: 'Anna' }]);
    expect(t.waitMs(3000)).toBe(3000);
    expect(t.take(3000)).toBeUndefined();
    expect(t.take(6000)).toEqual([{ kind: 'added', stageId: 's1', count: 2, names: ['Luca', 'Anna'] }]);
    expect(t.take(20_000)).toBeUndefined();
  });
});

describe('the list view in the address bar', () => {
  it('sets and clears view=list, keeping other parameters and never removing another view', () => {
    expect(listViewInUrl('?view=list')).toBe(true);
    expect(listViewInUrl('?view=table')).toBe(false);
    expect(listSearch('?lang=it', true)).toBe('?lang=it&view=list');
    expect(listSearch('?view=list&lang=it', false)).toBe('?lang=it');
    expect(listSearch('?view=table&segment=a', false)).toBe('?view=table&segment=a');
    expect(listSearch('?view=list', false)).toBe('');
  });
});
