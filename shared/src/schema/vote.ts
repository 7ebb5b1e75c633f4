/**
 * `votes`: key `${noteId}:${memberId}` (see note-member-key.ts), value the
 * number of dots that member put on that note, a plain integer >= 1. A key is
 * deleted when its count would reach 0.
 */

/**
 * Upper bound a reader accepts for one key. Not the voting rule (that is
 * `votesPerPerson`, at most 50): merging notes sums counts without caps, and
 * two devices of one person can race, so a count may legitimately exceed 50.
 * This only rejects absurd values.
 */
export const VOTE_COUNT_MAX = 1000;

export function readVoteCount(value: unknown): { value: number } | { errors: string[] } {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > VOTE_COUNT_MAX) {
    return { errors: [`count must be an integer from 1 to ${VOTE_COUNT_MAX}`] };
  }
  return { value };
}
