import { describe, expect, it, vi } from 'vitest';
import {
  CLOSE, addNote, bulkConfirmOwners, bulkMoveToStage, bulkSetStatus, localOrigin, readBoard,
} from '../../shared/src/index.js';
import { connectMember } from '../support/clients.js';
import { storedDoc, useTestServer } from '../support/in-process-server.js';
import { aliceAndMallory, craft, sendAs } from '../support/hostile-participant.js';

/**
 * The notes table's bulk actions (shared/src/ops/bulk.ts) through a real
 * server: the facilitator's are applied and stored; a participant's bulk
 * change is judged note by note like any other update, so one note it may
 * not touch (or a field only facilitators write) refuses the whole update.
 */
const fixture = useTestServer();

async function stored(boardId: string) {
  return readBoard(await storedDoc(fixture.server, boardId));
}

async function setup() {
  const { board, alice, mallory, stageId } = await aliceAndMallory(fixture);
  const fac = await connectMember(fixture.server.url, board, 'facilitator', 'Giulia Neri', 'sales');
  fixture.open.push(fac);
  await fac.synced;
  const stages = readBoard(alice.doc).segments[0]!.stages;
  const aliceNotes = ['one', 'two', 'three'].map((text) =>
    addNote(alice.doc, { stageId, text: `Alice ${text}` }, alice.author, localOrigin(alice.memberId)));
  const malloryNote = addNote(mallory.doc, { stageId, text: 'Mallory one' }, mallory.author, localOrigin(mallory.memberId));
  const all = [...aliceNotes, malloryNote];
  await vi.waitFor(() => {
    for (const m of [fac, mallory, alice]) expect(all.every((id) => readBoard(m.doc).notesById.has(id))).toBe(true);
  });
  return { board, alice, mallory, fac, aliceNotes, malloryNote, all, stageId, otherStage: stages[1]!.id };
}

describe('bulk actions from the notes table, enforced by the server for each note', () => {
  it("the facilitator's bulk status, owners and move are applied, stored and seen by everyone", async () => {
    const { board, alice, fac, all, otherStage } = await setup();
    const origin = localOrigin(fac.memberId);
    bulkSetStatus(fac.doc, all, 'accepted', origin);
    bulkConfirmOwners(fac.doc, all, { responsible: 'sales', supporting: ['marketing'] }, origin);
    bulkMoveToStage(fac.doc, all.slice(0, 2), otherStage, origin);
    await vi.waitFor(async () => {
      const s = await stored(board.id);
      expect(all.map((id) => s.notesById.get(id)?.status)).toEqual(all.map(() => 'accepted'));
      expect(all.map((id) => s.notesById.get(id)?.responsible)).toEqual(all.map(() => 'sales'));
      expect((s.notesByStage.get(otherStage) ?? []).map((n) => n.id).slice(-2)).toEqual(all.slice(0, 2));
    });
    await vi.waitFor(() => expect(readBoard(alice.doc).notesById.get(all[0]!)?.status).toBe('accepted'));
    expect(fac.closes).toEqual([]);
  });

  it("a participant's bulk status change, even on their own notes, is refused and nothing is stored", async () => {
    const { board, mallory, malloryNote } = await setup();
    const update = craft(mallory, (doc) => bulkSetStatus(doc, [malloryNote], 'accepted', localOrigin(mallory.memberId)));
    expect(await sendAs(fixture.server.url, mallory, board.id, update)).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R\d+: /) });
    expect((await stored(board.id)).notesById.get(malloryNote)?.status).toBe('open');
  });

  it("a participant's bulk move of their own note plus another's is refused whole (R4)", async () => {
    const { board, mallory, aliceNotes, malloryNote, stageId, otherStage } = await setup();
    const update = craft(mallory, (doc) =>
      bulkMoveToStage(doc, [malloryNote, aliceNotes[0]!], otherStage, localOrigin(mallory.memberId)));
    expect(await sendAs(fixture.server.url, mallory, board.id, update)).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R4: /) });
    const s = await stored(board.id);
    expect([s.notesById.get(malloryNote)?.stageId, s.notesById.get(aliceNotes[0]!)?.stageId]).toEqual([stageId, stageId]);
  });

  it("a participant's bulk move of only their own notes is accepted (the same rules as one note)", async () => {
    const { board, mallory, malloryNote, otherStage } = await setup();
    bulkMoveToStage(mallory.doc, [malloryNote], otherStage, localOrigin(mallory.memberId));
    await vi.waitFor(async () => expect((await stored(board.id)).notesById.get(malloryNote)?.stageId).toBe(otherStage));
    expect(mallory.closes).toEqual([]);
  });
});
