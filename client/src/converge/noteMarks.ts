import { useCallback, useState } from 'react';
import { ownerTally, type Note, type NoteStatus, type OwnerCount } from '../../../shared/src/index.js';
import type { Converge } from '../board-base/ConvergeContext.js';

/** What the canvas draws on a note besides its text: dots, owners, status, merge highlight. */
export interface NoteMarksData {
  status: NoteStatus;
  /** Voting was configured: the note shows its dots (when it has any, or when we can vote). */
  showDots: boolean;
  /** Total dots, or null while totals are hidden (then only `myDots` shows). */
  dotTotal: number | null;
  myDots: number;
  /** We can spend and take back dots on this note now: the note shows its +/− row. */
  canVote: boolean;
  canAdd: boolean;
  /** Confirmed responsible department key, or ''. */
  responsible: string;
  supporting: number;
  /** Proposals, most first (only shown while nobody is confirmed). */
  tally: OwnerCount[];
  highlight: 'merge-target' | 'multi' | null;
}

export type NoteMarksSource = (note: Note, draft: boolean) => NoteMarksData | undefined;

/** Whether the note has a bottom row (owners or voting), which takes room from the text. */
export function hasBottomRow(m: NoteMarksData | undefined): boolean {
  return m !== undefined && (m.canVote || m.responsible !== '' || m.tally.length > 0);
}

/**
 * Per-note marks for the canvas. Each note keeps the very same marks object
 * while what it shows is unchanged, so the memoized NoteShape of every other
 * note skips re-rendering when one dot or one proposal changes.
 */
export function useNoteMarks(
  converge: Converge, mergeTargetId: string | undefined, multiIds: ReadonlySet<string>,
): NoteMarksSource {
  const [cache] = useState(() => new Map<string, { sig: string; marks: NoteMarksData }>());
  return useCallback((note: Note, draft: boolean) => {
    if (draft) return undefined;
    const { snapshot, voting } = converge;
    const dots = converge.dots(note.id);
    const marks: NoteMarksData = {
      status: note.status,
      showDots: voting !== null && (converge.canVote || (dots.total ?? dots.mine) > 0),
      dotTotal: dots.total,
      myDots: dots.mine,
      canVote: converge.canVote,
      canAdd: converge.canAdd(note.id),
      responsible: note.responsible,
      supporting: note.supporting.length,
      tally: note.responsible ? [] : ownerTally(snapshot, note.id),
      highlight: note.id === mergeTargetId ? 'merge-target' : multiIds.has(note.id) ? 'multi' : null,
    };
    const sig = JSON.stringify(marks);
    const cached = cache.get(note.id);
    if (cached?.sig === sig) return cached.marks;
    cache.set(note.id, { sig, marks });
    return marks;
  }, [converge, mergeTargetId, multiIds, cache]);
}
