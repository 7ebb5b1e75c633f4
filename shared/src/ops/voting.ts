import type * as Y from 'yjs';
import { ENTITY_ID_PATTERN } from '../ids.js';
import type { Origin } from '../origin.js';
import type { BoardSnapshot } from '../read-board.js';
import { roots } from '../schema/layout.js';
import { noteMemberKey, parseNoteMemberKey } from '../schema/note-member-key.js';
import { VOTES_PER_PERSON_MAX, readVoting, type Voting } from '../schema/session.js';
import { readVoteCount } from '../schema/vote.js';
import { invalid, notFound } from './errors.js';
import { sortedSiblings } from './sorted.js';

/** Either a live doc (ops, server checks) or a snapshot (screens). */
export type VoteSource = Y.Doc | Pick<BoardSnapshot, 'votesByNote' | 'session'>;

function isDoc(source: VoteSource): source is Y.Doc {
  return typeof (source as Y.Doc).getMap === 'function';
}

function currentVoting(doc: Y.Doc): Voting | null {
  const read = readVoting(roots(doc).session.get('voting'));
  return 'value' in read ? read.value : null;
}

/** A key's dots, 0 when absent or malformed. */
function countAt(doc: Y.Doc, key: string): number {
  const read = readVoteCount(roots(doc).votes.get(key));
  return 'value' in read ? read.value : 0;
}

/**
 * Dots per note and member as stored in the doc, counting only notes that
 * exist (dots left on a deleted note are free again, as in the reader).
 */
export function voteCountsFromDoc(doc: Y.Doc): Map<string, Map<string, number>> {
  const { votes, notes } = roots(doc);
  const out = new Map<string, Map<string, number>>();
  votes.forEach((value, key) => {
    const parsed = parseNoteMemberKey(key);
    const read = readVoteCount(value);
    if (!parsed || !('value' in read) || !notes.has(parsed.noteId)) return;
    let byMember = out.get(parsed.noteId);
    if (!byMember) out.set(parsed.noteId, (byMember = new Map()));
    byMember.set(parsed.memberId, read.value);
  });
  return out;
}

/** Dots `memberId` has on notes that exist. */
export function votesUsed(source: VoteSource, memberId: string): number {
  let used = 0;
  if (isDoc(source)) {
    for (const byMember of voteCountsFromDoc(source).values()) used += byMember.get(memberId) ?? 0;
  } else {
    for (const tally of source.votesByNote.values()) used += tally.byMember.get(memberId) ?? 0;
  }
  return used;
}

/** Dots `memberId` can still spend; 0 when voting is not configured. */
export function votesLeft(source: VoteSource, memberId: string): number {
  const voting = isDoc(source) ? currentVoting(source) : source.session.voting;
  if (!voting) return 0;
  return Math.max(0, voting.votesPerPerson - votesUsed(source, memberId));
}

export interface VotingConfig {
  votesPerPerson: number;
  capPerNote: number | null;
  hideResults: boolean;
}

/** Sets the voting rules; keeps voting open or closed as it was (closed when new). */
export function configureVoting(doc: Y.Doc, config: VotingConfig, origin: Origin): void {
  const { votesPerPerson, capPerNote, hideResults } = config;
  if (!Number.isInteger(votesPerPerson) || votesPerPerson < 1 || votesPerPerson > VOTES_PER_PERSON_MAX) {
    invalid('invalid-votes-per-person', `Votes per person must be a whole number from 1 to ${VOTES_PER_PERSON_MAX}`, { max: VOTES_PER_PERSON_MAX });
  }
  if (capPerNote !== null && (!Number.isInteger(capPerNote) || capPerNote < 1 || capPerNote > VOTES_PER_PERSON_MAX)) {
    invalid('invalid-cap-per-note', `The cap per note must be empty or a whole number from 1 to ${VOTES_PER_PERSON_MAX}`, { max: VOTES_PER_PERSON_MAX });
  }
  if (typeof hideResults !== 'boolean') invalid('invalid-input', 'hideResults must be true or false');
  const voting: Voting = { open: currentVoting(doc)?.open ?? false, votesPerPerson, capPerNote, hideResults };
  doc.transact(() => roots(doc).session.set('voting', voting), origin);
}

export function setVotingOpen(doc: Y.Doc, open: boolean, origin: Origin): void {
  if (typeof open !== 'boolean') invalid('invalid-input', 'open must be true or false');
  const voting = currentVoting(doc);
  if (!voting) invalid('voting-not-configured', 'Voting is not configured');
  doc.transact(() => roots(doc).session.set('voting', { ...voting, open }), origin);
}

function checkVoteInput(doc: Y.Doc, noteId: string, memberId: string): Voting {
  if (typeof memberId !== 'string' || !ENTITY_ID_PATTERN.test(memberId)) invalid('invalid-member-id', 'Member id is not valid');
  if (typeof noteId !== 'string' || !ENTITY_ID_PATTERN.test(noteId) || !roots(doc).notes.has(noteId)) {
    notFound('Note', String(noteId));
  }
  const voting = currentVoting(doc);
  if (!voting?.open) invalid('voting-closed', 'Voting is not open');
  return voting;
}

/** Puts one of `memberId`'s dots on a note. */
export function castVote(doc: Y.Doc, noteId: string, memberId: string, origin: Origin): void {
  const voting = checkVoteInput(doc, noteId, memberId);
  if (votesUsed(doc, memberId) >= voting.votesPerPerson) invalid('no-dots-left', 'No dots left');
  const key = noteMemberKey(noteId, memberId);
  const current = countAt(doc, key);
  if (voting.capPerNote !== null && current >= voting.capPerNote) {
    invalid('note-cap-reached', `At most ${voting.capPerNote} dots per note`, { count: voting.capPerNote });
  }
  doc.transact(() => roots(doc).votes.set(key, current + 1), origin);
}

/** Takes one of `memberId`'s dots back from a note (the key goes away at 0). */
export function retractVote(doc: Y.Doc, noteId: string, memberId: string, origin: Origin): void {
  checkVoteInput(doc, noteId, memberId);
  const key = noteMemberKey(noteId, memberId);
  const current = countAt(doc, key);
  if (current < 1) invalid('no-own-dot', 'No dot of yours on this note');
  doc.transact(() => {
    if (current === 1) roots(doc).votes.delete(key);
    else roots(doc).votes.set(key, current - 1);
  }, origin);
}

/**
 * Rewrites the `order` of a stage's notes (1..n) so they sort by total dots,
 * most first; notes with equal totals keep their current relative order.
 */
export function sortStageByVotes(doc: Y.Doc, stageId: string, origin: Origin): void {
  const { stages, notes } = roots(doc);
  if (!stages.has(stageId)) notFound('Stage', stageId);
  const counts = voteCountsFromDoc(doc);
  const total = (noteId: string): number => {
    let sum = 0;
    for (const n of counts.get(noteId)?.values() ?? []) sum += n;
    return sum;
  };
  const current = sortedSiblings(notes, (n) => n.get('stageId') === stageId);
  // Array.prototype.sort is stable (ES2019), so ties keep the current order.
  const sorted = current.map((n) => ({ id: n.id, order: n.order, total: total(n.id) }))
    .sort((a, b) => b.total - a.total);
  doc.transact(() => {
    sorted.forEach((n, i) => {
      if (n.order !== i + 1) notes.get(n.id)?.set('order', i + 1);
    });
  }, origin);
}
