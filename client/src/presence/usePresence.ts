import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { readPresence, type PresenceState, type PresenceUser } from '../../../shared/src/index.js';

/** ~20 cursor updates per second at most: 60 people share one room. */
const CURSOR_INTERVAL_MS = 50;

/** Publishes who we are; returns a throttled setter for our cursor (board coordinates or null). */
export function useLocalPresence(awareness: Awareness, user: PresenceUser) {
  const { id, name, department, color, role } = user;
  useEffect(() => {
    awareness.setLocalStateField('user', { id, name, department, color, role } satisfies PresenceUser);
  }, [awareness, id, name, department, color, role]);

  const last = useRef(0);
  const pending = useRef<PresenceState['cursor'] | undefined>(undefined);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return useCallback(
    (cursor: PresenceState['cursor']) => {
      const flush = () => {
        timer.current = undefined;
        last.current = performance.now();
        if (pending.current !== undefined) awareness.setLocalStateField('cursor', pending.current);
        pending.current = undefined;
      };
      pending.current = cursor ? { x: Math.round(cursor.x), y: Math.round(cursor.y) } : null;
      const wait = CURSOR_INTERVAL_MS - (performance.now() - last.current);
      if (wait <= 0) flush();
      else if (timer.current === undefined) timer.current = window.setTimeout(flush, wait);
    },
    [awareness],
  );
}

export interface Peer {
  clientId: number;
  presence: PresenceState;
  self: boolean;
}

/** Every valid awareness state, ours included, re-read on each awareness change. */
export function usePeers(awareness: Awareness): Peer[] {
  const cache = useRef<Peer[]>([]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const handler = () => {
        cache.current = readPeers(awareness);
        onChange();
      };
      cache.current = readPeers(awareness);
      awareness.on('change', handler);
      return () => awareness.off('change', handler);
    },
    [awareness],
  );
  return useSyncExternalStore(subscribe, () => cache.current);
}

function readPeers(awareness: Awareness): Peer[] {
  const out: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const presence = readPresence(state);
    if (presence) out.push({ clientId, presence, self: clientId === awareness.clientID });
  });
  return out;
}

const FALLBACK_COLORS = ['#475569', '#0e7490', '#9333ea', '#c2410c', '#15803d'];

/** A stable colour for people without a department. */
export function fallbackColor(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return FALLBACK_COLORS[h % FALLBACK_COLORS.length] ?? '#475569';
}
