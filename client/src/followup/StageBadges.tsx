import { useTranslation } from 'react-i18next';
import type { Roadmap } from '../../../shared/src/index.js';
import { roadmapLabels } from '../../../shared/src/index.js';
import type { BoardLayout } from '../board-base/layout.js';
import { worldToScreen, type Viewport } from '../board-base/useViewport.js';
import { FeedbackChips } from '../roadmap/FeedbackChips.js';
import { CommitIcon } from './CommitIcon.js';

/** Below this zoom the chips would cover the whole board: the fit view of a big board hides them. */
const MIN_SCALE = 0.18;

/**
 * Commitments and field feedback of each stage, as small chips sitting on the
 * top edge of its header (HTML over the canvas, so they stay readable at any
 * zoom). A click opens the stage's details.
 */
export function StageBadges({ layout, viewport, roadmap, onOpen }: {
  layout: BoardLayout;
  viewport: Viewport;
  roadmap: Roadmap;
  onOpen: (stageId: string) => void;
}) {
  const { t } = useTranslation();
  if (viewport.scale < MIN_SCALE) return null;
  const labels = roadmapLabels(roadmap.language);
  const byId = new Map(roadmap.segments.flatMap((s) => s.stages.map((st) => [st.id, st])));
  const size = Math.max(11, Math.min(16, 40 * viewport.scale));
  return (
    <div className="stage-badges" aria-label={t('followUp.badges')}>
      {layout.stages.map((box) => {
        const stage = byId.get(box.stage.id);
        if (!stage || (stage.commitments.length === 0 && stage.feedback.total === 0)) return null;
        const p = worldToScreen(viewport, box.header.x + box.header.w - 12, box.header.y);
        return (
          <button key={box.stage.id} type="button" className="stage-badge" style={{ left: p.x, top: p.y, fontSize: size }}
            data-testid="stage-badge" data-stage-id={box.stage.id} onClick={() => onOpen(box.stage.id)}
            title={t('followUp.stageDetails', { name: box.stage.name })}>
            {stage.commitments.length > 0 && (
              <span className="commit-count" data-testid="stage-commitment-count" data-count={stage.commitments.length}>
                <CommitIcon /> {stage.commitments.length}
              </span>
            )}
            <FeedbackChips feedback={stage.feedback} labels={labels} compact />
          </button>
        );
      })}
    </div>
  );
}
