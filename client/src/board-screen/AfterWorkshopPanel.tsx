import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Roadmap } from '../../../shared/src/index.js';
import { VersionsSection } from '../versions/VersionsSection.js';
import { CommitmentsOverview } from '../followup/CommitmentsOverview.js';
import { FollowUpLinks } from '../followup/FollowUpLinks.js';

/** Facilitators' side panel for steps 6 and 7, and saved versions of the board. */
export function AfterWorkshopPanel({ boardId, token, roadmap, onOpenStage, onClose, focusVersions, onVersionsFocused }: {
  boardId: string;
  token: string;
  roadmap: Roadmap;
  onOpenStage: (stageId: string) => void;
  onClose: () => void;
  /** Opened from the menu's "Saved versions": scroll to them and focus the name field. */
  focusVersions: boolean;
  onVersionsFocused: () => void;
}) {
  const { t } = useTranslation();
  const versionsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusVersions) return;
    const box = versionsRef.current;
    box?.scrollIntoView({ block: 'start' });
    box?.querySelector<HTMLInputElement>('[data-testid="version-name"]')?.focus();
    onVersionsFocused();
  }, [focusVersions, onVersionsFocused]);
  return (
    <aside className="side-panel after-panel" data-testid="after-panel" aria-label={t('followUp.panelTitle')}>
      <header>
        <h2>{t('followUp.panelTitle')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')} data-testid="after-close">×</button>
      </header>
      <div className="panel-scroll">
        <FollowUpLinks boardId={boardId} token={token} />
        <CommitmentsOverview roadmap={roadmap} onOpen={onOpenStage} />
        <div ref={versionsRef}>
          <VersionsSection boardId={boardId} token={token} title={roadmap.title} />
        </div>
      </div>
    </aside>
  );
}
