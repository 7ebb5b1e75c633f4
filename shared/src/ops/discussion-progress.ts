import type { BoardSnapshot } from '../read-board.js';
import type { Note } from '../schema/note.js';
import type { Discussion } from '../schema/session.js';
import { ownerProposals } from './owners.js';

/** Where a discussion stands, as every screen shows it. */
export interface DiscussionProgress {
  /** The note under discussion; undefined once the agenda is done. */
  note: Note | undefined;
  /** 1-based place of `note` among the agenda notes that still exist (0 when done). */
  position: number;
  /** Agenda notes that still exist (removed or merged ones drop out of the count). */
  total: number;
  /**
   * Agenda notes already discussed: decided (status `accepted` or `parked`)
   * or passed (the facilitator moved on without deciding). "12 of 40 discussed".
   */
  discussed: number;
  /** The agenda is done: no existing note at or after `index`. */
  done: boolean;
  /** Has an existing agenda note before the current one (Previous is possible). */
  hasPrevious: boolean;
}

/**
 * Reads a discussion against the board. A current note that was removed or
 * merged meanwhile is skipped (the next existing agenda note is shown), the
 * same rule the operations use, so screens and operations agree on "current".
 */
export function discussionProgress(
  snapshot: Pick<BoardSnapshot, 'notesById'>, discussion: Discussion,
): DiscussionProgress {
  const passed = new Set(discussion.passed);
  let total = 0;
  let discussed = 0;
  let note: Note | undefined;
  let position = 0;
  let hasPrevious = false;
  discussion.noteIds.forEach((id, i) => {
    const n = snapshot.notesById.get(id);
    if (!n) return;
    total += 1;
    if (n.status !== 'open' || passed.has(id)) discussed += 1;
    if (i < discussion.index) hasPrevious = true;
    if (!note && i >= discussion.index) {
      note = n;
      position = total;
    }
  });
  return { note, position, total, discussed, done: note === undefined, hasPrevious };
}

/** Milliseconds left of the current note's time box at `serverNow` (never negative); null without a time box. */
export function timeboxRemainingMs(discussion: Discussion, serverNow: number): number | null {
  if (discussion.timeboxSeconds === null) return null;
  return Math.max(0, discussion.noteStartedAt + discussion.timeboxSeconds * 1000 - serverNow);
}

/**
 * The names behind each department's count in `ownerTally` (both read
 * `ownerProposals`, where the one-proposal rule is written). A proposer who
 * is not a member is named by the note's author name when they wrote it, else
 * counted by the tally but not named here.
 */
export function ownerProposers(
  snapshot: Pick<BoardSnapshot, 'notesById' | 'proposalsByNote' | 'departments' | 'membersById'>, noteId: string,
): Map<string, string[]> {
  const note = snapshot.notesById.get(noteId);
  const out = new Map<string, Set<string>>();
  if (!note) return new Map();
  for (const [department, memberIds] of ownerProposals(snapshot, noteId)) {
    const names = new Set<string>();
    for (const memberId of memberIds) {
      const name = snapshot.membersById.get(memberId)?.name ?? (memberId === note.authorId ? note.authorName : '');
      if (name) names.add(name);
    }
    if (names.size > 0) out.set(department, names);
  }
  return new Map([...out].map(([d, names]) => [d, [...names].sort((a, b) => a.localeCompare(b))]));
}
