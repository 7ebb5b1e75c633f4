import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  CLOSE, addNote, castVote, configureVoting, localOrigin, readBoard, setPhase, setPrivateWriting, setVotingOpen,
} from '../../shared/src/index.js';
import { connectMember, createBoard, type Member } from '../support/clients.js';
import { storedDoc, useTestServer } from '../support/in-process-server.js';
import { rawSocket } from '../support/raw-socket.js';
import {
  decodeV1, encodeV1, gc, mapItem, valueItemId, type Block,
} from '../support/yjs-bytes.js';

/**
 * Regression attacks on the update guard, each sent as raw bytes by a
 * participant who joined through the API, on a real server. They exploit the
 * ways Yjs reads an update differently from a check that reads
 * `Y.decodeUpdate` (handbook, "Traps already known"): placeholder structs over
 * live ids, several blocks for one client, an apply that throws half way.
 */
const fixture = useTestServer();
const REFUSED = [CLOSE.forbidden, CLOSE.malformed];

async function setup() {
  const board = await createBoard(fixture.server.url);
  const fac = await connectMember(fixture.server.url, board, 'facilitator', 'Fiona Facile', 'management');
  const alice = await connectMember(fixture.server.url, board, 'participant', 'Alice Verdi', 'sales');
  const mallory = await connectMember(fixture.server.url, board, 'participant', 'Mallory Neri', 'support');
  fixture.open.push(fac, alice, mallory);
  await Promise.all([fac.synced, alice.synced, mallory.synced]);
  setPhase(fac.doc, 'brainstorm', localOrigin(fac.memberId)); // so `session.phase` has an item to follow
  const stageId = readBoard(alice.doc).segments[0]!.stages[0]!.id;
  const noteId = addNote(alice.doc, { stageId, text: 'Alice writes this' }, alice.author, localOrigin(alice.memberId));
  await vi.waitFor(() => {
    expect(readBoard(mallory.doc).notesById.has(noteId)).toBe(true);
    expect(readBoard(mallory.doc).session.phase).toBe('brainstorm');
    expect(readBoard(mallory.doc).membersById.has(mallory.memberId)).toBe(true);
  });
  return { board, fac, alice, mallory, stageId, noteId };
}

/** The board as the store holds it (after a flush): its bytes and its reading. */
async function stored(boardId: string) {
  const doc = await storedDoc(fixture.server, boardId);
  // A digest, so a failure prints two short strings instead of two long byte arrays.
  return { bytes: createHash('sha256').update(Y.encodeStateAsUpdate(doc)).digest('hex'), board: readBoard(doc) };
}

async function pending(boardId: string) {
  const room = await fixture.server.rooms.peek(boardId);
  return { structs: room?.doc.store.pendingStructs ?? null, ds: room?.doc.store.pendingDs ?? null };
}

/**
 * Sends `update` as `member` on a socket of its own, then asks for the
 * server's state: resolves with the close code if the server closed the
 * socket, or 0 once the answer arrived (the update was taken, as messages are
 * handled in order).
 */
async function send(member: Member, boardId: string, update: Uint8Array): Promise<number> {
  const socket = await rawSocket(fixture.server.url, `/sync/${boardId}?token=${member.session}`);
  const answered = new Promise<number>((resolve) => {
    socket.ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) resolve(0);
    });
  });
  socket.sendUpdate(update);
  socket.ws.send(Uint8Array.from([0, 0, 1, 0])); // sync step 1 with an empty state vector
  const code = await Promise.race([answered, socket.closed.then((c) => c.code)]);
  socket.close();
  return code;
}

/** A change made on a copy of `member`'s doc (own client id), as the update Yjs would send. */
function craft(member: Member, change: (doc: Y.Doc) => void, clientID = member.doc.clientID + 1_000_003): Uint8Array {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(member.doc));
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

/**
 * The attack of class (a): the change's items, with every id they hang on
 * (origin or parent, held by the server already) repeated in the same update
 * as a GC placeholder, and without the delete set (Yjs deletes a map key's
 * previous value by itself). Yjs ignores placeholders for ids it has and
 * integrates the items next to the live ones.
 */
function behindPlaceholders(member: Member, change: (doc: Y.Doc) => void): Uint8Array {
  const { blocks } = decodeV1(craft(member, change));
  const own = new Set(blocks.map((b) => b.client));
  const hidden = new Map<number, { min: number; max: number }>();
  for (const block of blocks) {
    for (const s of block.structs) {
      if (!(s instanceof Y.Item)) continue;
      for (const dep of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
        if (!dep || own.has(dep.client)) continue;
        const range = hidden.get(dep.client) ?? { min: dep.clock, max: dep.clock };
        hidden.set(dep.client, { min: Math.min(range.min, dep.clock), max: Math.max(range.max, dep.clock) });
      }
    }
  }
  expect(hidden.size).toBeGreaterThan(0);
  const placeholders: Block[] = [...hidden].map(([client, { min, max }]) => ({ client, clock: min, structs: [gc(client, min, max - min + 1)] }));
  return encodeV1([...placeholders, ...blocks]);
}

describe('(a) a GC placeholder reusing a live id does not hide a change from the guard', () => {
  const cases: [string, (s: Awaited<ReturnType<typeof setup>>) => (doc: Y.Doc) => void, (after: ReturnType<typeof readBoard>, s: Awaited<ReturnType<typeof setup>>) => void][] = [
    ['edit another participant\'s note text',
      ({ noteId }) => (doc) => (doc.getMap('notes').get(noteId) as Y.Map<unknown>).set('text', 'Mallory was here'),
      (after, { noteId }) => expect(after.notesById.get(noteId)?.text).toBe('Alice writes this')],
    ['set the status of another participant\'s note',
      ({ noteId }) => (doc) => (doc.getMap('notes').get(noteId) as Y.Map<unknown>).set('status', 'done'),
      (after, { noteId }) => expect(after.notesById.get(noteId)?.status).toBe('open')],
    ['change session.phase',
      () => (doc) => doc.getMap('session').set('phase', 'review'),
      (after) => expect(after.session.phase).toBe('brainstorm')],
    ['rename the board (meta.title)',
      () => (doc) => doc.getMap('meta').set('title', 'Mallory\'s board'),
      (after) => expect(after.meta.title).toBe('Test workshop')],
    ['make oneself a facilitator in members',
      ({ mallory }) => (doc) => (doc.getMap('members').get(mallory.memberId) as Y.Map<unknown>).set('role', 'facilitator'),
      (after, { mallory }) => expect(after.membersById.get(mallory.memberId)?.role).toBe('participant')],
  ];
  for (const [name, change, unchanged] of cases) {
    it(`refuses: ${name}`, async () => {
      const s = await setup();
      const before = await stored(s.board.id);
      expect(await send(s.mallory, s.board.id, behindPlaceholders(s.mallory, change(s)))).toBe(CLOSE.forbidden);
      const after = await stored(s.board.id);
      unchanged(after.board, s);
      expect(after.bytes).toEqual(before.bytes);
    });
  }

  it('refuses: turning private writing off', async () => {
    const s = await setup();
    setPrivateWriting(s.fac.doc, true, localOrigin(s.fac.memberId));
    await vi.waitFor(() => expect(readBoard(s.mallory.doc).session.privateWriting).toBe(true));
    const before = await stored(s.board.id);
    const update = behindPlaceholders(s.mallory, (doc) => doc.getMap('session').set('privateWriting', false));
    expect(await send(s.mallory, s.board.id, update)).toBe(CLOSE.forbidden);
    const after = await stored(s.board.id);
    expect(after.board.session.privateWriting).toBe(true);
    expect(after.bytes).toEqual(before.bytes);
  });
});

describe('(b) what Yjs throws away or parks is judged as Yjs would apply it', () => {
  it('deleting a colleague\'s future clocks (blocks the guard counts, Yjs drops) cannot remove their next note', async () => {
    const { board, alice, mallory, stageId } = await setup();
    const a = alice.doc.clientID;
    const state = Y.getState(alice.doc.store, a);
    // The guard sees Alice's clocks up to state + 5 "in the update"; Yjs keeps
    // only the last block (a placeholder it already has), so the delete of
    // state..state+5 waits in pendingDs for Alice's next note.
    const update = encodeV1(
      [{ client: a, clock: state - 1, structs: [gc(a, state - 1, 6)] }, { client: a, clock: 0, structs: [gc(a, 0, state - 1)] }],
      [[a, [[state, 5]]]],
    );
    await send(mallory, board.id, update);
    expect.soft(await pending(board.id)).toEqual({ structs: null, ds: null });

    const next = addNote(alice.doc, { stageId, text: 'my next idea' }, alice.author, localOrigin(alice.memberId));
    const room = await fixture.server.rooms.peek(board.id);
    await vi.waitFor(() => expect(Y.getState(room!.doc.store, a)).toBeGreaterThanOrEqual(Y.getState(alice.doc.store, a)));
    expect((await stored(board.id)).board.notesById.get(next)?.text).toBe('my next idea');
    expect(readBoard(alice.doc).notesById.has(next)).toBe(true);
    expect(await pending(board.id)).toEqual({ structs: null, ds: null });
  });

  it('an update whose last block for a client starts past the server\'s clock leaves nothing pending', async () => {
    const { board, mallory, stageId } = await setup();
    const m = 2_000_000_011;
    const { blocks } = decodeV1(craft(mallory, (doc) => {
      const id = addNote(doc, { stageId, text: 'mine' }, mallory.author, localOrigin('m'));
      (doc.getMap('notes').get(id) as Y.Map<unknown>).set('text', 'mine, edited');
    }, m));
    const structs = blocks[0]!.structs;
    expect(blocks).toHaveLength(1);
    const cut = structs.length - 1; // the guard sees 0..n contiguous; Yjs keeps only the second block
    const update = encodeV1([
      { client: m, clock: 0, structs: structs.slice(0, cut) },
      { client: m, clock: structs[cut]!.id.clock, structs: structs.slice(cut) },
    ]);
    const before = await stored(board.id);
    const code = await send(mallory, board.id, update);
    expect(await pending(board.id)).toEqual({ structs: null, ds: null });
    if (code !== 0) expect((await stored(board.id)).bytes).toEqual(before.bytes);
  });
});

describe('(c) an update that makes Yjs throw half way changes nothing', () => {
  /** Two items of client 1 where the first follows the second: Yjs throws on the first. */
  const throwsInYjs = (key: string, value: unknown): Block => ({
    client: 1,
    clock: 0,
    structs: [mapItem(Y.createID(1, 0), { origin: Y.createID(1, 1) }, value), mapItem(Y.createID(1, 1), { parent: 'votes', key }, value)],
  });

  it('a note created before the throw is neither stored nor broadcast', async () => {
    const { board, alice, mallory, stageId } = await setup();
    const high = 0xfffffff0; // integrated first: Yjs goes from the highest client id down
    const note = decodeV1(craft(mallory, (doc) => addNote(doc, { stageId, text: 'half an update' }, mallory.author, localOrigin('m')), high));
    const noteItem = note.blocks[0]!.structs[0] as Y.Item;
    const bad: Block = {
      client: 1,
      clock: 0,
      structs: [mapItem(Y.createID(1, 0), { origin: Y.createID(1, 1) }, 'x'), mapItem(Y.createID(1, 1), { parent: noteItem.id, key: 'text' }, 'half an update')],
    };
    const before = await stored(board.id);
    expect(REFUSED).toContain(await send(mallory, board.id, encodeV1([...note.blocks, bad])));
    expect((await stored(board.id)).bytes).toEqual(before.bytes);
    expect(await pending(board.id)).toEqual({ structs: null, ds: null });
    expect([...readBoard(alice.doc).notesById.values()].map((n) => n.text)).not.toContain('half an update');
  });

  it('dots cannot exceed votesPerPerson through a delete that never runs', async () => {
    const { board, fac, alice, mallory, stageId, noteId } = await setup();
    const second = addNote(alice.doc, { stageId, text: 'Alice again' }, alice.author, localOrigin(alice.memberId));
    setPhase(fac.doc, 'vote', localOrigin(fac.memberId));
    configureVoting(fac.doc, { votesPerPerson: 3, capPerNote: null, hideResults: false }, localOrigin(fac.memberId));
    setVotingOpen(fac.doc, true, localOrigin(fac.memberId));
    await vi.waitFor(() => {
      expect(readBoard(mallory.doc).session.voting?.open).toBe(true);
      expect(readBoard(mallory.doc).notesById.has(second)).toBe(true);
    });
    for (let i = 0; i < 3; i++) castVote(mallory.doc, noteId, mallory.memberId, localOrigin(mallory.memberId));
    const dots = (b: ReturnType<typeof readBoard>) =>
      [...b.votesByNote.values()].reduce((sum, t) => sum + (t.byMember.get(mallory.memberId) ?? 0), 0);
    await vi.waitFor(async () => expect(dots((await stored(board.id)).board)).toBe(3));

    // Moves the 3 dots: set them on `second` (integrated first), delete those
    // on the first note (the delete set, applied last). The throw in between
    // would leave 6 dots.
    const key = `${second}:${mallory.memberId}`;
    const old = valueItemId(mallory.doc.getMap('votes'), `${noteId}:${mallory.memberId}`);
    const update = encodeV1(
      [{ client: 0xfffffff0, clock: 0, structs: [mapItem(Y.createID(0xfffffff0, 0), { parent: 'votes', key }, 3)] }, throwsInYjs(key, 3)],
      [[old.client, [[old.clock, 1]]]],
    );
    const before = await stored(board.id);
    expect(REFUSED).toContain(await send(mallory, board.id, update));
    const after = await stored(board.id);
    expect(dots(after.board)).toBeLessThanOrEqual(3);
    expect(after.bytes).toEqual(before.bytes);
  });
});
