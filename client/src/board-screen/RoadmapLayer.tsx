import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSnapshot, Role } from '../../../shared/src/index.js';
import type { BoardLayout } from '../board-base/layout.js';
import type { Viewport } from '../board-base/useViewport.js';
import { StageBadges } from '../followup/StageBadges.js';
import { StageFollowUpDialog } from '../followup/StageFollowUpDialog.js';
import { ErrorScreen, LoadingScreen } from '../ui/ErrorScreen.js';
import { ChunkErrorBoundary } from '../ui/ChunkErrorBoundary.js';
import { AfterWorkshopPanel } from './AfterWorkshopPanel.js';
import type { RoadmapScreen } from './useRoadmapScreen.js';
import '../roadmap/roadmap.css';
import '../followup/followup.css';

// The views over the board are chunks of their own, loaded when first chosen (the board opens without them).
const TableView = lazy(() => import('../table/TableView.js').then((m) => ({ default: m.TableView })));
const RoadmapView = lazy(() => import('../roadmap/RoadmapView.js').then((m) => ({ default: m.RoadmapView })));
const AdoptionView = lazy(() => import('../roadmap/AdoptionView.js').then((m) => ({ default: m.AdoptionView })));

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
  const { t } = useTranslation();
  const { mode, roadmap, stageId, setStageId } = screen;
  const facilitator = role === 'facilitator';
  return (
    <>
      {mode === 'board' && <StageBadges layout={layout} viewport={viewport} roadmap={roadmap} onOpen={setStageId} />}
      {/* A view whose code cannot be loaded says so over the board ("Try again" reloads); the other views still open. */}
      <ChunkErrorBoundary key={mode} fallback={<div className="view-loading"><ErrorScreen kind="network" /></div>}>
        <Suspense fallback={<LoadingScreen text={t('common.loading')} className="full-screen-message view-loading" />}>
          {mode === 'table' && <TableView onOpenNote={screen.jump} />}
          {mode === 'roadmap' && <RoadmapView roadmap={roadmap} facilitator={facilitator} onJump={screen.jump} boardId={boardId} token={token}
            storedBrand={snapshot.brand} />}
          {mode === 'adoption' && <AdoptionView snapshot={snapshot} boardId={boardId} token={token} />}
        </Suspense>
      </ChunkErrorBoundary>
      {screen.afterOpen && (
        <AfterWorkshopPanel boardId={boardId} token={token} roadmap={roadmap} onOpenStage={setStageId} onClose={screen.closeAfter}
          focusVersions={screen.focusVersions} onVersionsFocused={screen.versionsFocused} />
      )}
      {stageId && <StageFollowUpDialog stageId={stageId} roadmap={roadmap} snapshot={snapshot} onClose={() => setStageId(undefined)} />}
    </>
  );
}
