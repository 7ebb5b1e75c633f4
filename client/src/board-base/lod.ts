/**
 * Level of detail for a zoomed-out board (pure, so it is cheap to test). Below
 * OVERVIEW_SCALE a note's own text is a few pixels high, so each stage is drawn
 * as a summary instead: its note count, its top notes' text and its owners as
 * department chips, all at a fixed size ON SCREEN (LOD_PX) so a projector at
 * "Fit" stays readable from the back of the room.
 */
import type { Note } from '../../../shared/src/index.js';

/** On-screen text sizes of the summary, in CSS pixels (the projector test asks for at least 14). */
export const LOD_PX = { lane: 20, title: 18, count: 16, note: 15, chip: 14 } as const;

/** Steps per doubling of the zoom: the summary is laid out again only when the zoom crosses one. */
const BUCKETS_PER_OCTAVE = 8;

/**
 * The zoom the summary is laid out for: the given zoom rounded DOWN to a step,
 * so text drawn at LOD_PX / bucket is never smaller than LOD_PX on screen,
 * and small zoom changes (an animation, a wheel) do not lay it out again.
 */
export function lodBucket(scale: number): number {
  return 2 ** (Math.floor(Math.log2(scale) * BUCKETS_PER_OCTAVE) / BUCKETS_PER_OCTAVE);
}

/**
 * The notes a stage summary shows first. Once voting is over (`byVotes`) the
 * most dotted notes lead; otherwise the newest ones, so the projector shows
 * what the room just wrote. Parked notes come last either way; ties go to the
 * newest, then the id (the same order on every screen).
 */
export function topNotes(notes: readonly Note[], byVotes: boolean, dots: (note: Note) => number, limit: number): Note[] {
  const score = new Map(notes.map((n) => [n.id, byVotes ? dots(n) : 0]));
  return [...notes]
    .sort((a, b) => Number(a.status === 'parked') - Number(b.status === 'parked')
      || score.get(b.id)! - score.get(a.id)!
      || b.createdAt - a.createdAt
      || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, limit));
}

export interface OwnerChip {
  department: string;
  count: number;
}

/**
 * Who owns a stage's notes: per department, the notes it is responsible for
 * (or, while nobody is confirmed, most proposed for), most first.
 */
export function ownerChips(notes: readonly Note[], ownerOf: (note: Note) => string | undefined): OwnerChip[] {
  const counts = new Map<string, number>();
  for (const n of notes) {
    const d = ownerOf(n);
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return [...counts].map(([department, count]) => ({ department, count }))
    .sort((a, b) => b.count - a.count || (a.department < b.department ? -1 : 1));
}
