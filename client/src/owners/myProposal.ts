import {
  proposeOwner, updateNote, type BoardSnapshot, type Note,
} from '../../../shared/src/index.js';
import type { BoardActions } from '../board-base/BoardContext.js';

/**
 * One owner proposal per person per note, the author included, on every screen
 * (the rule is written down at ownerTally). Our proposal is our entry of
 * `proposals`; for the author, until they make one, the pick they made while
 * writing the note (its `owners`).
 */
export function myProposal(snapshot: Pick<BoardSnapshot, 'proposalsByNote'>, note: Note, myId: string): string {
  const proposed = snapshot.proposalsByNote.get(note.id)?.get(myId);
  if (proposed !== undefined) return proposed;
  return note.authorId === myId ? (note.owners[0] ?? '') : '';
}

/**
 * Makes `key` our proposal on a board note ('' withdraws it), in one
 * transaction. The author's pick while writing is cleared at the same time
 * when they may still edit the note, so withdrawing never brings it back;
 * when they may not (a phase that closed writing) the proposal replaces it.
 */
export function propose(
  run: BoardActions['run'], note: Note, myId: string, key: string, mayEditNote: boolean,
): void {
  run((doc, origin) => doc.transact(() => {
    proposeOwner(doc, note.id, myId, key || null, origin);
    if (note.authorId === myId && mayEditNote && note.owners.length > 0) updateNote(doc, note.id, { owners: [] }, origin);
  }, origin));
}
