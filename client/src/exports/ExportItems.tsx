import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToasts } from '../ui/Toasts.js';
import type { BoardLayout, Rect } from '../board-base/layout.js';
import { exportFileName, type ExportFile, type OpenNotesChoice } from '../../../shared/src/index.js';
import { boardPng, dataUrlBlob } from './canvasPng.js';
import { errorText } from '../i18n/errorText.js';
import { SERVER_EXPORTS, downloadExport, saveBlob } from './download.js';

/**
 * The "Export" section of the toolbar menu, for everyone with a token: the
 * server renders the booklet, Markdown, CSV and backup; the PNG of the board
 * or of one segment is drawn here from the canvas. Entries are marked
 * data-keep-open so the menu stays open (showing "Preparing…") until the
 * download has started; `onDone` then closes it. Facilitators also get the
 * final booklet: the PDF without the list of notes still to decide (their
 * count stays on its cover), a choice the default booklet never makes for them.
 */
export function ExportItems({ boardId, token, title, layout, facilitator, onDone }: {
  boardId: string;
  token: string;
  title: string;
  layout: BoardLayout;
  facilitator: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const [busy, setBusy] = useState<string>();

  const server = async (file: ExportFile, open?: OpenNotesChoice) => {
    setBusy(open ? `${file}:${open}` : file);
    try {
      await downloadExport(boardId, token, file, open ? { open } : {});
      onDone();
    } catch (err) {
      toasts.show(t('exports.failed', { message: errorText(t, err) }), 'error');
    } finally {
      setBusy(undefined);
    }
  };

  const png = async (area: Rect, suffix: string) => {
    const url = area.w > 0 && area.h > 0 ? await boardPng(area) : undefined;
    if (!url) {
      toasts.show(t('exports.pngEmpty'), 'error');
      return;
    }
    saveBlob(dataUrlBlob(url), exportFileName(title, suffix, 'png', new Date()));
    onDone();
  };

  return (
    <div className="export-menu" role="group" aria-label={t('exports.button')} data-testid="export-list">
      <p className="menu-heading">{t('exports.fromServer')}</p>
      {SERVER_EXPORTS.map((file) => (
        <button key={file} type="button" role="menuitem" disabled={busy !== undefined} data-keep-open
          data-testid={`export-${file}`} onClick={() => void server(file)}>
          <strong>{t(`exports.files.${file.replace('.', '_')}`)}</strong>
          <small>{busy === file ? t('exports.preparing') : file}</small>
        </button>
      ))}
      {facilitator && (
        <button type="button" role="menuitem" disabled={busy !== undefined} data-keep-open data-testid="export-roadmap-final"
          onClick={() => void server('roadmap.pdf', 'omit')}>
          <strong>{t('exports.finalBooklet')}</strong>
          <small>{busy === 'roadmap.pdf:omit' ? t('exports.preparing') : t('exports.finalBookletHint')}</small>
        </button>
      )}
      <p className="menu-heading">{t('exports.pictures')}</p>
      <button type="button" role="menuitem" data-keep-open data-testid="export-png-board" onClick={() => void png(layout.bounds, 'board')}>
        <strong>{t('exports.pngBoard')}</strong><small>PNG</small>
      </button>
      {layout.lanes.map((lane, i) => (
        <button key={lane.segment.id} type="button" role="menuitem" data-keep-open data-testid={`export-png-segment-${i + 1}`}
          onClick={() => void png(lane, `segment-${i + 1}`)}>
          <strong>{t('exports.pngSegment', { name: lane.segment.name })}</strong><small>PNG</small>
        </button>
      ))}
    </div>
  );
}
