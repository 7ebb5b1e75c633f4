import { useCallback, useEffect, useMemo, useState } from 'react';
import { buildRoadmap, type BoardSnapshot, type Role, type Roadmap } from '../../../shared/src/index.js';
import type { BoardMode } from '../roadmap/boardModes.js';
import { tableViewInUrl } from '../table/tableUrl.js';
import { listViewInUrl, writeListUrl } from '../phone/listUrl.js';

export interface RoadmapScreenInput {
  role: Role;
  /** The board doc only (never private drafts). */
  snapshot: BoardSnapshot;
  /** Shows a note on the board (selects it and brings it into view). */
  onJumpToNote: (noteId: string) => void;
}

/**
 * The roadmap's state on the board screen: which view shows (Board / List / Table /
 * Roadmap / Adoption), the facilitator's "After the workshop" panel, and the stage whose
 * commitments and feedback are open. The toolbar menu (BoardMenu) switches it;
 * RoadmapLayer draws it over the board body.
 */
export interface RoadmapScreen {
  mode: BoardMode;
  setMode: (mode: BoardMode) => void;
  /** The facilitator's "After the workshop" panel is open. */
  afterOpen: boolean;
  toggleAfter: () => void;
  closeAfter: () => void;
  /** Saved versions in one step: opens the panel at its versions, name field focused. */
  openVersions: () => void;
  /** The panel was opened by `openVersions` and should bring its versions into view (once). */
  focusVersions: boolean;
  versionsFocused: () => void;
  /** The stage whose follow-up dialog is open. */
  stageId: string | undefined;
  setStageId: (stageId: string | undefined) => void;
  roadmap: Roadmap;
  /** Back to the board view, on this note. */
  jump: (noteId: string) => void;
}

export function useRoadmapScreen({ role, snapshot, onJumpToNote }: RoadmapScreenInput): RoadmapScreen {
  // A shared table link (`?view=table&…`) opens the table; the table itself reads its filter from the URL.
  // `?view=list` opens the list view, and the address follows it (listUrl.ts).
  const [mode, setMode] = useState<BoardMode>(() => {
    const { search } = window.location;
    return tableViewInUrl(search) ? 'table' : listViewInUrl(search) ? 'list' : 'board';
  });
  useEffect(() => writeListUrl(mode === 'list'), [mode]);
  const [panel, setPanel] = useState(false);
  const [stageId, setStageId] = useState<string>();
  const roadmap = useMemo(() => buildRoadmap(snapshot), [snapshot]);
  const facilitator = role === 'facilitator';
  const jump = useCallback((noteId: string) => {
    setMode('board');
    onJumpToNote(noteId);
  }, [onJumpToNote]);

  const [focusVersions, setFocusVersions] = useState(false);
  const toggleAfter = useCallback(() => setPanel((p) => !p), []);
  const closeAfter = useCallback(() => setPanel(false), []);
  const openVersions = useCallback(() => {
    setPanel(true);
    setFocusVersions(true);
  }, []);
  const versionsFocused = useCallback(() => setFocusVersions(false), []);
  return {
    mode, setMode, afterOpen: panel && facilitator, toggleAfter, closeAfter, openVersions, focusVersions, versionsFocused,
    stageId, setStageId, roadmap, jump,
  };
}
