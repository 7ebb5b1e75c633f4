import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { buildRoadmap, type BoardSnapshot, type Role } from '../../../shared/src/index.js';
import type { BoardLayout } from '../board-base/layout.js';
import type { Viewport } from '../board-base/useViewport.js';
import { ExportItems } from '../exports/ExportItems.js';
import { AfterWorkshopPanel } from './AfterWorkshopPanel.js';
import { StageBadges } from '../followup/StageBadges.js';
import { StageFollowUpDialog } from '../followup/StageFollowUpDialog.js';
import { AdoptionView } from '../roadmap/AdoptionView.js';
import type { BoardMode } from '../roadmap/boardModes.js';
import { RoadmapView } from '../roadmap/RoadmapView.js';
import '../roadmap/roadmap.css';
import '../followup/followup.css';

export interface RoadmapScreenInput {
  boardId: string;
  /** Personal session or viewer token: exports and follow-up calls. */
  token: string;
  role: Role;
  /** The board doc only (never private drafts). */
  snapshot: BoardSnapshot;
  layout: BoardLayout;
  viewport: Viewport;
  /** Shows a note on the board (selects it and brings it into view). */
  onJumpToNote: (noteId: string) => void;
}

/**
 * Everything about the roadmap on the board screen: which view shows (Board /
 * Roadmap / Adoption), the Export entries, the facilitator's "After the
 * workshop" panel, the stage chips for commitments and feedback, and their
 * dialog. Returns the state the toolbar menu switches and what goes over the
 * board body.
 */
export interface RoadmapScreen {
  mode: BoardMode;
  setMode: (mode: BoardMode) => void;
  /** The facilitator's "After the workshop" panel. */
  afterOpen: boolean;
  toggleAfter: () => void;
  /** The Export section of the toolbar menu; `onDone` closes the menu. */
  exportItems: (onDone: () => void) => ReactNode;
  body: ReactNode;
}

export function useRoadmapScreen(input: RoadmapScreenInput): RoadmapScreen {
  const { boardId, token, role, snapshot, layout, viewport, onJumpToNote } = input;
  const [mode, setMode] = useState<BoardMode>('board');
  const [panel, setPanel] = useState(false);
  const [stageId, setStageId] = useState<string>();
  const roadmap = useMemo(() => buildRoadmap(snapshot), [snapshot]);
  const facilitator = role === 'facilitator';
  const jump = useCallback((noteId: string) => {
    setMode('board');
    onJumpToNote(noteId);
  }, [onJumpToNote]);

  const toggleAfter = useCallback(() => setPanel((p) => !p), []);
  const exportItems = (onDone: () => void) => (
    <ExportItems boardId={boardId} token={token} title={snapshot.meta.title} layout={layout} onDone={onDone} />
  );
  const body = (
    <>
      {mode === 'board' && <StageBadges layout={layout} viewport={viewport} roadmap={roadmap} onOpen={setStageId} />}
      {mode === 'roadmap' && <RoadmapView roadmap={roadmap} facilitator={facilitator} onJump={jump} />}
      {mode === 'adoption' && <AdoptionView snapshot={snapshot} boardId={boardId} token={token} />}
      {panel && facilitator && (
        <AfterWorkshopPanel boardId={boardId} token={token} roadmap={roadmap} onOpenStage={setStageId} onClose={() => setPanel(false)} />
      )}
      {stageId && <StageFollowUpDialog stageId={stageId} roadmap={roadmap} snapshot={snapshot} onClose={() => setStageId(undefined)} />}
    </>
  );
  return { mode, setMode, afterOpen: panel && facilitator, toggleAfter, exportItems, body };
}
