import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { SharedView } from '../board-base/sharedView.js';

/** At most five view updates per second: enough to follow, cheap for 60 people. */
const VIEW_INTERVAL_MS = 200;

/** Publishes our view in awareness (`viewport`) for "follow" and "bring everyone to me". */
export function usePublishView(awareness: Awareness, view: SharedView | undefined): void {
  const last = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(view);
  useEffect(() => {
    latest.current = view;
    if (!view) return;
    const flush = () => {
      timer.current = undefined;
      last.current = performance.now();
      if (latest.current) awareness.setLocalStateField('viewport', latest.current);
    };
    const wait = VIEW_INTERVAL_MS - (performance.now() - last.current);
    if (wait <= 0) flush();
    else if (timer.current === undefined) timer.current = window.setTimeout(flush, wait);
  }, [awareness, view]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
}
