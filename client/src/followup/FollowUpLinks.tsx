import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_KINDS, type FollowUpKind } from '../../../shared/src/index.js';
import { CopyButton } from '../ui/CopyButton.js';
import { errorText } from '../i18n/errorText.js';
import { createFollowUpLink } from './api.js';

/** Facilitators create (or rotate) the links for executives' commitments and reps' feedback. */
export function FollowUpLinks({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useTranslation();
  const [links, setLinks] = useState<Partial<Record<FollowUpKind, string>>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<FollowUpKind>();
  const create = async (kind: FollowUpKind) => {
    setBusy(kind);
    setError(undefined);
    try {
      const { link } = await createFollowUpLink(boardId, token, kind);
      setLinks((l) => ({ ...l, [kind]: link }));
    } catch (err) {
      setError(t('followUp.linkFailed', { message: errorText(t, err) }));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section className="fu-links">
      <h3>{t('followUp.linksTitle')}</h3>
      {FOLLOW_UP_KINDS.map((kind) => (
        <div key={kind} className={`link-row fu-link-${kind}`} data-testid={`followup-${kind}`}>
          <div className="link-label">
            <strong>{t(`followUp.${kind}.title`)}</strong>
            <span>{t(`followUp.${kind}.for`)}</span>
          </div>
          {links[kind] ? (
            <>
              <div className="link-field">
                <input readOnly value={links[kind]} onFocus={(e) => e.target.select()} data-testid={`followup-${kind}-link`}
                  aria-label={t(`followUp.${kind}.title`)} />
                <CopyButton text={links[kind]} testId={`followup-${kind}-copy`} />
              </div>
              <p className="muted small">{t('followUp.rotated')}</p>
            </>
          ) : (
            <button type="button" className="small" disabled={busy !== undefined} onClick={() => void create(kind)}
              data-testid={`followup-${kind}-create`}>
              {t('followUp.createLink')}
            </button>
          )}
        </div>
      ))}
      {error && <p className="form-error" role="alert">{error}</p>}
    </section>
  );
}
