import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/src/index.js';
import { issueLink } from '../api/serverApi.js';
import { errorText } from '../i18n/errorText.js';
import { CopyButton } from '../ui/CopyButton.js';
import { listWorkshops, rememberLink } from '../join/myWorkshops.js';

/** The links a facilitator hands out from inside the board. Their own link is not re-issued here: that could lock them out. */
const SHARED_ROLES = ['participant', 'viewer'] as const satisfies readonly Role[];

/**
 * The facilitator's "Links to join": the participant and viewer links this
 * device knows (from creating the board, see join/myWorkshops.ts), and a new
 * link for either when it is lost or leaked. A new link replaces the old one
 * (it stops working); people who already joined keep their sessions.
 */
export function LinksPanel({ boardId, session, onClose }: { boardId: string; session: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [links, setLinks] = useState(() => listWorkshops().find((w) => w.boardId === boardId)?.links ?? {});
  const [busy, setBusy] = useState<Role>();
  const [issued, setIssued] = useState<Role>();
  const [error, setError] = useState<string>();
  const renew = async (role: Role) => {
    if (links[role] && !window.confirm(t('boardLinks.renewConfirm', { role: t(`roles.${role}`) }))) return;
    setBusy(role);
    setError(undefined);
    try {
      const link = await issueLink(boardId, session, role);
      rememberLink(boardId, role, link);
      setLinks((l) => ({ ...l, [role]: link }));
      setIssued(role);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <aside className="side-panel links-panel" data-testid="links-panel" aria-label={t('boardLinks.title')}>
      <header>
        <h2>{t('boardLinks.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>×</button>
      </header>
      <div className="panel-scroll">
        <p className="muted small">{t('boardLinks.intro')}</p>
        {SHARED_ROLES.map((role) => (
          <div key={role} className={`link-row role-${role}`} data-testid={`board-link-${role}`}>
            <div className="link-label">
              <strong>{t(`roles.${role}`)}</strong>
              <span>{t(`links.for.${role}`)}</span>
            </div>
            {links[role] ? (
              <div className="link-field">
                <input readOnly value={links[role]} onFocus={(e) => e.target.select()} data-testid={`board-link-${role}-value`}
                  aria-label={t('myWorkshops.linkOf', { role: t(`roles.${role}`) })} />
                <CopyButton text={links[role]!} testId={`board-link-${role}-copy`} />
              </div>
            ) : (
              <p className="muted small" data-testid={`board-link-${role}-unknown`}>{t('boardLinks.unknown')}</p>
            )}
            {issued === role && <p className="small ok-text" role="status">{t('boardLinks.issued')}</p>}
            <button type="button" className="small" disabled={busy !== undefined} onClick={() => void renew(role)}
              data-testid={`board-link-${role}-renew`}>
              {links[role] ? t('boardLinks.renew') : t('boardLinks.issue')}
            </button>
          </div>
        ))}
        {error && <p className="form-error" role="alert">{error}</p>}
      </div>
    </aside>
  );
}
