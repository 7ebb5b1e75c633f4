import { useCallback, useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { readSharedView, type SharedView } from '../board-base/sharedView.js';

export interface Followed {
  id: string;
  name: string;
}

/** The published view of a person (any of their tabs that has one), from awareness. */
export function peerView(awareness: Awareness, memberId: string): SharedView | undefined {
  let found: SharedView | undefined;
  awareness.getStates().forEach((state, clientId) => {
    if (found || clientId === awareness.clientID) return;
    const s = state as { user?: { id?: unknown }; viewport?: unknown };
    if (s.user?.id === memberId) found = readSharedView(s.viewport);
  });
  return found;
}

/**
 * Follow someone's view: every change of their awareness `viewport` moves
 * ours. `stop` is called by the board as soon as we pan or zoom ourselves.
 */
export function useFollow(awareness: Awareness, onView: (view: SharedView) => void) {
  const [followed, setFollowed] = useState<Followed>();
  const onViewRef = useRef(onView);
  useEffect(() => {
    onViewRef.current = onView;
  });
  useEffect(() => {
    if (!followed) return;
    let last = '';
    const apply = () => {
      const view = peerView(awareness, followed.id);
      const key = view ? `${view.x},${view.y},${view.scale}` : '';
      if (!view || key === last) return;
      last = key;
      onViewRef.current(view);
    };
    apply();
    awareness.on('change', apply);
    return () => awareness.off('change', apply);
  }, [awareness, followed]);
  const stop = useCallback(() => setFollowed(undefined), []);
  return { followed, follow: setFollowed, stop };
}
