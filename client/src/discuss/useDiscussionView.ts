import { useMemo } from 'react';
import {
  discussionProgress, ownerProposers, ownerTally, rankBoard, type BoardSnapshot, type Department, type Discussion,
  type DiscussionProgress, type Note, type RankedNote,
} from '../../../shared/src/index.js';

/** How many of the coming agenda notes every screen lists under the current one. */
const UPCOMING = 3;

/** One department's line in the tally: how many propose it, and who. */
export interface TallyLine {
  department: Department;
  count: number;
  names: string[];
}

export interface DiscussionView extends DiscussionProgress {
  discussion: Discussion;
  /** The current note's place in the board's ranking (ties shown as ties). */
  ranked: RankedNote | undefined;
  /** Dots on the current note; null while totals are hidden from us. */
  votes: number | null;
  tally: TallyLine[];
  /** The next few agenda notes that still exist, for the room to see what comes. */
  upcoming: Note[];
  /** "Segment · Stage" of the current note, and its segment's colour. */
  place: string;
  color: string | undefined;
}

/**
 * What every screen shows of the running discussion, read from the board
 * with the model's own rules: progress and "current" (discussionProgress),
 * the owner tally (ownerTally) with the names behind it (ownerProposers), the
 * rank (rankBoard). Nothing is counted here a second way.
 */
export function useDiscussionView(snapshot: BoardSnapshot, facilitator: boolean): DiscussionView | undefined {
  return useMemo(() => {
    const discussion = snapshot.session.discussion;
    if (!discussion) return undefined;
    const progress = discussionProgress(snapshot, discussion);
    const note: Note | undefined = progress.note;
    const voting = snapshot.session.voting;
    const hidden = !facilitator && voting?.open === true && voting.hideResults;
    const ranked = note ? rankBoard(snapshot).find((r) => r.note.id === note.id) : undefined;
    const names = note ? ownerProposers(snapshot, note.id) : new Map<string, string[]>();
    const tally = note ? ownerTally(snapshot, note.id).flatMap(({ department, count }) => {
      const d = snapshot.departmentsByKey.get(department);
      return d ? [{ department: d, count, names: names.get(department) ?? [] }] : [];
    }) : [];
    const upcoming: Note[] = [];
    // After the current note's own place (it may sit past `index` when notes before it were removed).
    const from = note ? discussion.noteIds.indexOf(note.id) + 1 : discussion.noteIds.length;
    for (let i = from; i < discussion.noteIds.length && upcoming.length < UPCOMING; i++) {
      const next = snapshot.notesById.get(discussion.noteIds[i]!);
      if (next) upcoming.push(next);
    }
    const stage = note ? snapshot.stagesById.get(note.stageId) : undefined;
    const segment = snapshot.segments.find((s) => s.id === stage?.segmentId);
    return {
      ...progress, discussion, ranked, tally, upcoming,
      votes: hidden || !note ? null : (snapshot.votesByNote.get(note.id)?.total ?? 0),
      place: [segment?.name, stage?.name].filter(Boolean).join(' · '),
      color: segment?.color,
    };
  }, [snapshot, facilitator]);
}
