import type { OpenNotesChoice } from '../protocol/exports.js';
import type { Roadmap } from './types.js';

/**
 * What a booklet shows of the notes still to decide. The figure (on the cover
 * and per stage) is shown whenever the roadmap takes accepted notes only, even
 * when it is 0, so a final booklet says that nothing is left open; the list
 * (its own "Still to decide" section) unless the facilitator chose to omit it.
 * In `all-open` mode every open note is already an action: nothing apart.
 */
export function openNotesShown(roadmap: Roadmap, choice: OpenNotesChoice = 'include'): { count: boolean; list: boolean } {
  const count = roadmap.include === 'accepted';
  return { count, list: count && choice !== 'omit' };
}
