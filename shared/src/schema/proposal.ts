import { DEPARTMENT_KEY_PATTERN } from '../ids.js';

/**
 * `proposals`: key `${noteId}:${memberId}` (see note-member-key.ts), value the
 * department key that member proposes as owner of that note. One proposal per
 * person per note; changing it overwrites the value, withdrawing deletes it.
 * A key of a department that no longer exists is kept but ignored by the tally.
 */
export function readProposal(value: unknown): { value: string } | { errors: string[] } {
  if (typeof value !== 'string' || !DEPARTMENT_KEY_PATTERN.test(value)) {
    return { errors: ['department must be a department key'] };
  }
  return { value };
}
