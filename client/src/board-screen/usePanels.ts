import { useCallback, useState } from 'react';

/** The side panels; at most one is open, on the right of the board body. */
export type PanelName = 'people' | 'structure' | 'voting' | 'links' | 'duplicates' | 'results';

/**
 * Which side panel is open. One at a time on purpose: they share the right
 * edge (the note inspector moves left of an open panel, styles.css), and on a
 * phone a panel covers the whole screen. Toggling the open one closes it.
 */
export function usePanels() {
  const [panel, setPanel] = useState<PanelName>();
  const toggle = useCallback((name: PanelName) => setPanel((p) => (p === name ? undefined : name)), []);
  const open = useCallback((name: PanelName) => setPanel(name), []);
  const close = useCallback(() => setPanel(undefined), []);
  return { panel, toggle, open, close };
}
