import { useTranslation } from 'react-i18next';
import type { Roadmap } from '../../../shared/src/index.js';
import { VersionsSection } from '../versions/VersionsSection.js';
import { CommitmentsOverview } from '../followup/CommitmentsOverview.js';
import { FollowUpLinks } from '../followup/FollowUpLinks.js';

/** Facilitators' side panel for steps 6 and 7, and saved versions of the board. */
export function AfterWorkshopPanel({ boardId, token, roadmap, onOpenStage, onClose }: {
  boardId: string;
  token: string;
  roadmap: Roadmap;
  onOpenStage: (stageId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <aside className="side-panel after-panel" data-testid="after-panel" aria-label={t('followUp.panelTitle')}>
      <header>
        <h2>{t('followUp.panelTitle')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')} data-testid="after-close">×</button>
      </header>
      <div className="panel-scroll">
        <FollowUpLinks boardId={boardId} token={token} />
        <CommitmentsOverview roadmap={roadmap} onOpen={onOpenStage} />
        <VersionsSection boardId={boardId} token={token} title={roadmap.title} />
      </div>
    </aside>
  );
}
