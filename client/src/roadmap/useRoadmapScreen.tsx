import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buildRoadmap, type BoardSnapshot, type Role } from '../../../shared/src/index.js';
import type { BoardLayout } from '../board/layout.js';
import type { Viewport } from '../board/useViewport.js';
import { ExportMenu } from '../exports/ExportMenu.js';
import { AfterWorkshopPanel } from '../followup/AfterWorkshopPanel.js';
import { CommitIcon } from '../followup/CommitIcon.js';
import { StageBadges } from '../followup/StageBadges.js';
import { StageFollowUpDialog } from '../followup/StageFollowUpDialog.js';
import { AdoptionView } from './AdoptionView.js';
import { ModeSwitch, type BoardMode } from './ModeSwitch.js';
import { RoadmapView } from './RoadmapView.js';
import './roadmap.css';
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
 * Everything about the roadmap on the board screen: the Board / Roadmap /
 * Adoption switch, the Export menu, the facilitator's "After the workshop"
 * panel, the stage chips for commitments and feedback, and their dialog.
 * Returns what goes in the toolbar and what goes over the board body.
 */
export function useRoadmapScreen(input: RoadmapScreenInput): { mode: BoardMode; toolbar: ReactNode; body: ReactNode } {
  const { boardId, token, role, snapshot, layout, viewport, onJumpToNote } = input;
  const { t } = useTranslation();
  const [mode, setMode] = useState<BoardMode>('board');
  const [panel, setPanel] = useState(false);
  const [stageId, setStageId] = useState<string>();
  const roadmap = useMemo(() => buildRoadmap(snapshot), [snapshot]);
  const facilitator = role === 'facilitator';
  const jump = useCallback((noteId: string) => {
    setMode('board');
    onJumpToNote(noteId);
  }, [onJumpToNote]);

  const toolbar = (
    <>
      <ModeSwitch mode={mode} onChange={setMode} />
      <ExportMenu boardId={boardId} token={token} title={snapshot.meta.title} layout={layout} />
      {facilitator && (
        <button type="button" className={`tool${panel ? ' active' : ''}`} onClick={() => setPanel((p) => !p)} data-testid="toolbar-after"
          title={t('followUp.panelTitle')}>
          <CommitIcon size={18} /><span className="tool-label">{t('followUp.button')}</span>
        </button>
      )}
    </>
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
  return { mode, toolbar, body };
}
