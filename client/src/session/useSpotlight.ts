import { useEffect, useRef } from 'react';
import { type Spotlight } from '../../../shared/src/index.js';

/**
 * Calls `apply` when the facilitator sets a new spotlight (its `seq` grows),
 * never for the spotlight already on the board when we open it: that one is
 * old news, and yanking a freshly opened view somewhere would be confusing.
 * The baseline is taken once the doc has synced with the server.
 */
export function useSpotlight(spotlight: Spotlight | null, synced: boolean, apply: (s: Spotlight) => void): void {
  const seen = useRef<number | undefined>(undefined);
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  });
  useEffect(() => {
    if (!synced) return;
    const seq = spotlight?.seq ?? 0;
    if (seen.current === undefined) {
      seen.current = seq;
      return;
    }
    if (spotlight && seq > seen.current) {
      seen.current = seq;
      applyRef.current(spotlight);
    }
  }, [spotlight, synced]);
}
