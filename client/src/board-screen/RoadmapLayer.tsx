import type { BoardSnapshot, Role } from '../../../shared/src/index.js';
import type { BoardLayout } from '../board-base/layout.js';
import type { Viewport } from '../board-base/useViewport.js';
import { StageBadges } from '../followup/StageBadges.js';
import { StageFollowUpDialog } from '../followup/StageFollowUpDialog.js';
import { AdoptionView } from '../roadmap/AdoptionView.js';
import { RoadmapView } from '../roadmap/RoadmapView.js';
import { TableView } from '../table/TableView.js';
import { AfterWorkshopPanel } from './AfterWorkshopPanel.js';
import type { RoadmapScreen } from './useRoadmapScreen.js';
import '../roadmap/roadmap.css';
import '../followup/followup.css';

/**
 * What the roadmap puts over the board body (state in useRoadmapScreen.ts):
 * the stage chips for commitments and feedback in the board view, the notes
 * Table (client/src/table), the Roadmap or Adoption view, the facilitator's "After the workshop" panel, and the
 * stage follow-up dialog.
 */
export function RoadmapLayer({ screen, boardId, token, role, snapshot, layout, viewport }: {
  screen: RoadmapScreen;
  boardId: string;
  /** Personal session or viewer token: exports and follow-up calls. */
  token: string;
  role: Role;
  /** The board doc only (never private drafts). */
  snapshot: BoardSnapshot;
  layout: BoardLayout;
  viewport: Viewport;
}) {
  const { mode, roadmap, stageId, setStageId } = screen;
  const facilitator = role === 'facilitator';
  return (
    <>
      {mode === 'board' && <StageBadges layout={layout} viewport={viewport} roadmap={roadmap} onOpen={setStageId} />}
      {mode === 'table' && <TableView onOpenNote={screen.jump} />}
      {mode === 'roadmap' && <RoadmapView roadmap={roadmap} facilitator={facilitator} onJump={screen.jump} />}
      {mode === 'adoption' && <AdoptionView snapshot={snapshot} boardId={boardId} token={token} />}
      {screen.afterOpen && (
        <AfterWorkshopPanel boardId={boardId} token={token} roadmap={roadmap} onOpenStage={setStageId} onClose={screen.closeAfter}
          focusVersions={screen.focusVersions} onVersionsFocused={screen.versionsFocused} />
      )}
      {stageId && <StageFollowUpDialog stageId={stageId} roadmap={roadmap} snapshot={snapshot} onClose={() => setStageId(undefined)} />}
    </>
  );
}
