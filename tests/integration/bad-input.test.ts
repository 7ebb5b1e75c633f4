import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { CLOSE, addNote, localOrigin, readBoard } from '../../shared/src/index.js';
import { connectMember, createBoard, type Member, type TestClient } from '../support/clients.js';
import { startTestServer } from '../support/in-process-server.js';
import { rawFrames } from '../support/raw-frames.js';
import { rawSocket } from '../support/raw-socket.js';
import { seededRandom } from '../support/random.js';

/**
 * Bad input never takes the server down: only the offending socket is closed,
 * with a clear code, and other boards carry on. Each case is a real socket
 * against a real server.
 */
type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
const open: TestClient[] = [];
let victim: { board: Awaited<ReturnType<typeof createBoard>>; a: Member; b: Member };

beforeAll(async () => {
  // The data directory gets a parent of its own: "no files outside it" is then
  // checked where only this server could write (other test files running at the
  // same time create their own folders in the shared temp directory).
  const parent = mkdtempSync(join(tmpdir(), 'tabella-bad-input-'));
  server = await startTestServer({ MAX_MESSAGE_BYTES: String(1024 * 1024), DATA_DIR: join(parent, 'data') });
  const board = await createBoard(server.url);
  const a = await connectMember(server.url, board, 'participant', 'Ada');
  const b = await connectMember(server.url, board, 'participant', 'Bo');
  open.push(a, b);
  await Promise.all([a.synced, b.synced]);
  victim = { board, a, b };
});
afterAll(async () => {
  for (const c of open) c.destroy();
  await server.close();
});

/** Another board keeps working: an edit by one member reaches the other. */
async function stillServing(): Promise<void> {
  const { a, b } = victim;
  const stageId = readBoard(a.doc).segments[0]!.stages[0]!.id;
  const id = addNote(a.doc, { stageId, text: `alive ${Math.random()}` }, a.author, localOrigin(a.memberId));
  await vi.waitFor(() => expect(readBoard(b.doc).notesById.has(id)).toBe(true));
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
}

function message(...parts: number[][]): Uint8Array {
  return new Uint8Array(parts.flat());
}

async function sessionPath() {
  const board = await createBoard(server.url);
  const m = await connectMember(server.url, board, 'participant', 'Mallory');
  open.push(m);
  await m.synced;
  return { path: `/sync/${board.id}?token=${m.session}`, member: m, board };
}

describe('malformed frames close only the offending socket', () => {
  it.each([
    ['reserved bits set (RSV1 without an extension)', 2, [0, 0], { rsv: 4 }, 1002],
    ['a reserved opcode', 3, [1, 2, 3], {}, 1002],
    ['a text frame with invalid UTF-8', 1, [0xff, 0xfe, 0xfd], {}, 1007],
  ] as const)('%s', async (_name, opcode, payload, options, code) => {
    const { path } = await sessionPath();
    const raw = await rawFrames(server.url, path);
    expect(raw.status).toContain('101');
    raw.frame(opcode, new Uint8Array(payload), options);
    expect(await raw.closed).toBe(code);
    await stillServing();
  });

  it('a frame over the size limit is refused with 1009', async () => {
    const { path } = await sessionPath();
    const raw = await rawFrames(server.url, path);
    raw.frame(2, new Uint8Array(10 * 1024 * 1024));
    expect(await raw.closed).toBe(1009);
    await stillServing();
  });

  it('thousands of tiny fragments are reassembled and judged as one message', async () => {
    const { path } = await sessionPath();
    const raw = await rawFrames(server.url, path);
    // An unknown message type, split into 5,002 fragments.
    raw.frame(2, new Uint8Array([9]), { fin: false });
    for (let i = 0; i < 5000; i++) raw.frame(0, new Uint8Array([i & 0xff]), { fin: false });
    raw.frame(0, new Uint8Array([1]), { fin: true });
    expect(await raw.closed).toBe(CLOSE.malformed);
    await stillServing();
  });

  it('data sent before the board is authorized and loaded is judged like any other', async () => {
    const board = await createBoard(server.url);
    const m = await connectMember(server.url, board, 'participant', 'Early');
    open.push(m);
    const raw = await rawFrames(server.url, `/sync/${board.id}?token=${m.session}`);
    raw.frame(2, message([7, 1, 2]));
    expect(await raw.closed).toBe(CLOSE.malformed);
    const unauthorized = await rawFrames(server.url, `/sync/${board.id}?token=${'x'.repeat(43)}`);
    unauthorized.frame(2, message([0, 2, 3, 1, 2, 3]));
    expect(await unauthorized.closed).toBe(CLOSE.unauthorized);
    await stillServing();
  });
});

describe('malformed messages', () => {
  it.each([
    ['empty message', []],
    ['truncated varint', [0x80]],
    ['unknown message type', [9, 0]],
    ['unknown sync step', [0, 7, 0]],
    ['sync message without payload', [0, 2]],
    ['update length past the end', [0, 2, 100, 1, 2]],
    ['empty update', [0, 2, 0]],
    ['random bytes as an update', [0, 2, 12, 0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08]],
    ['awareness with a truncated state', [1, 5, 1, 1, 1, 200, 1]],
    ['awareness with invalid JSON', [1, 6, 1, 1, 1, 2, 0x7b, 0x7b]],
    ['binary text in a state vector', [0, 0, 3, 0xff, 0xff, 0xff]],
  ])('%s closes the socket with 4422 or 4403 and nothing else', async (_name, bytes) => {
    const { path } = await sessionPath();
    const socket = await rawSocket(server.url, path);
    socket.ws.send(new Uint8Array(bytes));
    expect([CLOSE.malformed, CLOSE.forbidden]).toContain((await socket.closed).code);
    await stillServing();
  });
});

describe('fuzzing', () => {
  it.each([1, 2, 3])('seed %i: 150 random and mutated messages leave the server up and the board unchanged', { timeout: 60_000 }, async (seed) => {
    const rnd = seededRandom(seed);
    const { board, member } = await sessionPath();
    const owner = await connectMember(server.url, board, 'participant', 'Owner');
    open.push(owner);
    await owner.synced;
    const stageId = readBoard(owner.doc).segments[0]!.stages[0]!.id;
    const target = addNote(owner.doc, { stageId, text: 'must not change' }, owner.author, localOrigin(owner.memberId));
    await vi.waitFor(() => expect(readBoard(member.doc).notesById.has(target)).toBe(true));
    const room = await server.rooms.peek(board.id);
    await room!.flushed();
    const before = JSON.stringify([...readBoard(room!.doc).notesById.values()]);

    // Valid-looking seeds to mutate: a forged edit of the owner's note, a sync step 1, an awareness update.
    const forged = (() => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(member.doc));
      const sv = Y.encodeStateVector(copy);
      (copy.getMap('notes').get(target) as Y.Map<unknown>).set('text', 'forged');
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(copy, sv));
      return encoding.toUint8Array(e);
    })();
    const seeds = [forged, message([0, 0, 1, 0]), message([1, 1, 1, 5, 1, 2, 0x7b, 0x7d])];
    let socket = await rawSocket(server.url, `/sync/${board.id}?token=${member.session}`);
    for (let i = 0; i < 150; i++) {
      let bytes: Uint8Array;
      if (rnd() < 0.3) {
        bytes = new Uint8Array(Math.floor(rnd() * 64)).map(() => Math.floor(rnd() * 256));
      } else {
        bytes = new Uint8Array(seeds[Math.floor(rnd() * seeds.length)]!);
        const flips = 1 + Math.floor(rnd() * 4);
        for (let f = 0; f < flips && bytes.length > 0; f++) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
        if (rnd() < 0.3) bytes = bytes.subarray(0, Math.floor(rnd() * bytes.length));
      }
      if (socket.ws.readyState !== WebSocket.OPEN) {
        await socket.closed;
        socket = await rawSocket(server.url, `/sync/${board.id}?token=${member.session}`);
      }
      socket.ws.send(bytes);
    }
    socket.close();
    await stillServing();
    await room!.flushed();
    expect(JSON.stringify([...readBoard(room!.doc).notesById.values()])).toBe(before);
  });
});

describe('limits', () => {
  it('refuses websockets from a foreign origin (403) and accepts our own', async () => {
    const { path } = await sessionPath();
    const foreign = await rawFrames(server.url, path, { Origin: 'http://evil.example' });
    expect(foreign.status).toContain('403');
    const own = await rawFrames(server.url, path, { Origin: server.url });
    expect(own.status).toContain('101');
    own.socket.destroy();
  });

  it('refuses board ids that try to leave the data directory, creating no files', async () => {
    const parent = dirname(server.dataDir);
    const before = readdirSync(parent).sort();
    const inside = readdirSync(server.dataDir).sort();
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '..', '%2e%2e%2f', 'a%00b', '....//....//x', 'C:%5Cwindows', 'ａｂｃｄｅｆｇｈｉｊｋｌ']) {
      expect((await fetch(`${server.url}/api/boards/${id}?token=x`)).status).toBeOneOf([400, 404]);
      const socket = await rawSocket(server.url, `/sync/${id}?token=x`).catch(() => undefined);
      if (socket) expect((await socket.closed).code).toBe(CLOSE.badRequest);
    }
    expect(readdirSync(parent).sort()).toEqual(before);
    expect(readdirSync(server.dataDir).sort()).toEqual(inside);
  });

  it('closes a socket that sends too many messages (1008), others unaffected', async () => {
    const { path } = await sessionPath();
    const socket = await rawSocket(server.url, path);
    for (let i = 0; i < 2000 && socket.ws.readyState === WebSocket.OPEN; i++) socket.ws.send(message([3]));
    expect(await socket.closed).toEqual({ code: 1008, reason: 'too many messages, slow down' });
    await stillServing();
  });
});

describe('per-address and board-size limits', () => {
  let small: Server;
  beforeAll(async () => {
    small = await startTestServer({ MAX_CONNECTIONS_PER_IP: '4', MAX_BOARD_BYTES: String(1024 * 1024) });
  });
  afterAll(() => small.close());

  it('a fifth connection from one address is refused with 429', async () => {
    const board = await createBoard(small.url);
    const sockets = await Promise.all([1, 2, 3, 4].map(() => rawFrames(small.url, `/sync/${board.id}?token=${board.tokens.viewer}`)));
    for (const s of sockets) expect(s.status).toContain('101');
    const fifth = await rawFrames(small.url, `/sync/${board.id}?token=${board.tokens.viewer}`);
    expect(fifth.status).toContain('429');
    sockets[0]!.socket.destroy();
    await vi.waitFor(async () => {
      const again = await rawFrames(small.url, `/sync/${board.id}?token=${board.tokens.viewer}`);
      expect(again.status).toContain('101');
      again.socket.destroy();
    });
    for (const s of sockets) s.socket.destroy();
  });

  it('a board past its size limit refuses growth with 4413', async () => {
    const board = await createBoard(small.url);
    // A facilitator: participants stop earlier, at 90% (the room kept for facilitators, write-limits).
    const m = await connectMember(small.url, board, 'facilitator', 'Filler');
    open.push(m);
    await m.synced;
    const stageId = readBoard(m.doc).segments[0]!.stages[0]!.id;
    for (let i = 0; i < 1200 && !m.closes.some((c) => c.code === CLOSE.tooLarge); i++) {
      addNote(m.doc, { stageId, text: `${i} ${'x'.repeat(990)}` }, m.author, localOrigin(m.memberId));
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 20));
    }
    await vi.waitFor(() => expect(m.closes.some((c) => c.code === CLOSE.tooLarge)).toBe(true), { timeout: 20_000 });
  });
});
