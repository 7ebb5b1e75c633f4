import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  CLOSE, addDraft, autoAssignGroups, castVote, configureVoting, confirmOwners, draftsRoom, localOrigin, mergeNotes,
  ownerTally, proposeOwner, readBoard, setNoteStatus, setPhase, setPrivateWriting, setVotingOpen,
} from '../../shared/src/index.js';
import { connect, connectMember, createBoard, type Member, type TestClient } from '../support/clients.js';
import { useTestServer } from '../support/in-process-server.js';
import { scenario } from '../support/seed-demo.js';
import { seededRandom } from '../support/random.js';

/**
 * The example workshop run end to end with the scenario's 60 participants as
 * simulated clients (stock y-websocket providers) and one facilitator:
 * breakouts, private brainstorm, reveal, dot voting, owner proposals and
 * confirmation, merging duplicates, accepting. Every client must converge and
 * no honest client may ever be refused.
 */
const fixture = useTestServer();

describe('a two-day workshop with 60 participants', () => {
  it('runs from breakouts to confirmed owners with everyone converging', { timeout: 120_000 }, async () => {
    const rnd = seededRandom(20261127);
    const board = await createBoard(fixture.server.url, { title: 'Workshop di visione', template: 'vision-workshop', language: 'it' });
    const fac = await connectMember(fixture.server.url, board, 'facilitator', 'Chiara Conti', 'management');
    fixture.open.push(fac);
    const people: Member[] = [];
    for (const p of scenario.participants) {
      const m = await connectMember(fixture.server.url, board, 'participant', p.name, p.department);
      fixture.open.push(m);
      people.push(m);
    }
    await Promise.all([fac.synced, ...people.map((p) => p.synced)]);
    const f = localOrigin(fac.memberId);
    await vi.waitFor(() => expect(readBoard(fac.doc).members).toHaveLength(61), { timeout: 20_000 });

    // Breakouts: 20 people per segment.
    const groups = autoAssignGroups(fac.doc, people.map((p) => p.memberId), f);
    const perSegment = new Map<string, number>();
    for (const segmentId of groups.values()) perSegment.set(segmentId, (perSegment.get(segmentId) ?? 0) + 1);
    expect([...perSegment.values()]).toEqual([20, 20, 20]);

    // Private brainstorm: two drafts each, in stages of their own segment.
    setPrivateWriting(fac.doc, true, f);
    await vi.waitFor(() => expect(people.every((p) => readBoard(p.doc).session.privateWriting)).toBe(true), { timeout: 20_000 });
    const drafts: TestClient[] = [];
    for (const p of people) {
      const d = connect(fixture.server.url, draftsRoom(board.id), p.session);
      fixture.open.push(d);
      drafts.push(d);
    }
    await Promise.all(drafts.map((d) => d.synced));
    const snapshot = readBoard(fac.doc);
    people.forEach((p, i) => {
      const segment = snapshot.segments.find((s) => s.id === groups.get(p.memberId))!;
      for (let k = 0; k < 2; k++) {
        const stage = segment.stages[Math.floor(rnd() * segment.stages.length)]!;
        addDraft(drafts[i]!.doc, p.doc, { stageId: stage.id, text: `${p.author.name}: idea ${k + 1}`, kind: k === 0 ? 'action' : 'best practice' }, p.author, localOrigin(p.memberId));
      }
    });
    // Drafts are invisible to everyone else until the reveal.
    expect(readBoard(fac.doc).notesById.size).toBe(0);

    // Wait until every draft reached the server before revealing.
    await vi.waitFor(async () => {
      let total = 0;
      for (const p of people) {
        const room = await fixture.server.rooms.peek(board.id, `private/${p.memberId}`);
        total += room?.doc.getMap('notes').size ?? 0;
      }
      expect(total).toBe(120);
    }, { timeout: 20_000 });
    setPrivateWriting(fac.doc, false, f);
    await vi.waitFor(() => expect([fac, ...people].every((p) => readBoard(p.doc).notesById.size === 120)).toBe(true), { timeout: 30_000 });
    const notes = [...readBoard(fac.doc).notesById.values()];
    for (const p of people) {
      expect(notes.filter((n) => n.authorId === p.memberId).map((n) => n.authorName)).toEqual([p.author.name, p.author.name]);
    }

    // Dot voting: 3 dots each, at most 2 per note.
    configureVoting(fac.doc, { votesPerPerson: 3, capPerNote: 2, hideResults: true }, f);
    setPhase(fac.doc, 'vote', f);
    setVotingOpen(fac.doc, true, f);
    await vi.waitFor(() => expect(people.every((p) => readBoard(p.doc).session.voting?.open)).toBe(true), { timeout: 20_000 });
    for (const p of people) {
      // Three different notes each: a third dot on one note would exceed the cap of 2.
      const picks = new Set<number>();
      while (picks.size < 3) picks.add(Math.floor(rnd() * 40));
      for (const k of picks) castVote(p.doc, notes[k]!.id, p.memberId, localOrigin(p.memberId));
    }
    await vi.waitFor(() => {
      let total = 0;
      for (const tally of readBoard(fac.doc).votesByNote.values()) total += tally.total;
      expect(total).toBe(180);
    }, { timeout: 30_000 });
    setVotingOpen(fac.doc, false, f);

    // Owners: everyone proposes an owner for two notes; the facilitator confirms the top proposal.
    setPhase(fac.doc, 'assign', f);
    await vi.waitFor(() => expect(people.every((p) => readBoard(p.doc).session.phase === 'assign')).toBe(true), { timeout: 20_000 });
    const departments = readBoard(fac.doc).departments.map((d) => d.key);
    for (const p of people) {
      for (let k = 0; k < 2; k++) {
        const note = notes[Math.floor(rnd() * 20)]!;
        proposeOwner(p.doc, note.id, p.memberId, departments[Math.floor(rnd() * 3)]!, localOrigin(p.memberId));
      }
    }
    await vi.waitFor(() => {
      let total = 0;
      for (const byMember of readBoard(fac.doc).proposalsByNote.values()) total += byMember.size;
      expect(total).toBeGreaterThan(100);
    }, { timeout: 30_000 });
    const afterProposals = readBoard(fac.doc);
    for (const note of notes.slice(0, 20)) {
      const top = ownerTally(afterProposals, note.id)[0];
      if (top) confirmOwners(fac.doc, note.id, { responsible: top.department, supporting: [] }, f);
      setNoteStatus(fac.doc, note.id, 'accepted', f);
    }
    // Merge two duplicates: nothing is lost.
    const [keep, dup] = [notes[0]!, notes[1]!];
    const votesBefore = (readBoard(fac.doc).votesByNote.get(keep.id)?.total ?? 0) + (readBoard(fac.doc).votesByNote.get(dup.id)?.total ?? 0);
    mergeNotes(fac.doc, keep.id, [dup.id], f);

    // Everyone converges on the same board; no honest client was ever refused.
    const final = () => readBoard(fac.doc);
    await vi.waitFor(() => {
      const expected = Y.encodeStateVector(fac.doc);
      for (const p of people) expect(Y.encodeStateVector(p.doc)).toEqual(expected);
    }, { timeout: 30_000 });
    const merged = final().notesById.get(keep.id)!;
    expect(final().notesById.has(dup.id)).toBe(false);
    expect(merged.merged.map((m) => m.text)).toEqual([dup.text]);
    expect(final().votesByNote.get(keep.id)?.total ?? 0).toBe(votesBefore);
    expect(final().notesById.size).toBe(119);
    expect([...final().notesById.values()].filter((n) => n.status === 'accepted').length).toBeGreaterThanOrEqual(19);
    for (const c of [fac, ...people, ...drafts]) expect(c.closes.filter((x) => x.code === CLOSE.forbidden)).toEqual([]);
  });
});
