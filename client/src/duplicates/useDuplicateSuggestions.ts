import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { BoardSnapshot, DuplicatePair, Note } from '../../../shared/src/index.js';
import { SuggestionCache } from './suggestionCache.js';

/** A suggested pair with its two notes, as the panel shows it. */
export interface Suggestion extends DuplicatePair {
  first: Note;
  second: Note;
}

/** Quiet time after the last board change before suggestions are recomputed. */
const SETTLE_MS = 300;

/** `value`, once it has stopped changing for `ms`: a burst of edits costs one recomputation. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Duplicate suggestions for the facilitator in the cluster phase, computed in
 * the browser (shared/src/similarity). Kept off the typing path: it waits until
 * the board has been quiet for SETTLE_MS, reads that snapshot deferred (React
 * renders input first, the suggestions after), and recomputes only the
 * segments whose notes changed (SuggestionCache; docs/duplicates.md has the
 * timings).
 * Dismissed pairs, and pairs whose note is gone (merged, deleted), are
 * filtered afterwards. Off (nothing computed, an empty list) unless `enabled`.
 */
export function useDuplicateSuggestions(snapshot: BoardSnapshot, enabled: boolean): Suggestion[] {
  const deferred = useDeferredValue(useSettled(snapshot, SETTLE_MS));
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
