import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { LanguageSwitch } from '../ui/LanguageSwitch.js';
import { chooseBoardLanguage } from '../join/boardLanguage.js';
import { TitleEditor } from '../panels/TitleEditor.js';
import { ConnectionIndicator } from '../presence/ConnectionIndicator.js';
import { SaveIndicator } from '../presence/SaveIndicator.js';
import type { SaveView } from '../sync/useSaveStatus.js';
import { OnlineCount } from '../presence/ParticipantsPanel.js';
import { useBoard } from '../board-base/BoardContext.js';
import type { ConnectionStatus } from '../sync/useBoardSync.js';

export interface ToolbarProps {
  boardId: string;
  title: string;
  identityName: string | undefined;
  status: ConnectionStatus;
  /** What the server confirmed as stored; none for viewers (they change nothing). */
  save?: SaveView;
  awareness: Awareness;
  scale: number;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onAddNote: () => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
  onTogglePeople: () => void;
  onChangeIdentity: () => void;
  /**
   * The labelled "☰ Menu" (views, workshop tools, exports) and, on phones, the
   * list/board switch: first in the right-hand group.
   */
  extra?: ReactNode;
}

export function Toolbar(p: ToolbarProps) {
  const { t } = useTranslation();
  const { canEdit, role } = useBoard();
  return (
    <header className="toolbar" data-testid="toolbar">
      <div className="toolbar-group toolbar-title">
        <a href="/" className="brand-mark small" aria-label="Tabella" />
        <TitleEditor title={p.title} />
        <span className={`role-badge role-${role}`} data-testid="role-badge">{t(`roles.${role}`)}</span>
      </div>
      <div className="toolbar-group">
        {canEdit && (
          <>
            <button type="button" className="tool primary add-note" onClick={p.onAddNote} data-testid="toolbar-add-note"
              title={t('toolbar.addNoteHelp')}>
              + <span className="tool-label">{t('toolbar.note')}</span>
            </button>
            <button type="button" className="tool" onClick={p.onUndo} disabled={!p.canUndo} data-testid="toolbar-undo"
              title={t('toolbar.undo')} aria-label={t('toolbar.undo')}>↶</button>
            <button type="button" className="tool" onClick={p.onRedo} disabled={!p.canRedo} data-testid="toolbar-redo"
              title={t('toolbar.redo')} aria-label={t('toolbar.redo')}>↷</button>
            <span className="tool-sep" />
          </>
        )}
        {/* On laptops and projectors the zoom controls float over the canvas's
            bottom-left corner (styles.css), which keeps the toolbar readable;
            the right side belongs to the inspector and the side panels. */}
        <div className="zoom-dock">
          <button type="button" className="tool" onClick={p.onZoomOut} data-testid="toolbar-zoom-out"
            title={t('toolbar.zoomOut')} aria-label={t('toolbar.zoomOut')}>−</button>
          <span className="zoom-level" data-testid="zoom-level">{Math.round(p.scale * 100)}%</span>
          <button type="button" className="tool" onClick={p.onZoomIn} data-testid="toolbar-zoom-in"
            title={t('toolbar.zoomIn')} aria-label={t('toolbar.zoomIn')}>+</button>
          <button type="button" className="tool" onClick={p.onFit} data-testid="toolbar-fit" title={t('toolbar.fit')}>
            ⤢<span className="tool-label">{t('toolbar.fit')}</span>
          </button>
        </div>
      </div>
      <div className="toolbar-group toolbar-end">
        {p.extra}
        <OnlineCount awareness={p.awareness} onClick={p.onTogglePeople} />
        {p.save && <SaveIndicator view={p.save} />}
        <ConnectionIndicator status={p.status} />
        <LanguageSwitch onChoose={(lng) => chooseBoardLanguage(p.boardId, lng)} />
        {p.identityName && (
          <button type="button" className="tool me" onClick={p.onChangeIdentity} data-testid="toolbar-me"
            title={`${p.identityName}: ${t('join.change')}`} aria-label={`${p.identityName}: ${t('join.change')}`}>
            <span className="tool-label">{p.identityName}</span>
            <span className="me-initial">{p.identityName.slice(0, 1).toUpperCase()}</span>
          </button>
        )}
      </div>
    </header>
  );
}
