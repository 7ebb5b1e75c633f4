import {
  ownerTally, rankBoard, type BoardSnapshot, type Note, type NoteKind, type NoteStatus, type OwnerCount,
} from '../../../shared/src/index.js';
import { foldText } from './foldText.js';

/** One note as the table shows it: plain values, computed once per snapshot. */
export interface TableRow {
  id: string;
  note: Note;
  /** Position in the board's reading order (segment, stage, note order): the default sort. */
  index: number;
  segmentId: string;
  segmentName: string;
  stageId: string;
  stageName: string;
  kind: NoteKind;
  text: string;
  authorId: string;
  authorName: string;
  /** The author's department key ('' when none). */
  department: string;
  /** Dots on the note; null while totals are hidden from us (voting open with hideResults). */
  votes: number | null;
  /** Competition rank by dots (1, 1, 3); null while totals are hidden. */
  rank: number | null;
  tied: boolean;
  /** Proposed owners, most proposals first (ownerTally). */
  tally: OwnerCount[];
  contested: boolean;
  status: NoteStatus;
  responsible: string;
  supporting: string[];
  mergedCount: number;
  /** Text, author and merged texts, accent-folded, for the search box. */
  haystack: string;
}

/**
 * "Contested owner": people propose more than one department and the runner-up
 * has at least half the proposals of the leader (2 vs 2, 3 vs 2, 4 vs 2 are
 * contested; 3 vs 1 is not). Shown in the filter's tooltip, so the room knows
 * what the facilitator filtered on.
 */
export function isContested(tally: readonly OwnerCount[]): boolean {
  const [top, second] = tally;
  return top !== undefined && second !== undefined && second.count * 2 >= top.count;
}

/** Every note on a stage (orphans left out), in reading order, with its rank and owner tally. */
export function buildRows(snapshot: BoardSnapshot, votesHidden: boolean): TableRow[] {
  const ranked = new Map(rankBoard(snapshot).map((r) => [r.note.id, r]));
  const rows: TableRow[] = [];
  for (const segment of snapshot.segments) {
    for (const stage of segment.stages) {
      for (const note of snapshot.notesByStage.get(stage.id) ?? []) {
        const r = ranked.get(note.id);
        const tally = ownerTally(snapshot, note.id);
        rows.push({
          id: note.id, note, index: rows.length,
          segmentId: segment.id, segmentName: segment.name, stageId: stage.id, stageName: stage.name,
          kind: note.kind, text: note.text, authorId: note.authorId, authorName: note.authorName,
          department: note.authorDepartment,
          votes: votesHidden ? null : (r?.votes ?? 0),
          rank: votesHidden ? null : (r?.rank ?? null),
          tied: !votesHidden && (r?.tied ?? false),
          tally, contested: isContested(tally),
          status: note.status, responsible: note.responsible, supporting: note.supporting,
          mergedCount: note.merged.length,
          haystack: foldText([note.text, note.authorName, ...note.merged.map((m) => m.text)].join('\n')),
        });
      }
    }
  }
  return rows;
}
