import type { BoardSnapshot } from '../read-board.js';
import type { Note } from '../schema/note.js';

/** One note's place in a ranking by dots. */
export interface RankedNote {
  note: Note;
  /** Dots on the note (0 when none). */
  votes: number;
  /**
   * Competition rank: 1 for the most dots; notes with the same dots share a
   * rank and the next rank skips (1, 1, 3). Ties are shown as ties, never
   * broken silently.
   */
  rank: number;
  /** True when another note in the same ranking has the same dots. */
  tied: boolean;
}

type RankSource = Pick<BoardSnapshot, 'segments' | 'notesByStage' | 'votesByNote'>;

/**
 * Ranks `notes` by dots, most first. Equal dots keep the board's reading order
 * (segment, stage, note order), the order `notes` come in, so the list is stable
 * while people vote.
 */
export function rankNotes(notes: readonly Note[], votesByNote: RankSource['votesByNote']): RankedNote[] {
  const scored = notes.map((note, index) => ({ note, index, votes: votesByNote.get(note.id)?.total ?? 0 }));
  scored.sort((a, b) => b.votes - a.votes || a.index - b.index);
  const counts = new Map<number, number>();
  for (const s of scored) counts.set(s.votes, (counts.get(s.votes) ?? 0) + 1);
  let rank = 0;
  let previous = Number.NaN;
  return scored.map((s, position) => {
    if (s.votes !== previous) { rank = position + 1; previous = s.votes; }
    return { note: s.note, votes: s.votes, rank, tied: (counts.get(s.votes) ?? 0) > 1 };
  });
}

/** Every note on a stage, in the board's reading order (segments, stages, notes). */
export function notesInReadingOrder(snapshot: Pick<RankSource, 'segments' | 'notesByStage'>, segmentId?: string): Note[] {
  const out: Note[] = [];
  for (const segment of snapshot.segments) {
    if (segmentId !== undefined && segment.id !== segmentId) continue;
    for (const stage of segment.stages) out.push(...(snapshot.notesByStage.get(stage.id) ?? []));
  }
  return out;
}

/** The board's ranking: every note on a stage (orphans left out). */
export function rankBoard(snapshot: RankSource): RankedNote[] {
  return rankNotes(notesInReadingOrder(snapshot), snapshot.votesByNote);
}

/** One stage's ranking. */
export function rankStage(snapshot: RankSource, stageId: string): RankedNote[] {
  return rankNotes(snapshot.notesByStage.get(stageId) ?? [], snapshot.votesByNote);
}
