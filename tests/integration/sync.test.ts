import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import {
  ACCESS_REFUSED, BoardReader, CLOSE, addNote, localOrigin, moveNote, readBoard, updateNote,
} from '../../shared/src/index.js';
import { connect, connectMember, createBoard, type TestClient } from '../support/clients.js';
import { startTestServer } from '../support/in-process-server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server;
const clients: TestClient[] = [];
function client(boardId: string, token: string): TestClient {
  const c = connect(server.url, boardId, token);
  clients.push(c);
  return c;
}

/** Opens a raw websocket and resolves with the close code and reason the server sent. */
function closeOf(path: string): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}${path}`);
    ws.on('error', reject);
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

async function member(board: Awaited<ReturnType<typeof createBoard>>, role: 'facilitator' | 'participant', name: string, department = 'sales') {
  const m = await connectMember(server.url, board, role, name, department);
  clients.push(m);
  return m;
}

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe('sync with stock y-websocket providers', () => {
  it('a participant and a facilitator converge on notes added, edited and moved', async () => {
    const board = await createBoard(server.url);
    const a = await member(board, 'participant', 'Alice');
    const b = await member(board, 'facilitator', 'Bruno');
    await Promise.all([a.synced, b.synced]);

    const snapA = readBoard(a.doc);
    expect(snapA.segments).toHaveLength(3);
    const [first, second] = snapA.segments[0]!.stages;
    const id = addNote(a.doc, { stageId: first!.id, text: 'FAE joins the spec review' }, a.author, localOrigin('alice'));

    await vi.waitFor(() => expect(readBoard(b.doc).notesById.get(id)?.text).toBe('FAE joins the spec review'));
    updateNote(b.doc, id, { text: 'FAE joins the first spec review', owners: ['fae'] }, localOrigin('bob'));
    moveNote(a.doc, id, second!.id, 0, localOrigin('alice'));

    await vi.waitFor(() => {
      for (const doc of [a.doc, b.doc]) {
        const note = readBoard(doc).notesById.get(id);
        expect(note).toMatchObject({ text: 'FAE joins the first spec review', owners: ['fae'], stageId: second!.id });
      }
    });
  });

  it('a late joiner receives the full board', async () => {
    const board = await createBoard(server.url, { title: 'Late', template: 'blank', language: 'it' });
    // A blank board has no departments yet.
    const a = await member(board, 'facilitator', 'Fiona', '');
    await a.synced;
    const reader = new BoardReader(a.doc);
    expect(reader.snapshot().meta).toMatchObject({ title: 'Late', language: 'it' });
    a.doc.getMap('meta').set('title', 'Late, renamed');
    const late = client(board.id, board.tokens.viewer);
    await late.synced;
    await vi.waitFor(() => expect(readBoard(late.doc).meta.title).toBe('Late, renamed'));
  });

  it('drops document updates from viewers: never applied, stored or broadcast', async () => {
    const board = await createBoard(server.url);
    const viewer = client(board.id, board.tokens.viewer);
    const participant = await member(board, 'participant', 'Paola');
    await Promise.all([viewer.synced, participant.synced]);
    const stageId = readBoard(viewer.doc).segments[0]!.stages[0]!.id;

    addNote(viewer.doc, { stageId, text: 'viewer was here' }, { id: 'viewer1', name: 'V', department: '' }, localOrigin('viewer1'));
    // A participant's later note arriving proves the viewer's (sent first) was processed and dropped.
    const marker = addNote(participant.doc, { stageId, text: 'marker' }, participant.author, localOrigin('p1'));
    await vi.waitFor(() => expect(readBoard(viewer.doc).notesById.has(marker)).toBe(true));

    const fresh = client(board.id, board.tokens.viewer);
    await fresh.synced;
    const texts = [...readBoard(fresh.doc).notesById.values()].map((n) => n.text);
    expect(texts).toEqual(['marker']);
    expect([...readBoard(participant.doc).notesById.values()].map((n) => n.text)).toEqual(['marker']);
    const room = await server.rooms.peek(board.id);
    await room!.flushed();
    const stored = await server.store.loadUpdates(board.id);
    const { Doc, applyUpdate } = await import('yjs');
    const storedDoc = new Doc();
    for (const u of stored.updates) applyUpdate(storedDoc, u);
    expect([...readBoard(storedDoc).notesById.values()].map((n) => n.text)).toEqual(['marker']);
  });

  it('shares presence (awareness) between clients', async () => {
    const board = await createBoard(server.url);
    const a = await member(board, 'participant', 'Anna');
    const b = await member(board, 'participant', 'Beppe');
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('cursor', { x: 10, y: 20 });
    await vi.waitFor(() => {
      const state = b.provider.awareness.getStates().get(a.doc.clientID);
      expect(state?.cursor).toEqual({ x: 10, y: 20 });
    });
    a.provider.disconnect();
    await vi.waitFor(() => expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false));
  });
});

describe('refusals use final close codes (4400-4499) with a reason', () => {
  it('refuses a shared facilitator or participant link on the websocket: people join first', async () => {
    const board = await createBoard(server.url);
    for (const role of ['facilitator', 'participant'] as const) {
      expect(await closeOf(`/sync/${board.id}?token=${board.tokens[role]}`)).toEqual({ code: CLOSE.unauthorized, reason: 'join first' });
    }
  });

  it('refuses a missing or wrong token and an unknown board alike: 4401, one reason', async () => {
    const board = await createBoard(server.url);
    const refused = { code: CLOSE.unauthorized, reason: ACCESS_REFUSED };
    expect(await closeOf(`/sync/${board.id}?token=wrong`)).toEqual(refused);
    expect(await closeOf(`/sync/${board.id}`)).toEqual(refused);
    expect(await closeOf(`/sync/AAAAAAAAAAAAAAAA?token=${board.tokens.participant}`)).toEqual(refused);
    expect(await closeOf(`/sync/AAAAAAAAAAAAAAAA?token=${board.tokens.viewer}`)).toEqual(refused);
  });

  it('refuses a malformed board id with 4400 instead of rewriting it', async () => {
    for (const id of ['..%2F..%2Fetc', 'short', 'a'.repeat(41), 'abc.def.ghijklmn', '%00aaaaaaaaaaaaaaa']) {
      expect(await closeOf(`/sync/${id}?token=x`)).toEqual({ code: CLOSE.badRequest, reason: 'invalid board id' });
    }
  });

  it('the stock provider stops retrying after a final refusal', async () => {
    const board = await createBoard(server.url);
    const c = client(board.id, 'A'.repeat(43));
    await vi.waitFor(() => expect(c.closes[0]?.code).toBe(CLOSE.unauthorized));
    await vi.waitFor(() => expect(c.provider.shouldConnect).toBe(false));
    expect(c.provider.wsconnected).toBe(false);
  });

  it('closes a socket that sends a malformed message, and keeps serving others', async () => {
    const board = await createBoard(server.url);
    const good = await member(board, 'participant', 'Gina');
    await good.synced;
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${board.id}?token=${good.session}`);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.on('open', () => ws.send(new Uint8Array([0, 2, 200])));
    expect(await closed).toBe(CLOSE.malformed);
    const stageId = readBoard(good.doc).segments[0]!.stages[0]!.id;
    const other = client(board.id, board.tokens.viewer);
    await other.synced;
    const id = addNote(good.doc, { stageId, text: 'still alive' }, good.author, localOrigin('g'));
    await vi.waitFor(() => expect(readBoard(other.doc).notesById.has(id)).toBe(true));
  });
});
