import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  PHASES, PHASE_ABILITIES, ROLES, addNote, castVote, checkChanges, configureVoting, deleteNote, localOrigin, mayAddDot, mayEditNote,
  noteMemberKey, proposeOwner, readBoard, readEffect, rightsOf, roots, setPhase, setPrivateWriting, setVotingOpen,
  updateNote, votesLeft, type Actor, type Change, type Role, type Verdict,
} from '../../shared/src/index.js';
import { smallBoard, system } from './helpers.js';

/**
 * The client offers what `rightsOf` allows; the server applies what
 * `checkChanges` accepts. These tests tie the two: for every role, phase,
 * private writing and voting state, a representative change of each kind is
 * accepted exactly when the rights say so.
 */

const actorOf = (role: Role): Actor => ({ role, memberId: 'alice', name: 'Alice', department: 'sales' });

/** What the server decides for `actor` doing `change` on `board` (the staging replica's way). */
function judge(board: Y.Doc, actor: Actor, change: (doc: Y.Doc) => void): Verdict {
  const after = new Y.Doc();
  Y.applyUpdate(after, Y.encodeStateAsUpdate(board));
  let changes: Change[] = [];
  after.on('afterTransaction', (tr: Y.Transaction) => {
    changes = readEffect(tr, board, after);
  });
  change(after);
  expect(changes.length).toBeGreaterThan(0);
  return checkChanges(board, after, actor, changes);
}

function board(phase: (typeof PHASES)[number], privateWriting: boolean, votingOpen: boolean) {
  const { doc, stageA } = smallBoard();
  const own = addNote(doc, { stageId: stageA, text: 'mine' }, { id: 'alice', name: 'Alice', department: 'sales' }, system);
  const other = addNote(doc, { stageId: stageA, text: 'theirs' }, { id: 'bob', name: 'Bob', department: '' }, system);
  configureVoting(doc, { votesPerPerson: 5, capPerNote: null, hideResults: false }, system);
  setVotingOpen(doc, votingOpen, system);
  setPhase(doc, phase, system);
  setPrivateWriting(doc, privateWriting, system);
  return { doc, stageA, own, other };
}

describe('rightsOf and checkChanges agree', () => {
  for (const role of ROLES) {
    for (const phase of PHASES) {
      for (const privateWriting of [false, true]) {
        for (const votingOpen of [false, true]) {
          it(`${role}, ${phase}, private writing ${privateWriting ? 'on' : 'off'}, voting ${votingOpen ? 'open' : 'closed'}`, () => {
            const b = board(phase, privateWriting, votingOpen);
            const actor = actorOf(role);
            const me = localOrigin('alice');
            const rights = rightsOf(role, readBoard(b.doc).session, 'alice');
            // A facilitator's change is accepted whatever it is; their rights only narrow what the screen offers.
            const accepted = (allowed: boolean) => rights.facilitate || allowed;
            const cases: [string, boolean, (doc: Y.Doc) => void][] = [
              ['add a note', rights.writeNotes && !rights.drafting,
                (d) => addNote(d, { stageId: b.stageA, text: 'new' }, { id: 'alice', name: 'Alice', department: 'sales' }, me)],
              ['edit their own note', mayEditNote(rights, 'alice'), (d) => updateNote(d, b.own, { text: 'edited' }, me)],
              ['delete their own note', mayEditNote(rights, 'alice'), (d) => deleteNote(d, b.own, me)],
              ["edit someone else's note", mayEditNote(rights, 'bob'), (d) => updateNote(d, b.other, { text: 'edited' }, me)],
              ['vote', rights.vote, (d) => roots(d).votes.set(noteMemberKey(b.other, 'alice'), 1)],
              ['propose an owner', rights.propose, (d) => proposeOwner(d, b.other, 'alice', 'engineering', me)],
              ['change the phase', rights.facilitate, (d) => setPhase(d, phase === 'review' ? 'setup' : 'review', me)],
            ];
            for (const [what, allowed, change] of cases) {
              expect({ what, ok: judge(b.doc, actor, change).ok }).toEqual({ what, ok: accepted(allowed) });
            }
            // And the rights themselves are the documented ones (docs/security.md, PHASE_ABILITIES).
            const abilities = PHASE_ABILITIES[phase];
            const participant = role === 'participant';
            const facilitator = role === 'facilitator';
            expect(rights).toEqual({
              memberId: 'alice',
              change: role !== 'viewer',
              facilitate: facilitator,
              writeNotes: facilitator || (participant && abilities.writeNotes),
              drafting: participant && privateWriting,
              vote: votingOpen && (facilitator || (participant && abilities.vote)),
              propose: facilitator || (participant && abilities.propose),
            });
          });
        }
      }
    }
  }
});

describe('dots', () => {
  it('mayAddDot offers exactly the dots the server accepts (votes left, cap per note)', () => {
    const b = board('vote', false, true);
    configureVoting(b.doc, { votesPerPerson: 2, capPerNote: 1, hideResults: false }, system);
    const actor = actorOf('participant');
    const me = localOrigin('alice');
    const offered = (noteId: string) => {
      const snapshot = readBoard(b.doc);
      const rights = rightsOf('participant', snapshot.session, 'alice');
      const mine = snapshot.votesByNote.get(noteId)?.byMember.get('alice') ?? 0;
      return mayAddDot(rights, snapshot.session.voting, votesLeft(snapshot, 'alice'), mine);
    };
    const server = (noteId: string) => {
      const count = (readBoard(b.doc).votesByNote.get(noteId)?.byMember.get('alice') ?? 0) + 1;
      return judge(b.doc, actor, (d) => roots(d).votes.set(noteMemberKey(noteId, 'alice'), count)).ok;
    };
    const steps: [string, boolean][] = [[b.own, true], [b.own, false], [b.other, true], [b.other, false]];
    for (const [noteId, expected] of steps) {
      expect(offered(noteId)).toBe(expected);
      expect(server(noteId)).toBe(expected);
      if (expected) castVote(b.doc, noteId, 'alice', me);
    }
    expect(votesLeft(readBoard(b.doc), 'alice')).toBe(0);
    expect(votesLeft(b.doc, 'alice')).toBe(0);
  });
});
