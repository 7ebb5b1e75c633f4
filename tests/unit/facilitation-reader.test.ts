import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  BoardReader, PHASES, PHASE_ABILITIES, ROOT, addNote, castVote, configureVoting, isPhase, readBoard,
  setPhase, setVotingOpen, upsertMember, type Problem,
} from '../../shared/src/index.js';
import { ALICE, me, smallBoard, system } from './helpers.js';

function rec(fields: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) m.set(k, v);
  return m;
}

function problemIds(problems: Problem[], collection: string): string[] {
  return problems.filter((p) => p.collection === collection).map((p) => p.id).sort();
}

const oldNote = (stageId: string, extra: Record<string, unknown> = {}) => ({
  stageId, order: 1, text: 't', kind: 'action', authorId: 'u1', authorName: 'U', authorDepartment: '',
  owners: [], createdAt: 1, updatedAt: 1, ...extra,
});

describe('reading facilitation data', () => {
  it('an old board without any facilitation data reads with defaults and no problems', () => {
    const { doc, stageA } = smallBoard();
    doc.transact(() => {
      doc.getMap<unknown>(ROOT.session).delete('phase'); // boards made before phases never wrote one
      doc.getMap<unknown>(ROOT.notes).set('old', rec(oldNote(stageA)));
    });
    const board = readBoard(doc);
    expect(board.problems).toEqual([]);
    expect(board.notesById.get('old')).toMatchObject({ status: 'open', responsible: '', supporting: [], merged: [] });
    expect(board.session).toEqual({ phase: 'brainstorm', privateWriting: false, timer: null, spotlight: null, voting: null, discussion: null, dismissedDuplicates: [] });
    expect(board.members).toEqual([]);
    expect(board.membersById.size).toBe(0);
    expect(board.groups.size).toBe(0);
    expect(board.votesByNote.size).toBe(0);
    expect(board.proposalsByNote.size).toBe(0);
  });

  it('skips and reports malformed entries in every new root, and bad new note fields', () => {
    const { doc, segmentId, stageA } = smallBoard();
    const root = (name: string) => doc.getMap<unknown>(name);
    const goodMember = { name: 'Ann', department: 'sales', role: 'participant', joinedAt: 1, removed: false };
    doc.transact(() => {
      root(ROOT.notes).set('n1', rec(oldNote(stageA)));
      root(ROOT.notes).set('badStatus', rec(oldNote(stageA, { status: 'done' })));
      root(ROOT.notes).set('badResponsible', rec(oldNote(stageA, { responsible: 'Sales!' })));
      root(ROOT.notes).set('badSupporting', rec(oldNote(stageA, { supporting: 'sales' })));
      root(ROOT.notes).set('badMerged', rec(oldNote(stageA, { merged: [{ id: 'x', text: 1 }] })));
      root(ROOT.notes).set('mergedNotArray', rec(oldNote(stageA, { merged: {} })));
      root(ROOT.notes).set('okMerged', rec(oldNote(stageA, {
        merged: [{ id: 'x', text: 'dup', kind: 'question', authorId: 'u2', authorName: 'B' }],
      })));

      root(ROOT.members).set('ann', rec(goodMember));
      root(ROOT.members).set('bad key', rec(goodMember));
      root(ROOT.members).set('plain', { ...goodMember });
      root(ROOT.members).set('noName', rec({ ...goodMember, name: '' }));
      root(ROOT.members).set('badRole', rec({ ...goodMember, role: 'admin' }));
      root(ROOT.members).set('badRemoved', rec({ ...goodMember, removed: 'yes' }));
      root(ROOT.members).set('badDept', rec({ ...goodMember, department: 'Sales' }));
      root(ROOT.members).set('minimal', rec({ name: 'Zed', role: 'viewer', joinedAt: 2 }));

      root(ROOT.session).set('phase', 'lunch');
      root(ROOT.session).set('privateWriting', 'on');
      root(ROOT.session).set('timer', { status: 'running', durationMs: 1000 });
      root(ROOT.session).set('spotlight', { seq: 1, by: 'f', at: 1, target: { kind: 'viewport', x: 0, y: 0, scale: 0 } });
      root(ROOT.session).set('voting', { open: true, votesPerPerson: 51, capPerNote: null, hideResults: false });
      root(ROOT.session).set('dismissedDuplicates', ['b|a']);

      root(ROOT.groups).set('ann', segmentId);
      root(ROOT.groups).set('bad key', segmentId);
      root(ROOT.groups).set('num', 3);
      root(ROOT.groups).set('goneSegment', 'nope');

      root(ROOT.votes).set('n1:ann', 2);
      root(ROOT.votes).set('n1:bob', 1);
      root(ROOT.votes).set('n1', 1);
      root(ROOT.votes).set('n1:zero', 0);
      root(ROOT.votes).set('n1:frac', 1.5);
      root(ROOT.votes).set('n1:str', '2');
      root(ROOT.votes).set('n1:huge', 1001);
      root(ROOT.votes).set('deletedNote:ann', 3);

      root(ROOT.proposals).set('n1:ann', 'sales');
      root(ROOT.proposals).set('n1:bob', 'Sales');
      root(ROOT.proposals).set('n1-bob', 'sales');
      root(ROOT.proposals).set('n1:num', 7);
      root(ROOT.proposals).set('n1:gone', 'finance');
      root(ROOT.proposals).set('deletedNote:ann', 'sales');
    });
    let board!: ReturnType<typeof readBoard>;
    expect(() => { board = readBoard(doc); }).not.toThrow();

    expect([...board.notesById.keys()].sort()).toEqual(['n1', 'okMerged']);
    expect(board.notesById.get('okMerged')!.merged).toEqual([
      { id: 'x', text: 'dup', kind: 'question', authorId: 'u2', authorName: 'B', authorDepartment: '' },
    ]);
    expect(problemIds(board.problems, 'notes')).toEqual(
      ['badMerged', 'badResponsible', 'badStatus', 'badSupporting', 'mergedNotArray'],
    );

    expect(board.members.map((m) => m.id)).toEqual(['ann', 'minimal']);
    expect(board.membersById.get('minimal')).toEqual({
      id: 'minimal', name: 'Zed', department: '', role: 'viewer', joinedAt: 2, removed: false,
    });
    expect(problemIds(board.problems, 'members')).toEqual(['bad key', 'badDept', 'badRemoved', 'badRole', 'noName', 'plain']);

    // A broken session value reads as absent.
    expect(board.session).toEqual({ phase: 'brainstorm', privateWriting: false, timer: null, spotlight: null, voting: null, discussion: null, dismissedDuplicates: [] });
    expect(problemIds(board.problems, 'session')).toEqual(['dismissedDuplicates', 'phase', 'privateWriting', 'spotlight', 'timer', 'voting']);

    expect([...board.groups]).toEqual([['ann', segmentId]]);
    expect(problemIds(board.problems, 'groups')).toEqual(['bad key', 'goneSegment', 'num']);

    expect(board.votesByNote.get('n1')!.total).toBe(3);
    expect([...board.votesByNote.get('n1')!.byMember]).toEqual([['ann', 2], ['bob', 1]]);
    expect(board.votesByNote.has('deletedNote')).toBe(false);
    expect(problemIds(board.problems, 'votes')).toEqual(['n1', 'n1:frac', 'n1:huge', 'n1:str', 'n1:zero']);

    expect([...board.proposalsByNote.get('n1')!].sort()).toEqual([['ann', 'sales'], ['gone', 'finance']]);
    expect(board.proposalsByNote.has('deletedNote')).toBe(false);
    expect(problemIds(board.problems, 'proposals')).toEqual(['n1-bob', 'n1:bob', 'n1:num']);
  });

  it('sorts members by name', () => {
    const { doc } = smallBoard();
    for (const [id, name] of [['m1', 'Zoe'], ['m2', 'anna'], ['m3', 'Bruno']] as const) {
      upsertMember(doc, id, { name, department: '', role: 'participant', joinedAt: 1, removed: false }, system);
    }
    expect(readBoard(doc).members.map((m) => m.name)).toEqual(['anna', 'Bruno', 'Zoe']);
  });

  it('re-reads only the parts a transaction touched', () => {
    const { doc, stageA } = smallBoard();
    const id = addNote(doc, { stageId: stageA, text: 'x' }, ALICE, me);
    upsertMember(doc, 'alice', { name: 'Alice', department: 'sales', role: 'participant', joinedAt: 1, removed: false }, system);
    configureVoting(doc, { votesPerPerson: 3, capPerNote: null, hideResults: false }, system);
    setVotingOpen(doc, true, system);
    const reader = new BoardReader(doc);
    const before = reader.snapshot();
    expect(reader.snapshot()).toBe(before);

    castVote(doc, id, 'alice', me);
    const afterVote = reader.snapshot();
    expect(afterVote).not.toBe(before);
    expect(afterVote.votesByNote.get(id)!.total).toBe(1);
    expect(afterVote.notesById).toBe(before.notesById);
    expect(afterVote.notesByStage).toBe(before.notesByStage);
    expect(afterVote.members).toBe(before.members);
    expect(afterVote.segments).toBe(before.segments);
    expect(afterVote.session).toBe(before.session);

    setPhase(doc, 'vote', system);
    const afterPhase = reader.snapshot();
    expect(afterPhase.session.phase).toBe('vote');
    expect(afterPhase.votesByNote).toBe(afterVote.votesByNote);
    expect(afterPhase.notesById).toBe(before.notesById);

    // A note change rebuilds the notes and what depends on them (votes), nothing else.
    addNote(doc, { stageId: stageA, text: 'y' }, ALICE, me);
    const afterNote = reader.snapshot();
    expect(afterNote.notesById).not.toBe(before.notesById);
    expect(afterNote.notesById.get(id)).toBe(before.notesById.get(id));
    expect(afterNote.votesByNote.get(id)!.total).toBe(1);
    expect(afterNote.members).toBe(before.members);
    reader.destroy();
  });
});

describe('phases', () => {
  it('lists the phases and what participants may do in each', () => {
    expect(PHASES).toEqual(['setup', 'brainstorm', 'cluster', 'vote', 'assign', 'review']);
    expect(PHASE_ABILITIES).toEqual({
      setup: { writeNotes: false, vote: false, propose: false },
      brainstorm: { writeNotes: true, vote: false, propose: true },
      cluster: { writeNotes: true, vote: false, propose: true },
      vote: { writeNotes: false, vote: true, propose: false },
      assign: { writeNotes: false, vote: false, propose: true },
      review: { writeNotes: false, vote: false, propose: false },
    });
    expect(isPhase('vote')).toBe(true);
    expect(isPhase('lunch')).toBe(false);
  });
});
