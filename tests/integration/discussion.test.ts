import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  CLOSE, addNote, castVote, configureVoting, decideDiscussed, discussNext, discussionProgress, localOrigin,
  proposeOwner, rankBoard, readBoard, setPhase, setVotingOpen, startDiscussion,
} from '../../shared/src/index.js';
import { connect, connectMember, createBoard, type TestClient } from '../support/clients.js';
import { ServerProcess } from '../support/server-process.js';

/**
 * "Discuss next" over a real server: the discussion lives in the board doc,
 * so its progress survives a kill -9 of the server; only the facilitator may
 * move it (the guard refuses a participant's attempt with 4403, rule R2),
 * while a participant can still propose an owner on the note under discussion.
 */
const server = new ServerProcess();
const clients: TestClient[] = [];

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.kill();
});

describe('a discussion on a real server', () => {
  it('is moved by the facilitator only, takes proposals, and survives a restart', { timeout: 60_000 }, async () => {
    const url = await server.start();
    const board = await createBoard(url);
    const fac = await connectMember(url, board, 'facilitator', 'Chiara', 'management');
    const rep = await connectMember(url, board, 'participant', 'Marco', 'sales');
    const viewer = connect(url, board.id, board.tokens.viewer);
    clients.push(fac, rep, viewer);
    await Promise.all([fac.synced, rep.synced, viewer.synced]);
    const f = localOrigin(fac.memberId);
    const stages = readBoard(fac.doc).segments.flatMap((s) => s.stages);
    const ids = ['Demo within a week', 'FAE on first call', 'Quote template', 'Shared CRM notes'].map((text, i) =>
      addNote(fac.doc, { stageId: stages[i % stages.length]!.id, text }, fac.author, f));

    // Voting: the participant's dots decide the order.
    configureVoting(fac.doc, { votesPerPerson: 3, capPerNote: null, hideResults: false }, f);
    setVotingOpen(fac.doc, true, f);
    setPhase(fac.doc, 'vote', f);
    await vi.waitFor(() => expect(readBoard(rep.doc).session.phase).toBe('vote'));
    const r = localOrigin(rep.memberId);
    castVote(rep.doc, ids[2]!, rep.memberId, r);
    castVote(rep.doc, ids[2]!, rep.memberId, r);
    castVote(rep.doc, ids[1]!, rep.memberId, r);
    await vi.waitFor(() => expect(readBoard(fac.doc).votesByNote.get(ids[2]!)?.total).toBe(2));

    const agenda = rankBoard(readBoard(fac.doc)).map((x) => x.note.id);
    expect(agenda.slice(0, 2)).toEqual([ids[2], ids[1]]);
    startDiscussion(fac.doc, agenda, Date.now(), f, { timeboxSeconds: 120 });
    decideDiscussed(fac.doc, { responsible: 'sales', supporting: ['engineering'], status: 'accepted' }, Date.now(), f);
    // The phase moved to assign with the start: the participant may propose on the current note.
    await vi.waitFor(() => expect(readBoard(rep.doc).session).toMatchObject({ phase: 'assign', discussion: { index: 1 } }));
    const current = discussionProgress(readBoard(rep.doc), readBoard(rep.doc).session.discussion!).note!;
    expect(current.id).toBe(ids[1]);
    proposeOwner(rep.doc, current.id, rep.memberId, 'engineering', r);
    await vi.waitFor(() => expect(readBoard(fac.doc).proposalsByNote.get(current.id)?.get(rep.memberId)).toBe('engineering'));
    discussNext(fac.doc, Date.now(), f);
    await vi.waitFor(() => expect(readBoard(viewer.doc).session.discussion?.index).toBe(2));
    const before = readBoard(viewer.doc).session.discussion!;
    expect(discussionProgress(readBoard(viewer.doc), before)).toMatchObject({ discussed: 2, total: 4, position: 3 });

    // A participant cannot move the discussion: refused with 4403 (R2), and nobody else sees it.
    discussNext(rep.doc, Date.now(), r);
    await vi.waitFor(() => expect(rep.closes).toContainEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R2: /) }));
    expect(fac.closes.filter((c) => c.code === CLOSE.forbidden)).toEqual([]);
    // The facilitator's later change arrives, and the participant's never did.
    const marker = addNote(fac.doc, { stageId: stages[0]!.id, text: 'after the refusal' }, fac.author, f);
    await vi.waitFor(() => expect(readBoard(viewer.doc).notesById.has(marker)).toBe(true));
    expect(readBoard(viewer.doc).session.discussion).toEqual(before);

    await server.kill();
    await server.start();
    const fresh = connect(url, board.id, board.tokens.viewer);
    clients.push(fresh);
    await fresh.synced;
    const after = readBoard(fresh.doc);
    expect(after.problems).toEqual([]);
    expect(after.session.discussion).toEqual(before);
    expect(discussionProgress(after, after.session.discussion!)).toMatchObject({ discussed: 2, total: 4, position: 3 });
    expect(after.notesById.get(ids[2]!)).toMatchObject({ status: 'accepted', responsible: 'sales', supporting: ['engineering'] });
    expect(after.proposalsByNote.get(ids[1]!)?.get(rep.memberId)).toBe('engineering');
  });
});
