import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, addNote, localOrigin, readBoard } from '../../shared/src/index.js';
import { connectMember, type Member } from '../support/clients.js';
import { useTestServer } from '../support/in-process-server.js';
import { aliceAndMallory, craft, sendAs as send } from '../support/hostile-participant.js';

const BOARD_LIMIT = 8 * 1024 * 1024;

/** `craft` with the client id first, as these tests vary it. */
const craftAs = (member: Member, clientID: number, change: (doc: Y.Doc) => void) => craft(member, change, clientID);

/**
 * Issue 10 §1 and §3: what a participant's note may carry, whose client id an
 * update may be written under, how much one person may add, and the room kept
 * for the facilitator near the board's size limit. Raw bytes, real server.
 */
const fixture = useTestServer({ MAX_BOARD_BYTES: String(BOARD_LIMIT) });

const setup = () => aliceAndMallory(fixture);
const sendAs = (member: Member, boardId: string, update: Uint8Array) => send(fixture.server.url, member, boardId, update);

describe('what one participant may write', () => {
  it('R9: a new note with a field the board layout does not have is refused, whatever its size', async () => {
    const { board, mallory, stageId } = await setup();
    const update = craftAs(mallory, 77_001, (doc) => {
      const id = addNote(doc, { stageId, text: 'Looks normal' }, mallory.author, localOrigin(mallory.memberId));
      (doc.getMap('notes').get(id) as Y.Map<unknown>).set('padding', 'x'.repeat(100_000));
    });
    expect(await sendAs(mallory, board.id, update)).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R9: .*unknown field padding/) });
  });

  it('R9: an edit of one\'s own note may not add a field either', async () => {
    const { board, mallory, stageId } = await setup();
    const id = addNote(mallory.doc, { stageId, text: 'Mine' }, mallory.author, localOrigin(mallory.memberId));
    await vi.waitFor(async () => {
      const room = await fixture.server.rooms.peek(board.id);
      expect(room?.doc.getMap('notes').has(id)).toBe(true);
    });
    const update = craftAs(mallory, 77_002, (doc) => (doc.getMap('notes').get(id) as Y.Map<unknown>).set('extra', 'x'));
    expect(await sendAs(mallory, board.id, update)).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R9: .*not a valid note/) });
  });

  it('R11: an update written under a colleague\'s client id is refused, and the colleague\'s next note still lands', async () => {
    const { board, alice, mallory, stageId } = await setup();
    addNote(alice.doc, { stageId, text: 'Alice first' }, alice.author, localOrigin(alice.memberId));
    await vi.waitFor(() => expect(readBoard(mallory.doc).notesById.size).toBe(1));
    // Mallory's own, valid note, but under Alice's client id and the clocks Alice will use next.
    const update = craftAs(mallory, alice.doc.clientID, (doc) => {
      addNote(doc, { stageId, text: 'Taking Alice\'s clocks' }, mallory.author, localOrigin(mallory.memberId));
    });
    expect(await sendAs(mallory, board.id, update)).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R11: .*someone else's client id/) });
    const next = addNote(alice.doc, { stageId, text: 'Alice second' }, alice.author, localOrigin(alice.memberId));
    await vi.waitFor(() => expect(readBoard(mallory.doc).notesById.get(next)?.text).toBe('Alice second'));
  });

  /** `member` adds notes of 1,000 characters, 50 per update, until the server refuses one; returns the close. */
  async function fill(member: Member, boardId: string, stageId: string) {
    const room = (await fixture.server.rooms.peek(boardId))!;
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      member.provider.on('connection-close', (e: { code: number; reason: string } | null) => resolve({ code: e?.code ?? 0, reason: e?.reason ?? '' })));
    let refused: { code: number; reason: string } | undefined;
    void closed.then((c) => (refused = c));
    for (let i = 0; !refused && i < 400; i++) {
      member.doc.transact(() => {
        for (let n = 0; n < 50; n++) addNote(member.doc, { stageId, text: `${i}.${n} ${'y'.repeat(990)}` }, member.author, localOrigin(member.memberId));
      }, localOrigin(member.memberId));
      await vi.waitFor(() => expect(refused !== undefined || Y.getState(room.doc.store, member.doc.clientID) === Y.getState(member.doc.store, member.doc.clientID)).toBe(true));
      await room.flushed();
    }
    return { closed: await closed, room };
  }

  it('R11: one person may add only so much to one board', async () => {
    const { board, alice, stageId } = await setup();
    const { closed, room } = await fill(alice, board.id, stageId);
    expect(closed).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R11\/person-quota: .*as much as one person/) });
    // Everything before the refusal is kept, nothing of the refused update.
    expect(room.storedBytes).toBeGreaterThan(3.5 * 1024 * 1024);
    expect(room.storedBytes).toBeLessThan(4.5 * 1024 * 1024);
  }, 120_000);

  it('R11: near the board\'s limit only the facilitator may still write', async () => {
    const { board, alice, stageId } = await setup();
    const bruno = await connectMember(fixture.server.url, board, 'participant', 'Bruno Neri', 'sales');
    const facilitator = await connectMember(fixture.server.url, board, 'facilitator', 'Fede Conti', '');
    fixture.open.push(bruno, facilitator);
    await Promise.all([bruno.synced, facilitator.synced]);
    await fill(alice, board.id, stageId);
    const { closed, room } = await fill(bruno, board.id, stageId);
    expect(closed).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R11\/board-nearly-full: .*nearly full/) });
    expect(room.storedBytes).toBeGreaterThan(0.85 * BOARD_LIMIT);
    facilitator.doc.getMap('meta').set('title', 'Tidied');
    await vi.waitFor(() => expect(room.doc.getMap('meta').get('title')).toBe('Tidied'));
  }, 120_000);
});
