import { useCallback, useEffect, useRef, useState } from 'react';

/** The side panels; at most one is open, on the right of the board body. */
export type PanelName = 'people' | 'structure' | 'voting' | 'links' | 'duplicates' | 'results';

/**
 * Which side panel is open. One at a time on purpose: they share the right
 * edge (the note inspector moves left of an open panel, styles.css), and on a
 * phone a panel covers the whole screen. Toggling the open one closes it.
 */
export function usePanels(discussing = false) {
  const [panel, setPanel] = useState<PanelName>();
  // "Discuss next" starts while a panel covers a phone's whole screen (often Results, to watch the
  // ranking): close it, or the room moves on to a note this person cannot see.
  const wasDiscussing = useRef(discussing);
  useEffect(() => {
    if (discussing && !wasDiscussing.current && window.matchMedia('(max-width: 720px)').matches) setPanel(undefined);
    wasDiscussing.current = discussing;
  }, [discussing]);
  const toggle = useCallback((name: PanelName) => setPanel((p) => (p === name ? undefined : name)), []);
  const open = useCallback((name: PanelName) => setPanel(name), []);
  const close = useCallback(() => setPanel(undefined), []);
  return { panel, toggle, open, close };
}
