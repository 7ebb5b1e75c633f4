import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errorText.js';
import { JoinQr } from './JoinQr.js';
import { useJoinCode } from './useJoinCode.js';
import './join-screen.css';

/** The projector's browser shows only the Join screen; again: back to the window. */
function toggleFullscreen(): Promise<void> {
  return document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
}

/**
 * The facilitator's Join screen, for the projector: the whole window, a large
 * QR code, the short code and the address to type, readable from the back of
 * the room. Closing joining hides both (the code stops working; people who
 * have a participant link can still use it); a new code replaces the old one.
 */
export function JoinScreen({ boardId, session, title, onClose }: {
  boardId: string;
  /** The facilitator's personal session. */
  session: string;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const join = useJoinCode(boardId, session, { issueIfNone: true });
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    // Escape leaves full screen first (the browser's own); a second one closes the Join screen.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.fullscreenElement) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const renew = () => {
    if (window.confirm(t('joinScreen.newCodeConfirm'))) void join.newCode();
  };
  // On <body>: above every layer of the board, whatever stacking contexts the board's panels make.
  return createPortal(
    <div className="join-screen" role="dialog" aria-modal="true" aria-labelledby="join-screen-title" data-testid="join-screen"
      data-open={join.open}>
      <header className="join-screen-header">
        <div>
          <p className="eyebrow">{title}</p>
          <h1 id="join-screen-title">{t('joinScreen.title')}</h1>
        </div>
        <div className="join-screen-top-actions">
          {document.fullscreenEnabled && (
            <button type="button" onClick={() => void toggleFullscreen()} data-testid="join-screen-fullscreen">
              {t('joinScreen.fullscreen')}
            </button>
          )}
          <button ref={closeRef} type="button" onClick={onClose} data-testid="join-screen-close">
            {t('joinScreen.back')}
          </button>
        </div>
      </header>
      <main className="join-screen-body">
        {join.state === undefined && join.error === undefined && <div className="spinner" aria-label={t('board.loading')} />}
        {join.state && (join.open && join.qrUrl ? (
          <>
            <div className="join-screen-qr">
              <JoinQr url={join.qrUrl} size={560} />
              <p>{t('joinScreen.scan')}</p>
            </div>
            <div className="join-screen-type">
              <p className="join-screen-step">{t('joinScreen.orType')}</p>
              <p className="join-screen-address" data-testid="join-screen-address">{join.typeAddress}</p>
              <p className="join-screen-step">{t('joinScreen.andCode')}</p>
              <p className="join-screen-code" data-testid="join-screen-code" aria-label={t('joinScreen.codeLabel', { code: join.state.code?.split('').join(' ') })}>
                {join.state.code}
              </p>
            </div>
          </>
        ) : (
          <div className="join-screen-closed" data-testid="join-screen-closed">
            <h2>{t('joinScreen.closedTitle')}</h2>
            <p>{t('joinScreen.closedBody')}</p>
          </div>
        ))}
      </main>
      <footer className="join-screen-actions">
        {join.error !== undefined && <p className="form-error" role="alert">{errorText(t, join.error)}</p>}
        {join.state && (join.open ? (
          <button type="button" disabled={join.busy} onClick={() => void join.setOpen(false)} data-testid="join-close">
            {t('joinScreen.close')}
          </button>
        ) : (
          <button type="button" className="primary" disabled={join.busy} onClick={() => void join.setOpen(true)} data-testid="join-reopen">
            {t('joinScreen.reopen')}
          </button>
        ))}
        {join.state && (
          <button type="button" disabled={join.busy} onClick={renew} data-testid="join-new-code">{t('joinScreen.newCode')}</button>
        )}
        {join.open && <p className="muted small">{t('joinScreen.hint')}</p>}
      </footer>
    </div>,
    document.body,
  );
}
