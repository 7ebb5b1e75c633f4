import { useDeferredValue, useMemo } from 'react';
import type { BoardSnapshot, DuplicatePair, Note } from '../../../shared/src/index.js';
import { SuggestionCache } from './suggestionCache.js';

/** A suggested pair with its two notes, as the panel shows it. */
export interface Suggestion extends DuplicatePair {
  first: Note;
  second: Note;
}

/**
 * Duplicate suggestions for the facilitator in the cluster phase, computed in
 * the browser (shared/src/similarity). Kept cheap while people type: it reads
 * a deferred snapshot (React renders the typing first, the suggestions after)
 * and recomputes only the segments whose notes changed (SuggestionCache).
 * Dismissed pairs, and pairs whose note is gone (merged, deleted), are
 * filtered afterwards. Off (nothing computed, an empty list) unless `enabled`.
 */
export function useDuplicateSuggestions(snapshot: BoardSnapshot, enabled: boolean): Suggestion[] {
  const deferred = useDeferredValue(snapshot);
  const cache = useMemo(() => new SuggestionCache(), []);
  const pairs = useMemo(() => (enabled ? cache.pairs(deferred) : []), [cache, deferred, enabled]);
  const dismissed = snapshot.session.dismissedDuplicates;
  const notesById = snapshot.notesById;
  return useMemo(() => {
    const skip = new Set(dismissed);
    const list: Suggestion[] = [];
    for (const pair of pairs) {
      const first = notesById.get(pair.a);
      const second = notesById.get(pair.b);
      if (!first || !second || skip.has(pair.key)) continue;
      list.push({ ...pair, first, second });
    }
    return list;
  }, [pairs, dismissed, notesById]);
}
