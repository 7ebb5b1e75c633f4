import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  CLOSE, addDraft, addNote, castVote, configureVoting, deleteNote, draftsRoom, localOrigin, proposeOwner, readBoard,
  retractVote, setPhase, setPrivateWriting, setVotingOpen,
} from '../../shared/src/index.js';
import { connect, connectMember, createBoard, type Member, type TestClient } from '../support/clients.js';
import { useTestServer } from '../support/in-process-server.js';
import { rawSocket } from '../support/raw-socket.js';

const fixture = useTestServer();

async function workshop(phase: 'server-default' | 'brainstorm' = 'brainstorm') {
  const board = await createBoard(fixture.server.url, { title: 'Test workshop', template: 'vision-workshop', language: 'en', phase });
  const fac = await connectMember(fixture.server.url, board, 'facilitator', 'Fiona Facile', 'management');
  const alice = await connectMember(fixture.server.url, board, 'participant', 'Alice Verdi', 'sales');
  const bob = await connectMember(fixture.server.url, board, 'participant', 'Bruno Blu', 'support');
  fixture.open.push(fac, alice, bob);
  await Promise.all([fac.synced, alice.synced, bob.synced]);
  const stageId = readBoard(fac.doc).segments[0]!.stages[0]!.id;
  return { board, fac, alice, bob, stageId };
}

const forbidden = (m: TestClient) => m.closes.filter((c) => c.code === CLOSE.forbidden);

/** Sends `change` made on a copy of `member`'s doc as raw bytes; resolves with how the server closed. */
async function attempt(member: Member, boardId: string, change: (doc: Y.Doc) => void) {
  const copy = new Y.Doc();
  copy.clientID = member.doc.clientID + 7_777;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(member.doc));
  const sv = Y.encodeStateVector(copy);
  change(copy);
  const socket = await rawSocket(fixture.server.url, `/sync/${boardId}?token=${member.session}`);
  socket.sendUpdate(Y.encodeStateAsUpdate(copy, sv));
  return socket.closed;
}

describe('phases decide what participants may do, and the server agrees', () => {
  it('F1 (R6): a new board starts in setup, where a participant cannot add notes; in brainstorm they can', async () => {
    // No phase asked for: what the home page's create form sends.
    const { board, fac, alice, stageId } = await workshop('server-default');
    expect(readBoard(alice.doc).session.phase).toBe('setup');
    const closed = await attempt(alice, board.id, (doc) => addNote(doc, { stageId, text: 'too early' }, alice.author, localOrigin('a')));
    expect(closed).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R6: .*phase/) });
    setPhase(fac.doc, 'brainstorm', localOrigin(fac.memberId));
    await vi.waitFor(() => expect(readBoard(alice.doc).session.phase).toBe('brainstorm'));
    const id = addNote(alice.doc, { stageId, text: 'now' }, alice.author, localOrigin(alice.memberId));
    await vi.waitFor(() => expect(readBoard(fac.doc).notesById.get(id)?.text).toBe('now'));
  });

  it('F2 (R2): a participant cannot change the phase, the timer or private writing', async () => {
    const { board, alice } = await workshop();
    for (const change of [
      (doc: Y.Doc) => doc.getMap('session').set('phase', 'review'),
      (doc: Y.Doc) => doc.getMap('session').set('timer', { status: 'running', durationMs: 1000, endsAt: 0, remainingMs: 0 }),
      (doc: Y.Doc) => doc.getMap('session').set('privateWriting', true),
      (doc: Y.Doc) => doc.getMap('groups').set(alice.memberId, 'x'),
    ]) {
      expect(await attempt(alice, board.id, change)).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R2: /) });
    }
  });
});

describe('voting', () => {
  it('F3 (R6, R8, R10): dots are limited per person and per note, only during voting, only for oneself', async () => {
    const { board, fac, alice, bob, stageId } = await workshop();
    const n1 = addNote(bob.doc, { stageId, text: 'one' }, bob.author, localOrigin(bob.memberId));
    const n2 = addNote(bob.doc, { stageId, text: 'two' }, bob.author, localOrigin(bob.memberId));
    await vi.waitFor(() => expect(readBoard(alice.doc).notesById.size).toBe(2));
    configureVoting(fac.doc, { votesPerPerson: 3, capPerNote: 2, hideResults: false }, localOrigin(fac.memberId));
    setPhase(fac.doc, 'vote', localOrigin(fac.memberId));
    // Closed voting: refused.
    await vi.waitFor(() => expect(readBoard(alice.doc).session.phase).toBe('vote'));
    expect((await attempt(alice, board.id, (doc) => doc.getMap('votes').set(`${n1}:${alice.memberId}`, 1))).reason).toMatch(/^R6: /);
    setVotingOpen(fac.doc, true, localOrigin(fac.memberId));
    await vi.waitFor(() => expect(readBoard(alice.doc).session.voting?.open).toBe(true));

    castVote(alice.doc, n1, alice.memberId, localOrigin(alice.memberId));
    castVote(alice.doc, n1, alice.memberId, localOrigin(alice.memberId));
    castVote(alice.doc, n2, alice.memberId, localOrigin(alice.memberId));
    await vi.waitFor(() => expect(readBoard(fac.doc).votesByNote.get(n1)?.total).toBe(2));
    await vi.waitFor(() => expect(readBoard(fac.doc).votesByNote.get(n2)?.total).toBe(1));
    // Over the cap per note, over the dots per person, for somebody else: refused.
    expect(await attempt(alice, board.id, (doc) => doc.getMap('votes').set(`${n1}:${alice.memberId}`, 3))).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R10: /) });
    expect(await attempt(alice, board.id, (doc) => doc.getMap('votes').set(`${n2}:${alice.memberId}`, 2))).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R10: /) });
    expect(await attempt(alice, board.id, (doc) => doc.getMap('votes').set(`${n2}:${bob.memberId}`, 1))).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R8: /) });

    retractVote(alice.doc, n1, alice.memberId, localOrigin(alice.memberId));
    await vi.waitFor(() => expect(readBoard(fac.doc).votesByNote.get(n1)?.total).toBe(1));
    expect(forbidden(alice)).toEqual([]);
  });

  it('F4 (R8, R9, R12): owner proposals: one per person per note, only one\'s own, only known departments', async () => {
    const { board, fac, alice, bob, stageId } = await workshop();
    const n = addNote(bob.doc, { stageId, text: 'who owns this' }, bob.author, localOrigin(bob.memberId));
    await vi.waitFor(() => expect(readBoard(alice.doc).notesById.has(n)).toBe(true));
    proposeOwner(alice.doc, n, alice.memberId, 'fae', localOrigin(alice.memberId));
    proposeOwner(alice.doc, n, alice.memberId, 'engineering', localOrigin(alice.memberId));
    await vi.waitFor(() => expect(readBoard(fac.doc).proposalsByNote.get(n)?.get(alice.memberId)).toBe('engineering'));
    expect(await attempt(alice, board.id, (doc) => doc.getMap('proposals').set(`${n}:${bob.memberId}`, 'sales'))).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R8: /) });
    expect(await attempt(alice, board.id, (doc) => doc.getMap('proposals').set(`${n}:${alice.memberId}`, 'no-such-dept'))).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R9: /) });
    // Confirming the responsible department is the facilitator's, on anyone's note and on one's own.
    expect(await attempt(alice, board.id, (doc) => (doc.getMap('notes').get(n) as Y.Map<unknown>).set('responsible', 'fae'))).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R4: /) });
    const own = addNote(alice.doc, { stageId, text: 'mine to own' }, alice.author, localOrigin(alice.memberId));
    await vi.waitFor(() => expect(readBoard(fac.doc).notesById.has(own)).toBe(true));
    expect(await attempt(alice, board.id, (doc) => (doc.getMap('notes').get(own) as Y.Map<unknown>).set('responsible', 'fae'))).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R12: /) });
    expect(await attempt(alice, board.id, (doc) => (doc.getMap('notes').get(own) as Y.Map<unknown>).set('status', 'accepted'))).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R12: /) });
    expect(forbidden(alice)).toEqual([]);
  });

  it('F5: deleting one\'s own note also removes others\' dots and proposals on it', async () => {
    const { fac, alice, bob, stageId } = await workshop();
    const n = addNote(bob.doc, { stageId, text: 'short-lived' }, bob.author, localOrigin(bob.memberId));
    await vi.waitFor(() => expect(readBoard(alice.doc).notesById.has(n)).toBe(true));
    proposeOwner(alice.doc, n, alice.memberId, 'fae', localOrigin(alice.memberId));
    await vi.waitFor(() => expect(readBoard(bob.doc).proposalsByNote.get(n)?.size).toBe(1));
    deleteNote(bob.doc, n, localOrigin(bob.memberId));
    await vi.waitFor(() => expect(readBoard(fac.doc).notesById.has(n)).toBe(false));
    expect(readBoard(fac.doc).proposalsByNote.has(n)).toBe(false);
    expect(forbidden(bob)).toEqual([]);
  });
});

describe('private writing', () => {
  it('F6 (R7): drafts never reach other participants before the reveal, then appear signed by their author', async () => {
    const { board, fac, alice, bob, stageId } = await workshop();
    setPrivateWriting(fac.doc, true, localOrigin(fac.memberId));
    await vi.waitFor(() => expect(readBoard(alice.doc).session.privateWriting).toBe(true));
    // Writing into the board itself is refused while private writing is on.
    const refused = await attempt(alice, board.id, (doc) => addNote(doc, { stageId, text: 'too public' }, alice.author, localOrigin('a')));
    expect(refused).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R7: .*private/) });

    const drafts = connect(fixture.server.url, draftsRoom(board.id), alice.session);
    fixture.open.push(drafts);
    await drafts.synced;
    const secret = 'SECRET-draft-by-alice-4711';
    addDraft(drafts.doc, alice.doc, { stageId, text: secret }, alice.author, localOrigin(alice.memberId));
    // Bob cannot open Alice's drafts: his drafts room is his own.
    const bobDrafts = connect(fixture.server.url, draftsRoom(board.id), bob.session);
    fixture.open.push(bobDrafts);
    await bobDrafts.synced;
    const room = await fixture.server.rooms.peek(board.id, `private/${alice.memberId}`);
    await vi.waitFor(async () => expect(room && (await room.flushed(), room.doc.getMap('notes').size)).toBe(1));
    expect(bobDrafts.doc.getMap('notes').size).toBe(0);
    const bytesSeenByBob = Buffer.from(Y.encodeStateAsUpdate(bob.doc)).toString('utf8');
    expect(bytesSeenByBob).not.toContain(secret);
    expect(Buffer.from(Y.encodeStateAsUpdate(fac.doc)).toString('utf8')).not.toContain(secret);

    setPrivateWriting(fac.doc, false, localOrigin(fac.memberId));
    await vi.waitFor(() => {
      const note = [...readBoard(bob.doc).notesById.values()].find((n) => n.text === secret);
      expect(note).toMatchObject({ authorId: alice.memberId, authorName: 'Alice Verdi', authorDepartment: 'sales', stageId });
    });
    await vi.waitFor(() => expect(drafts.doc.getMap('notes').size).toBe(0));
  });

  it('F7: a viewer or a shared link cannot open drafts', async () => {
    const board = await createBoard(fixture.server.url);
    for (const token of [board.tokens.viewer, board.tokens.participant]) {
      const socket = await rawSocket(fixture.server.url, `/sync/${draftsRoom(board.id)}?token=${token}`);
      expect((await socket.closed).code).toBe(CLOSE.unauthorized);
    }
  });
});

describe('members', () => {
  const api = (path: string, session: string, init: RequestInit = {}) =>
    fetch(`${fixture.server.url}/api/boards/${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${session}`, ...init.headers } });

  it('F8: joining gives each person their own identity, listed on the board', async () => {
    const { board, fac, alice, bob } = await workshop();
    await vi.waitFor(() => {
      const members = readBoard(fac.doc).members.map((m) => [m.name, m.role, m.department]);
      expect(members).toEqual(expect.arrayContaining([
        ['Alice Verdi', 'participant', 'sales'], ['Bruno Blu', 'participant', 'support'], ['Fiona Facile', 'facilitator', 'management'],
      ]));
    });
    const info = await (await api(`${board.id}`, alice.session)).json();
    expect(info).toMatchObject({ role: 'participant', memberId: alice.memberId });
    expect(alice.memberId).not.toBe(bob.memberId);
  });

  it('F9 (R1): the facilitator turns a participant into a viewer (writes dropped) and removes another (token stops working)', async () => {
    const { board, fac, alice, bob, stageId } = await workshop();
    expect((await api(`${board.id}/members/${alice.memberId}`, bob.session, { method: 'PATCH', body: JSON.stringify({ role: 'viewer' }) })).status).toBe(403);
    const demoted = await api(`${board.id}/members/${alice.memberId}`, fac.session, { method: 'PATCH', body: JSON.stringify({ role: 'viewer' }) });
    expect(demoted.status).toBe(200);
    await vi.waitFor(() => expect(readBoard(fac.doc).membersById.get(alice.memberId)?.role).toBe('viewer'));
    await vi.waitFor(() => expect(alice.closes.some((c) => c.code === CLOSE.reconnect)).toBe(true));
    await alice.synced;
    await vi.waitFor(() => expect(alice.provider.wsconnected).toBe(true));
    addNote(alice.doc, { stageId, text: 'as a viewer now' }, alice.author, localOrigin(alice.memberId));
    const marker = addNote(bob.doc, { stageId, text: 'marker' }, bob.author, localOrigin(bob.memberId));
    await vi.waitFor(() => expect(readBoard(alice.doc).notesById.has(marker)).toBe(true));
    expect([...readBoard(fac.doc).notesById.values()].map((n) => n.text)).toEqual(['marker']);

    expect((await api(`${board.id}/members/${bob.memberId}`, fac.session, { method: 'DELETE' })).status).toBe(204);
    await vi.waitFor(() => expect(bob.closes.some((c) => c.code === CLOSE.unauthorized)).toBe(true));
    expect((await api(`${board.id}`, bob.session)).status).toBe(403);
    const socket = await rawSocket(fixture.server.url, `/sync/${board.id}?token=${bob.session}`);
    expect(await socket.closed).toEqual({ code: CLOSE.unauthorized, reason: 'removed from this workshop' });
  });

  it('F10: a person renames themselves; new notes are signed with the new name', async () => {
    const { board, fac, alice, stageId } = await workshop();
    const res = await api(`${board.id}/members/me`, alice.session, { method: 'PATCH', body: JSON.stringify({ name: 'Alice V.', department: 'fae' }) });
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(readBoard(fac.doc).membersById.get(alice.memberId)).toMatchObject({ name: 'Alice V.', department: 'fae' }));
    await vi.waitFor(() => expect(alice.provider.wsconnected).toBe(true));
    const id = addNote(alice.doc, { stageId, text: 'renamed' }, { id: alice.memberId, name: 'Alice V.', department: 'fae' }, localOrigin(alice.memberId));
    await vi.waitFor(() => expect(readBoard(fac.doc).notesById.get(id)?.authorName).toBe('Alice V.'));
  });

  it('F10b: the facilitator replaces a link; the old one stops working, joined people keep their sessions', async () => {
    const { board, fac, alice } = await workshop();
    expect((await api(`${board.id}/links/participant`, alice.session, { method: 'POST' })).status).toBe(403);
    expect((await api(`${board.id}/links/admin`, fac.session, { method: 'POST' })).status).toBe(400);
    const res = await api(`${board.id}/links/participant`, fac.session, { method: 'POST' });
    expect(res.status).toBe(201);
    const { link } = (await res.json()) as { link: string };
    const fresh = new URL(link).hash.replace('#token=', '');
    expect(fresh).not.toBe(board.tokens.participant);
    const join = (token: string) => fetch(`${fixture.server.url}/api/boards/${board.id}/join`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: 'Newcomer', department: '' }),
    });
    expect((await join(board.tokens.participant)).status).toBe(401);
    expect((await join(fresh)).status).toBe(201);
    expect((await api(`${board.id}`, alice.session)).status).toBe(200);
  });

  it('F11: join validates its input and refuses the viewer link', async () => {
    const board = await createBoard(fixture.server.url);
    const post = (body: unknown) => fetch(`${fixture.server.url}/api/boards/${board.id}/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ token: board.tokens.viewer, name: 'V', department: '' })).status).toBe(400);
    expect((await post({ token: 'x'.repeat(43), name: 'V', department: '' })).status).toBe(401);
    expect((await post({ token: board.tokens.participant, name: '', department: '' })).status).toBe(400);
    expect((await post({ token: board.tokens.participant, name: 'x'.repeat(61), department: '' })).status).toBe(400);
    expect((await post({ token: board.tokens.participant, name: 'Ok', department: 'Not A Key' })).status).toBe(400);
    expect((await post({ token: board.tokens.participant, name: 'Ok', department: 'sales' })).status).toBe(201);
  });
});

describe('server time', () => {
  it('F12: GET /api/time answers the server clock', async () => {
    const before = Date.now();
    const { now } = (await (await fetch(`${fixture.server.url}/api/time`)).json()) as { now: number };
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
