import { useTranslation } from 'react-i18next';
import type { BoardLayout } from '../board-base/layout.js';
import { ExportItems } from '../exports/ExportItems.js';
import { CommitIcon } from '../followup/CommitIcon.js';
import { BOARD_MODES } from '../roadmap/boardModes.js';
import type { RoadmapScreen } from './useRoadmapScreen.js';
import { MenuItem, ToolbarMenu } from './ToolbarMenu.js';
import type { PanelName } from './usePanels.js';

/**
 * The content of the toolbar's "☰ Menu" (ToolbarMenu.tsx): the views for
 * everyone, the facilitator's workshop tools, then the exports. Each entry
 * keeps the data-testid its toolbar button had (mode-*, toolbar-structure,
 * toolbar-voting, toolbar-after, export-*), so tests find the same controls
 * after opening the menu.
 */
export function BoardMenu({ roadmap, exportFrom, facilitator, panel, votingOpen, onTogglePanel, onPresent }: {
  roadmap: RoadmapScreen;
  /** What the Export entries export: this board, with this token, laid out so. */
  exportFrom: { boardId: string; token: string; title: string; layout: BoardLayout };
  facilitator: boolean;
  panel: PanelName | undefined;
  /** Dot voting is running: its entry shows a live red dot. */
  votingOpen: boolean;
  onTogglePanel: (name: PanelName) => void;
  /** Presentation mode (the projector view), for everyone: a viewer's screen on the projector too. */
  onPresent: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
    {/* Out of the board view the way back is one visible click ("← Board"), not inside the menu. */}
    {roadmap.mode !== 'board' && (
      <button type="button" className="tool back-to-board" data-testid="back-to-board" onClick={() => roadmap.setMode('board')}
        title={t('toolbar.backToBoard')} aria-label={t('toolbar.backToBoard')}>
        <span aria-hidden="true">←</span><span aria-hidden="true">{t('roadmap.mode.board')}</span>
      </button>
    )}
    <ToolbarMenu>
      {(close) => (
        <>
          <div className="menu-section" role="group" aria-labelledby="menu-views">
            <p className="menu-heading" id="menu-views">{t('toolbar.viewsHeading')}</p>
            {BOARD_MODES.map((m) => (
              <MenuItem key={m.mode} icon={m.icon} label={t(`roadmap.mode.${m.mode}`)} checked={roadmap.mode === m.mode}
                testId={`mode-${m.mode}`} onClick={() => roadmap.setMode(m.mode)} />
            ))}
            <MenuItem icon="🏆" label={t('results.open')} checked={panel === 'results'}
              testId="toolbar-results" onClick={() => onTogglePanel('results')} />
            <MenuItem icon="📽" label={t('presentation.start')} hint={t('presentation.startHelp')}
              testId="toolbar-present" onClick={() => {
                close();
                onPresent();
              }} />
          </div>
          {facilitator && (
            <>
              <div className="menu-section" role="group" aria-labelledby="menu-workshop">
                <p className="menu-heading" id="menu-workshop">{t('toolbar.workshopHeading')}</p>
                <MenuItem icon="☰" label={t('structure.title')} checked={panel === 'structure'}
                  testId="toolbar-structure" onClick={() => onTogglePanel('structure')} />
                <MenuItem icon={<span className={`dot voting-dot${votingOpen ? ' live' : ''}`} />} label={t('votes.panel')}
                  checked={panel === 'voting'} testId="toolbar-voting" onClick={() => onTogglePanel('voting')} />
                <MenuItem icon={<CommitIcon size={18} />} label={t('followUp.button')} checked={roadmap.afterOpen}
                  testId="toolbar-after" onClick={roadmap.toggleAfter} />
                <MenuItem icon="🕘" label={t('versions.title')} testId="toolbar-versions" onClick={roadmap.openVersions} />
                <MenuItem icon="🔗" label={t('boardLinks.menu')} checked={panel === 'links'}
                  testId="toolbar-links" onClick={() => onTogglePanel('links')} />
              </div>
            </>
          )}
          <div className="menu-section">
            <p className="menu-heading">{t('toolbar.exportHeading')}</p>
            <ExportItems {...exportFrom} facilitator={facilitator} onDone={close} />
          </div>
        </>
      )}
    </ToolbarMenu>
    </>
  );
}
