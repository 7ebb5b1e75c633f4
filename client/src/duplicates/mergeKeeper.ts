import type { BoardSnapshot, Note } from '../../../shared/src/index.js';

/**
 * Which note of a duplicate pair stays when the facilitator merges it with
 * one click: the one with more dots (the room already rallied behind it),
 * then the older one (the original wording), then the smaller id so the
 * choice is the same on every screen. The other is merged into it and keeps
 * its text, author and dots there (board-schema invariant 10).
 */
export function mergeKeeper(snapshot: BoardSnapshot, a: Note, b: Note): { target: Note; source: Note } {
  const dots = (n: Note) => snapshot.votesByNote.get(n.id)?.total ?? 0;
  const aFirst = dots(a) !== dots(b) ? dots(a) > dots(b)
    : a.createdAt !== b.createdAt ? a.createdAt < b.createdAt
    : a.id < b.id;
  return aFirst ? { target: a, source: b } : { target: b, source: a };
}
