import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errorText.js';

/**
 * `invalidLink` also stands for a board that does not exist: the server refuses
 * both the same way, so as not to reveal which boards exist.
 */
export type ErrorKind = 'invalidLink' | 'notFound' | 'network' | 'server' | 'removed';

/** Full-screen, final errors: the board cannot be opened with this link. */
/** `cause`: the error behind a `server` screen, worded under the title; `detail`: a code to quote as it is. */
export function ErrorScreen({ kind, cause, detail }: { kind: ErrorKind; cause?: unknown; detail?: string }) {
  const { t } = useTranslation();
  return (
    <div className="full-screen-message" data-testid="error-screen" data-kind={kind}>
      <div className="card message-card">
        <div className="message-icon" aria-hidden="true">!</div>
        <h1>{t(`errors.${kind}.title`)}</h1>
        <p>{t(`errors.${kind}.body`)}</p>
        {cause !== undefined && <p className="muted small">{errorText(t, cause)}</p>}
        {detail && <p className="muted small">{detail}</p>}
        <div className="message-actions">
          {(kind === 'network' || kind === 'server') && (
            <button type="button" className="primary" onClick={() => window.location.reload()}>
              {t('errors.retry')}
            </button>
          )}
          <a className="button" href="/">
            {t('errors.home')}
          </a>
        </div>
      </div>
    </div>
  );
}

/**
 * While a screen (or its code, loaded on demand: app/boardChunk.ts) is on its way: a spinner and
 * what is happening, announced politely to screen readers. `text`: said instead of "Opening the workshop…".
 */
export function LoadingScreen({ text, className = 'full-screen-message' }: { text?: string; className?: string }) {
  const { t } = useTranslation();
  return (
    <div className={className} data-testid="loading" role="status" aria-live="polite">
      <div className="spinner" aria-hidden="true" />
      <p>{text ?? t('board.loading')}</p>
    </div>
  );
}
