import { describe, expect, it, vi } from 'vitest';
import { CLOSE, addNote, dismissDuplicate, localOrigin, readBoard } from '../../shared/src/index.js';
import { connectMember } from '../support/clients.js';
import { storedDoc, useTestServer } from '../support/in-process-server.js';
import { aliceAndMallory, craft, sendAs } from '../support/hostile-participant.js';

/**
 * `session.dismissedDuplicates` is facilitator-only like the rest of the
 * session (R2): a participant's dismissal never reaches the board, a
 * facilitator's is kept and read back by everyone, also from storage.
 */
const fixture = useTestServer();

async function stored(boardId: string) {
  return readBoard(await storedDoc(fixture.server, boardId));
}

describe('dismissing a duplicate suggestion', () => {
  it('is refused for a participant (R2) and accepted for a facilitator', async () => {
    const { board, alice, mallory, stageId } = await aliceAndMallory(fixture);
    const a = addNote(alice.doc, { stageId, text: 'Spedire i campioni entro 48 ore' }, alice.author, localOrigin(alice.memberId));
    const b = addNote(alice.doc, { stageId, text: 'Campioni spediti entro 48 ore' }, alice.author, localOrigin(alice.memberId));
    await vi.waitFor(() => expect(readBoard(mallory.doc).notesById.has(b)).toBe(true));

    const forged = craft(mallory, (doc) => dismissDuplicate(doc, a, b, localOrigin(mallory.memberId)));
    expect(await sendAs(fixture.server.url, mallory, board.id, forged))
      .toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R2: /) });
    expect((await stored(board.id)).session.dismissedDuplicates).toEqual([]);

    const facilitator = await connectMember(fixture.server.url, board, 'facilitator', 'Fiona Facile', 'management');
    fixture.open.push(facilitator);
    await facilitator.synced;
    const key = dismissDuplicate(facilitator.doc, a, b, localOrigin(facilitator.memberId));
    await vi.waitFor(() => expect(readBoard(alice.doc).session.dismissedDuplicates).toEqual([key]));
    expect((await stored(board.id)).session.dismissedDuplicates).toEqual([key]);
    expect(facilitator.closes.filter((c) => c.code === CLOSE.forbidden)).toEqual([]);
  });
});
