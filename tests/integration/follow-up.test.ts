import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, addNote, localOrigin, readBoard, setNoteStatus, startTimer } from '../../shared/src/index.js';
import { connect, connectMember, createBoard } from '../support/clients.js';
import { useTestServer } from '../support/in-process-server.js';
import { rawSocket } from '../support/raw-socket.js';

const fixture = useTestServer();

const api = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${fixture.server.url}/api/boards/${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...init.headers },
  });

async function setup() {
  const board = await createBoard(fixture.server.url, { title: 'Roadmap, giorno 2', template: 'vision-workshop', language: 'it' });
  const fac = await connectMember(fixture.server.url, board, 'facilitator', 'Fiona', 'management');
  fixture.open.push(fac);
  await fac.synced;
  const stages = readBoard(fac.doc).segments.flatMap((s) => s.stages);
  return { board, fac, stages };
}

const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '');

describe('commitment and feedback links (steps 6 and 7)', () => {
  it('C1: the facilitator creates the links; only they can', async () => {
    const { board, fac } = await setup();
    const participant = await connectMember(fixture.server.url, board, 'participant', 'Pia');
    fixture.open.push(participant);
    expect((await api(`${board.id}/follow-up-links/commitment`, participant.session, { method: 'POST' })).status).toBe(403);
    expect((await api(`${board.id}/follow-up-links/party`, fac.session, { method: 'POST' })).status).toBe(400);
    const res = await api(`${board.id}/follow-up-links/commitment`, fac.session, { method: 'POST' });
    expect(res.status).toBe(201);
    const { link } = (await res.json()) as { link: string };
    expect(new URL(link).pathname).toBe(`/c/${board.id}`);
    // Rotating replaces the old link.
    const again = (await (await api(`${board.id}/follow-up-links/commitment`, fac.session, { method: 'POST' })).json()) as { link: string };
    expect((await api(`${board.id}/form`, tokenOf(link))).status).toBe(401);
    expect((await api(`${board.id}/form`, tokenOf(again.link))).status).toBe(200);
  });

  it('C2: an executive commits through the commitment link; the board shows it live', async () => {
    const { board, fac, stages } = await setup();
    const { link } = (await (await api(`${board.id}/follow-up-links/commitment`, fac.session, { method: 'POST' })).json()) as { link: string };
    const token = tokenOf(link);
    const form = (await (await api(`${board.id}/form`, token)).json()) as { kind: string; language: string; segments: { stages: { id: string }[] }[]; departments: { key: string }[] };
    expect(form).toMatchObject({ kind: 'commitment', language: 'it' });
    expect(form.segments.flatMap((s) => s.stages.map((st) => st.id))).toEqual(stages.map((s) => s.id));
    expect(form.departments.map((d) => d.key)).toContain('engineering');

    const res = await api(`${board.id}/commitments`, token, {
      method: 'POST',
      body: JSON.stringify({ stageId: stages[1]!.id, department: 'engineering', text: 'Un reference design entro 48 ore', byName: 'Direttore tecnico' }),
    });
    expect(res.status).toBe(201);
    await vi.waitFor(() => expect(readBoard(fac.doc).commitments).toEqual([
      expect.objectContaining({ stageId: stages[1]!.id, department: 'engineering', text: 'Un reference design entro 48 ore', byName: 'Direttore tecnico' }),
    ]));
    // The commitment link cannot send feedback, and bad input is refused clearly.
    expect((await api(`${board.id}/feedback`, token, { method: 'POST', body: JSON.stringify({ stageId: stages[0]!.id, outcome: 'worked' }) })).status).toBe(403);
    const bad = await api(`${board.id}/commitments`, token, { method: 'POST', body: JSON.stringify({ stageId: stages[0]!.id, department: 'nope', text: 'x' }) });
    expect(bad.status).toBe(404);
    expect(await bad.json()).toEqual({ error: 'Department nope does not exist', code: 'department-not-found', params: { id: 'nope' } });
    // It reads the board like a viewer, and cannot write to it.
    const viewer = connect(fixture.server.url, board.id, token);
    fixture.open.push(viewer);
    await viewer.synced;
    expect(readBoard(viewer.doc).commitments).toHaveLength(1);
    const socket = await rawSocket(fixture.server.url, `/sync/${board.id}?token=${token}`);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(viewer.doc));
    const sv = Y.encodeStateVector(copy);
    copy.getMap('meta').set('title', 'hijacked');
    socket.sendUpdate(Y.encodeStateAsUpdate(copy, sv));
    const marker = (await api(`${board.id}/commitments`, token, { method: 'POST', body: JSON.stringify({ stageId: stages[0]!.id, department: 'fae', text: 'FAE sempre presente' }) })).status;
    expect(marker).toBe(201);
    await vi.waitFor(() => expect(readBoard(fac.doc).commitments).toHaveLength(2));
    expect(readBoard(fac.doc).meta.title).toBe('Roadmap, giorno 2');
    socket.close();
  });

  it('C3: reps send feedback through the feedback link; it is validated and stamped', async () => {
    const { board, fac, stages } = await setup();
    const { link } = (await (await api(`${board.id}/follow-up-links/feedback`, fac.session, { method: 'POST' })).json()) as { link: string };
    expect(new URL(link).pathname).toBe(`/f/${board.id}`);
    const token = tokenOf(link);
    const send = (body: unknown) => api(`${board.id}/feedback`, token, { method: 'POST', body: JSON.stringify(body) });
    expect((await send({ stageId: stages[2]!.id, outcome: 'blocked', blocker: 'I campioni sono arrivati dopo tre settimane', department: 'shipping', comment: 'Perso lo slot', repName: 'Giulia Rossi' })).status).toBe(201);
    expect((await send({ stageId: stages[2]!.id, outcome: 'worked' })).status).toBe(201);
    expect((await send({ stageId: stages[2]!.id, outcome: 'great' })).status).toBe(400);
    expect((await send({ stageId: stages[2]!.id, outcome: 'worked', segmentId: 'forged' })).status).toBe(400);
    expect((await send({ stageId: stages[2]!.id, outcome: 'worked', comment: 'x'.repeat(1001) })).status).toBe(400);
    expect((await send({ stageId: 'nostage1', outcome: 'worked' })).status).toBe(404);
    await vi.waitFor(() => expect(readBoard(fac.doc).feedback).toHaveLength(2));
    const [latest, first] = readBoard(fac.doc).feedback;
    expect(first).toMatchObject({ outcome: 'blocked', department: 'shipping', repName: 'Giulia Rossi', segmentId: readBoard(fac.doc).segments[0]!.id });
    expect(latest!.outcome).toBe('worked');
    expect((await api(`${board.id}/commitments`, token, { method: 'POST', body: JSON.stringify({ stageId: stages[0]!.id, department: 'fae', text: 'x' }) })).status).toBe(403);
  });

  it('C4: a participant cannot write commitments or feedback over the websocket', async () => {
    const { board, stages } = await setup();
    const participant = await connectMember(fixture.server.url, board, 'participant', 'Pia');
    fixture.open.push(participant);
    await participant.synced;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(participant.doc));
    const sv = Y.encodeStateVector(copy);
    const entry = new Y.Map<unknown>();
    entry.set('text', 'forged');
    entry.set('updatedAt', 1);
    copy.getMap('commitments').set(`${stages[0]!.id}:sales`, entry);
    const socket = await rawSocket(fixture.server.url, `/sync/${board.id}?token=${participant.session}`);
    socket.sendUpdate(Y.encodeStateAsUpdate(copy, sv));
    expect((await socket.closed).code).toBe(CLOSE.forbidden);
  });
});

describe('versions and restoring a backup', () => {
  it('V1: the facilitator saves named versions, lists them, and starts a new board from one', async () => {
    const { board, fac, stages } = await setup();
    const note = addNote(fac.doc, { stageId: stages[0]!.id, text: 'Prima versione' }, fac.author, localOrigin(fac.memberId));
    setNoteStatus(fac.doc, note, 'accepted', localOrigin(fac.memberId));
    startTimer(fac.doc, 60_000, Date.now(), localOrigin(fac.memberId));
    await vi.waitFor(async () => {
      const room = await fixture.server.rooms.peek(board.id);
      expect(readBoard(room!.doc).notesById.get(note)?.status).toBe('accepted');
    });
    const saved = await api(`${board.id}/versions`, fac.session, { method: 'POST', body: JSON.stringify({ name: 'Fine del giorno 1' }) });
    expect(saved.status).toBe(201);
    const version = (await saved.json()) as { id: string; name: string };
    addNote(fac.doc, { stageId: stages[0]!.id, text: 'Dopo la versione' }, fac.author, localOrigin(fac.memberId));
    const list = (await (await api(`${board.id}/versions`, fac.session)).json()) as { versions: { id: string; name: string }[] };
    expect(list.versions).toEqual([expect.objectContaining({ id: version.id, name: 'Fine del giorno 1' })]);

    const copied = await api(`${board.id}/versions/${version.id}/copy`, fac.session, { method: 'POST' });
    expect(copied.status).toBe(201);
    const created = (await copied.json()) as { id: string; links: Record<string, string> };
    expect(created.id).not.toBe(board.id);
    const viewer = connect(fixture.server.url, created.id, tokenOf(created.links.viewer!));
    fixture.open.push(viewer);
    await viewer.synced;
    const copy = readBoard(viewer.doc);
    expect([...copy.notesById.values()].map((n) => [n.text, n.status])).toEqual([['Prima versione', 'accepted']]);
    expect(copy.members).toEqual([]);
    expect(copy.session.timer).toBeNull();
    expect(copy.meta.title).toBe('Roadmap, giorno 2');
  });

  it('V2: only facilitators manage versions; bad names and ids are refused', async () => {
    const { board, fac } = await setup();
    const participant = await connectMember(fixture.server.url, board, 'participant', 'Pia');
    fixture.open.push(participant);
    expect((await api(`${board.id}/versions`, participant.session, { method: 'POST', body: JSON.stringify({ name: 'x' }) })).status).toBe(403);
    expect((await api(`${board.id}/versions`, fac.session, { method: 'POST', body: JSON.stringify({ name: '' }) })).status).toBe(400);
    expect((await api(`${board.id}/versions/nope!/copy`, fac.session, { method: 'POST' })).status).toBe(400);
    expect((await api(`${board.id}/versions/AAAAAAAAAAAA/copy`, fac.session, { method: 'POST' })).status).toBe(404);
  });

  it('V3: POST /api/boards restores a board.json backup into a new board', async () => {
    const { board, fac, stages } = await setup();
    addNote(fac.doc, { stageId: stages[3]!.id, text: 'Da ripristinare, con accenti: è così' }, fac.author, localOrigin(fac.memberId));
    const room = await fixture.server.rooms.peek(board.id);
    await vi.waitFor(() => expect(readBoard(room!.doc).notesById.size).toBe(1));
    const backup = { format: 'tabella-board', version: 1, exportedAt: Date.now(), board: Buffer.from(Y.encodeStateAsUpdate(room!.doc)).toString('base64') };
    const post = (body: unknown) => fetch(`${fixture.server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const res = await post({ backup, title: 'Ripristinato' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; links: Record<string, string> };
    const viewer = connect(fixture.server.url, created.id, tokenOf(created.links.viewer!));
    fixture.open.push(viewer);
    await viewer.synced;
    const restored = readBoard(viewer.doc);
    const original = readBoard(room!.doc);
    expect(restored.meta.title).toBe('Ripristinato');
    expect(restored.segments).toEqual(original.segments);
    expect([...restored.notesById.values()]).toEqual([...original.notesById.values()]);

    expect((await post({ backup: { format: 'other', version: 1, board: 'AA==' } })).status).toBe(400);
    expect((await post({ backup: { ...backup, version: 99 } })).status).toBe(400);
    expect((await post({ backup: { ...backup, board: 'not base64!' } })).status).toBe(400);
    const garbage = await post({ backup: { ...backup, board: Buffer.from('garbage bytes here').toString('base64') } });
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toEqual({ error: expect.stringMatching(/backup/), code: 'backup-invalid', params: { problem: 'unreadable' } });
  });
});
