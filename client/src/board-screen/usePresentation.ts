import { useCallback, useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { readSharedView } from '../board-base/sharedView.js';
import type { Followed } from '../presence/useFollow.js';

/** `?present=1` on any board link opens it straight in presentation mode (a viewer link on the projector). */
export const PRESENT_PARAM = 'present';

function presentInUrl(): boolean {
  return new URLSearchParams(window.location.search).get(PRESENT_PARAM) === '1';
}

/** Keeps `?present=1` in the address while presenting, so a reload stays on the projector view. */
function setPresentInUrl(on: boolean): void {
  const url = new URL(window.location.href);
  if (on) url.searchParams.set(PRESENT_PARAM, '1');
  else url.searchParams.delete(PRESENT_PARAM);
  window.history.replaceState(window.history.state, '', url);
}

/**
 * Presentation mode (the projector): on from `?present=1` or the menu, off
 * with Escape or the exit button. The browser's full screen is asked for when
 * started by a click (it needs one) and left when presentation ends; leaving
 * that full screen (the browser takes the first Escape for it) ends it too.
 */
export function usePresentation() {
  const [on, setOn] = useState(presentInUrl);
  /** We put the page in full screen: its end is the end of the presentation. */
  const ownFullscreen = useRef(false);
  const start = useCallback(() => {
    setOn(true);
    setPresentInUrl(true);
    document.documentElement.requestFullscreen?.().then(() => {
      ownFullscreen.current = true;
    }, () => undefined);
  }, []);
  const stop = useCallback(() => {
    setOn(false);
    setPresentInUrl(false);
    ownFullscreen.current = false;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  }, []);
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) stop();
    };
    const onFullscreen = () => {
      if (!document.fullscreenElement && ownFullscreen.current) stop();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [on, stop]);
  return { on, start, stop };
}

/**
 * Whom a presenting screen follows: another tab of our own (the facilitator
 * drives from the laptop, the projector window follows), or, for anyone who
 * is not a facilitator, the facilitator who last brought everyone somewhere,
 * else any facilitator. A facilitator presenting alone drives the view
 * themselves. Only people who publish a view are followed.
 */
export function presenterOf(
  awareness: Awareness, me: { id: string; facilitator: boolean }, preferId: string | undefined,
): Followed | undefined {
  const candidates: (Followed & { own: boolean })[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const s = state as { user?: { id?: unknown; name?: unknown; role?: unknown }; viewport?: unknown };
    const id = s.user?.id;
    if (typeof id !== 'string' || !readSharedView(s.viewport)) return;
    const own = id === me.id;
    if (!own && (me.facilitator || s.user?.role !== 'facilitator')) return;
    candidates.push({ id, name: typeof s.user?.name === 'string' ? s.user.name : '', own });
  });
  const pick = candidates.find((c) => c.own) ?? candidates.find((c) => c.id === preferId) ?? candidates[0];
  return pick && { id: pick.id, name: pick.name };
}

/** While presenting and not following anyone, follow the presenter as soon as there is one. */
export function useFollowPresenter(active: boolean, awareness: Awareness, me: { id: string; facilitator: boolean },
  preferId: string | undefined, followed: Followed | undefined, follow: (f: Followed) => void): void {
  const { id, facilitator } = me;
  useEffect(() => {
    if (!active || followed) return;
    const check = () => {
      const who = presenterOf(awareness, { id, facilitator }, preferId);
      if (who) follow(who);
    };
    check();
    awareness.on('change', check);
    return () => awareness.off('change', check);
  }, [active, awareness, id, facilitator, preferId, followed, follow]);
}
