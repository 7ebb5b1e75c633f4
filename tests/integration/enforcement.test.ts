import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CLOSE, addNote, localOrigin, readBoard, readPresence, updateNote } from '../../shared/src/index.js';
import { connectMember, type Member } from '../support/clients.js';
import { storedDoc, useTestServer } from '../support/in-process-server.js';
import { rawSocket } from '../support/raw-socket.js';
import { aliceAndMallory, craft, sendAs as send } from '../support/hostile-participant.js';

/**
 * Server-side enforcement against a modified client: every case sends the
 * raw Yjs bytes a hostile client would, and checks the update was never
 * applied, stored or broadcast, the sender was told (4403), and everyone
 * else carried on.
 */
const fixture = useTestServer();

async function setup() {
  const { board, alice, mallory, stageId } = await aliceAndMallory(fixture);
  const noteId = addNote(alice.doc, { stageId, text: 'Alice writes this' }, alice.author, localOrigin(alice.memberId));
  await vi.waitFor(() => expect(readBoard(mallory.doc).notesById.has(noteId)).toBe(true));
  return { board, alice, mallory, stageId, noteId };
}

/** The board as stored on the server right now (flushed), read by a fresh doc. */
async function stored(boardId: string) {
  return readBoard(await storedDoc(fixture.server, boardId));
}

const sendAs = (member: Member, boardId: string, update: Uint8Array) => send(fixture.server.url, member, boardId, update);

describe('a participant with a modified client cannot alter what is not theirs', () => {
  it('E1 (R4): deleting another participant\'s note through a delete set is refused', async () => {
    const { board, alice, mallory, noteId } = await setup();
    const update = craft(mallory, (doc) => doc.getMap('notes').delete(noteId));
    expect(await sendAs(mallory, board.id, update)).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R4: .*your own notes/) });
    expect((await stored(board.id)).notesById.has(noteId)).toBe(true);
    expect(readBoard(alice.doc).notesById.has(noteId)).toBe(true);
  });

  it('E2 (R4): overwriting another\'s note key with a new value is refused', async () => {
    const { board, mallory, noteId, stageId } = await setup();
    const update = craft(mallory, (doc) => {
      const fake = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ stageId, order: 1, text: 'pwned', kind: 'action', authorId: mallory.memberId, authorName: 'Mallory Neri', authorDepartment: 'support', owners: [], createdAt: 1, updatedAt: 1 })) fake.set(k, v);
      doc.getMap('notes').set(noteId, fake);
    });
    expect(await sendAs(mallory, board.id, update)).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R4: /) });
    expect((await stored(board.id)).notesById.get(noteId)?.text).toBe('Alice writes this');
  });

  it('E3 (R4): editing a field inside another\'s note is refused, and the victim sees nothing', async () => {
    const { board, alice, mallory, noteId } = await setup();
    const update = craft(mallory, (doc) => (doc.getMap('notes').get(noteId) as Y.Map<unknown>).set('text', 'hacked'));
    expect(await sendAs(mallory, board.id, update)).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R4: /) });
    // A later legitimate edit by Alice arriving proves Mallory's (sent first) was not broadcast.
    updateNote(alice.doc, noteId, { text: 'Alice, later' }, localOrigin(alice.memberId));
    await vi.waitFor(async () => expect((await stored(board.id)).notesById.get(noteId)?.text).toBe('Alice, later'));
    expect(readBoard(mallory.doc).notesById.get(noteId)?.text).toBe('Alice, later');
  });

  it('E4 (R5): forging the author of a new note is refused; a note signed with one\'s own identity is accepted', async () => {
    const { board, alice, mallory, stageId } = await setup();
    const forged = craft(mallory, (doc) => addNote(doc, { stageId, text: 'from Alice, honest' }, alice.author, localOrigin('x')));
    expect(await sendAs(mallory, board.id, forged)).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R5: .*your own name/) });
    const renamed = craft(mallory, (doc) => addNote(doc, { stageId, text: 'wrong name' }, { ...mallory.author, name: 'Somebody Else' }, localOrigin('x')));
    expect(await sendAs(mallory, board.id, renamed)).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R5: /) });
    const texts = () => stored(board.id).then((b) => [...b.notesById.values()].map((n) => n.text));
    expect(await texts()).toEqual(['Alice writes this']);

    const own = addNote(mallory.doc, { stageId, text: 'mine' }, mallory.author, localOrigin(mallory.memberId));
    await vi.waitFor(async () => expect((await stored(board.id)).notesById.get(own)?.authorId).toBe(mallory.memberId));
    await vi.waitFor(() => expect(readBoard(alice.doc).notesById.get(own)?.authorName).toBe('Mallory Neri'));
  });

  it('E5 (R11): an update whose dependencies are missing is refused and not kept to be released later', async () => {
    const { board, mallory, stageId } = await setup();
    const copy = new Y.Doc();
    copy.clientID = 987_654_321;
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(mallory.doc));
    const base = Y.encodeStateVector(copy);
    const first = addNote(copy, { stageId, text: 'first' }, mallory.author, localOrigin('m'));
    const firstOnly = Y.encodeStateAsUpdate(copy, base);
    const afterFirst = Y.encodeStateVector(copy);
    // On its own this edit of her own note would be fine, but it needs `first`.
    updateNote(copy, first, { text: 'second' }, localOrigin('m'));
    const secondOnly = Y.encodeStateAsUpdate(copy, afterFirst);

    expect(await sendAs(mallory, board.id, secondOnly)).toEqual({
      code: CLOSE.forbidden,
      reason: expect.stringMatching(/^R11: .*depends on changes/),
    });
    // The missing part now arrives. Had the server parked the second update
    // as pending, yjs would release it here and the text would read "second".
    const socket = await rawSocket(fixture.server.url, `/sync/${board.id}?token=${mallory.session}`);
    socket.sendUpdate(firstOnly);
    await vi.waitFor(async () => expect((await stored(board.id)).notesById.get(first)?.text).toBe('first'));
    const room = await fixture.server.rooms.peek(board.id);
    expect(room!.doc.store.pendingStructs).toBeNull();
    expect(room!.doc.store.pendingDs).toBeNull();
    expect(readBoard(room!.doc).notesById.get(first)?.text).toBe('first');
    socket.close();
  });

  it('E6 (R2, R3, R11): a participant writing structure (segments, stages, departments, title), the session, members or an unknown root is refused', async () => {
    const { board, alice, mallory } = await setup();
    const segmentId = readBoard(mallory.doc).segments[0]!.id;
    const attempts: [string, (doc: Y.Doc) => void][] = [
      ['R2', (doc) => (doc.getMap('segments').get(segmentId) as Y.Map<unknown>).set('name', 'Renamed')],
      ['R2', (doc) => doc.getMap('stages').clear()],
      ['R2', (doc) => doc.getMap('departments').delete('sales')],
      ['R2', (doc) => doc.getMap('meta').set('title', 'Mine now')],
      ['R2', (doc) => doc.getMap('session').set('phase', 'vote')],
      ['R3', (doc) => doc.getMap('members').set(mallory.memberId, 'facilitator')],
    ];
    for (const [rule, attempt] of attempts) {
      expect(await sendAs(mallory, board.id, craft(mallory, attempt))).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(new RegExp(`^${rule}: `)) });
    }
    // Mallory has used up her refusals for this minute (later ones are refused unjudged): the last attempt is Alice's.
    expect(await sendAs(alice, board.id, craft(alice, (doc) => doc.getArray('sneaky').insert(0, ['x']))))
      .toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R11: /) });
    const after = await stored(board.id);
    expect(after.segments[0]!.name).toBe('OEM design-in');
    expect(after.segments.flatMap((s) => s.stages)).toHaveLength(15);
    expect(after.meta.title).toBe('Test workshop');
  });

  it('E7: own notes can be created, edited, moved and deleted; the stock provider keeps working', async () => {
    const { board, alice, mallory, stageId } = await setup();
    const stages = readBoard(mallory.doc).segments[0]!.stages;
    const id = addNote(mallory.doc, { stageId, text: 'draft' }, mallory.author, localOrigin(mallory.memberId));
    updateNote(mallory.doc, id, { text: 'final', kind: 'best practice', owners: ['fae'] }, localOrigin(mallory.memberId));
    const { moveNote, deleteNote } = await import('../../shared/src/index.js');
    moveNote(mallory.doc, id, stages[1]!.id, 0, localOrigin(mallory.memberId));
    await vi.waitFor(() => expect(readBoard(alice.doc).notesById.get(id)).toMatchObject({ text: 'final', stageId: stages[1]!.id, kind: 'best practice' }));
    deleteNote(mallory.doc, id, localOrigin(mallory.memberId));
    await vi.waitFor(() => expect(readBoard(alice.doc).notesById.has(id)).toBe(false));
    expect(mallory.closes.filter((c) => c.code === CLOSE.forbidden)).toEqual([]);
    expect((await stored(board.id)).notesById.has(id)).toBe(false);
  });

  it('E8: the facilitator may change structure and anyone\'s note', async () => {
    const { board, alice, noteId } = await setup();
    const facilitator = await connectMember(fixture.server.url, board, 'facilitator', 'Fiona Facile', 'management');
    fixture.open.push(facilitator);
    await facilitator.synced;
    updateNote(facilitator.doc, noteId, { text: 'tidied by the facilitator' }, localOrigin(facilitator.memberId));
    (facilitator.doc.getMap('meta')).set('title', 'Renamed by the facilitator');
    await vi.waitFor(() => expect(readBoard(alice.doc).notesById.get(noteId)?.text).toBe('tidied by the facilitator'));
    await vi.waitFor(() => expect(readBoard(alice.doc).meta.title).toBe('Renamed by the facilitator'));
    expect(facilitator.closes.filter((c) => c.code === CLOSE.forbidden)).toEqual([]);
  });
});

describe('presence is stamped by the server', () => {
  it('E9: nobody can appear as someone else, or publish for another client id', async () => {
    const { board, alice, mallory } = await setup();
    mallory.provider.awareness.setLocalStateField('user', { id: alice.memberId, name: 'Alice Verdi', department: 'sales', color: '#ff0000', role: 'facilitator' });
    mallory.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    await vi.waitFor(() => {
      const seen = readPresence(alice.provider.awareness.getStates().get(mallory.doc.clientID));
      expect(seen?.cursor).toEqual({ x: 1, y: 2 });
      expect(seen?.user).toMatchObject({ id: mallory.memberId, name: 'Mallory Neri', department: 'support', role: 'participant', color: '#ff0000' });
    });

    // A hand-made awareness update claiming Alice's client id is dropped.
    alice.provider.awareness.setLocalStateField('cursor', { x: 5, y: 5 });
    await vi.waitFor(() => expect(mallory.provider.awareness.getStates().get(alice.doc.clientID)?.cursor).toEqual({ x: 5, y: 5 }));
    const fake = new awarenessProtocol.Awareness(new Y.Doc());
    fake.clientID = alice.doc.clientID;
    (fake as unknown as { meta: Map<number, { clock: number }> }).meta.set(alice.doc.clientID, { clock: 10_000, lastUpdated: 0 } as never);
    fake.setLocalState({ user: { name: 'Alice Verdi' }, cursor: { x: 666, y: 666 } });
    const socket = await rawSocket(fixture.server.url, `/sync/${board.id}?token=${mallory.session}`);
    socket.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(fake, [alice.doc.clientID]));
    alice.provider.awareness.setLocalStateField('cursor', { x: 6, y: 6 });
    await vi.waitFor(() => expect(mallory.provider.awareness.getStates().get(alice.doc.clientID)?.cursor).toEqual({ x: 6, y: 6 }));
    expect(mallory.provider.awareness.getStates().get(alice.doc.clientID)?.cursor).not.toEqual({ x: 666, y: 666 });
    socket.close();
  });
});
