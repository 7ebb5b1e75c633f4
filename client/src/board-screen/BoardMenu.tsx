import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../i18n/i18n.js';
import { chooseBoardLanguage } from '../join/boardLanguage.js';
import type { BoardLayout } from '../board-base/layout.js';
import { ExportItems } from '../exports/ExportItems.js';
import { CommitIcon } from '../followup/CommitIcon.js';
import { BOARD_MODES } from '../roadmap/boardModes.js';
import type { RoadmapScreen } from './useRoadmapScreen.js';
import type { MenuViews } from './useMenuViews.js';
import { MenuItem, ToolbarMenu } from './ToolbarMenu.js';
import type { PanelName } from './usePanels.js';

/**
 * The content of the toolbar's "☰ Menu" (ToolbarMenu.tsx): the views for
 * everyone, the facilitator's workshop tools, then the exports. Each entry
 * keeps the data-testid its toolbar button had (mode-*, toolbar-structure,
 * toolbar-voting, toolbar-after, export-*), so tests find the same controls
 * after opening the menu. On phones the toolbar has no room for the
 * language switch and our name, so the menu ends with them ("You").
 */
export function BoardMenu({ roadmap, views, exportFrom, facilitator, panel, votingOpen, onTogglePanel, onJoinScreen, onPresent, boardId, me }: {
  roadmap: RoadmapScreen;
  /** Which view shows and how to pick one (useMenuViews: on a participant's phone List is the board's list mode). */
  views: MenuViews;
  /** What the Export entries export: this board, with this token, laid out so. */
  exportFrom: { boardId: string; token: string; title: string; layout: BoardLayout };
  facilitator: boolean;
  panel: PanelName | undefined;
  /** Dot voting is running: its entry shows a live red dot. */
  votingOpen: boolean;
  onTogglePanel: (name: PanelName) => void;
  /** Opens the Join screen (QR code and join code, for the projector). */
  onJoinScreen: () => void;
  /**
   * Who we are, and the one form that changes name and department (absent
   * for viewers). The toolbar's name button opens it too, but a phone's
   * toolbar has no room for it.
   */
  me?: { name: string; onChange: () => void };
  boardId: string;
  /** Presentation mode (the projector view), for everyone: a viewer's screen on the projector too. */
  onPresent: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
    {/* Out of the board view the way back is one visible click ("← Board"), not inside the menu;
        on a phone it returns to the board screen as its list/board switch left it. */}
    {views.back && (
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
              <MenuItem key={m.mode} icon={m.icon} label={t(`roadmap.mode.${m.mode}`)} checked={views.mode === m.mode}
                testId={`mode-${m.mode}`} onClick={() => views.setMode(m.mode)} />
            ))}
            <MenuItem icon="🏆" label={t('results.open')} checked={panel === 'results'}
              testId="toolbar-results" onClick={() => onTogglePanel('results')} />
            <MenuItem icon="📽" label={t('presentation.start')} help={t('presentation.startHelp')}
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
                <MenuItem icon="▦" label={t('joinScreen.menu')} testId="toolbar-join-screen"
                  onClick={() => {
                    close();
                    onJoinScreen();
                  }} />
              </div>
            </>
          )}
          <div className="menu-section">
            <p className="menu-heading">{t('toolbar.exportHeading')}</p>
            <ExportItems {...exportFrom} facilitator={facilitator} onDone={close} />
          </div>
          <div className="menu-section menu-you" role="group" aria-labelledby="menu-you">
            <p className="menu-heading" id="menu-you">{t('toolbar.youHeading')}</p>
            {me && (
              <MenuItem icon={<span className="me-initial">{me.name.slice(0, 1).toUpperCase()}</span>}
                label={t('join.changeFor', { name: me.name })} testId="menu-me"
                onClick={() => {
                  close();
                  me.onChange();
                }} />
            )}
            {UI_LANGUAGES.map((lng) => (
              <MenuItem key={lng} icon={lng.toUpperCase()} label={t(`language.${lng}`)} checked={i18n.language === lng}
                testId={`menu-language-${lng}`} onClick={() => chooseBoardLanguage(boardId, lng)} />
            ))}
          </div>
        </>
      )}
    </ToolbarMenu>
    </>
  );
}
