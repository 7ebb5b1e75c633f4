import { useTranslation } from 'react-i18next';
import { ROLES, type CreateBoardResponse } from '../../../shared/src/index.js';
import { CopyButton } from '../ui/CopyButton.js';

export function LinksCard({
  title, response, onReset,
}: { title: string; response: CreateBoardResponse; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="links-card" data-testid="links">
      <h2>{t('links.heading', { title })}</h2>
      <p className="muted">{t('links.intro')}</p>
      {ROLES.map((role) => (
        <div key={role} className={`link-row role-${role}`}>
          <div className="link-label">
            <strong>{t(`roles.${role}`)}</strong>
            <span>{t(`links.for.${role}`)}</span>
          </div>
          <div className="link-field">
            <input
              readOnly
              value={response.links[role]}
              onFocus={(e) => e.target.select()}
              data-testid={`link-${role}`}
              aria-label={t(`roles.${role}`)}
            />
            <CopyButton text={response.links[role]} testId={`copy-${role}`} />
          </div>
        </div>
      ))}
      <div className="links-actions">
        <a className="button primary big" href={response.links.facilitator} data-testid="open-facilitator">
          {t('links.open')}
        </a>
        <button type="button" className="link-button" onClick={onReset}>
          {t('links.another')}
        </button>
      </div>
      <p className="muted small">{t('links.keep')}</p>
    </div>
  );
}
