import { useCallback } from 'react';
import type { BoardMode } from '../roadmap/boardModes.js';
import type { ConvergeScreen } from './useConvergeScreen.js';
import type { RoadmapScreen } from './useRoadmapScreen.js';

export interface MenuViews {
  /** The view the menu marks as showing. */
  mode: BoardMode;
  setMode: (mode: BoardMode) => void;
  /** Whether the toolbar shows "← Board" (the list/board switch does that job on a participant's phone). */
  back: boolean;
}

/**
 * The menu's views on every screen. On a participant's phone the list is the
 * board view's list mode (the toolbar's Board/List switch), so the menu's
 * "Board" and "List" choose that mode instead of a second, separate list.
 */
export function useMenuViews(roadmap: RoadmapScreen, converge: ConvergeScreen, participant: boolean): MenuViews {
  const phone = converge.narrow && participant;
  const { setMode: setRoadmapMode } = roadmap;
  const { setPhoneList } = converge;
  const setMode = useCallback((mode: BoardMode) => {
    if (phone && (mode === 'board' || mode === 'list')) {
      setPhoneList(mode === 'list');
      setRoadmapMode('board');
    } else setRoadmapMode(mode);
  }, [phone, setPhoneList, setRoadmapMode]);
  const mode: BoardMode = phone && roadmap.mode === 'board' && converge.phoneList ? 'list' : roadmap.mode;
  return { mode, setMode, back: mode !== 'board' && !(phone && mode === 'list') };
}
