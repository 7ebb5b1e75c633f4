import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../shared/src/index.js';
import { CopyButton } from '../ui/CopyButton.js';
import { forgetWorkshop, listWorkshops, type SavedWorkshop } from '../join/myWorkshops.js';

/**
 * The home page's "My workshops": boards this browser created or joined
 * (join/myWorkshops.ts), newest first, with our role, when we last opened it
 * and the links this device was given. Each can be forgotten on this device.
 */
export function MyWorkshops() {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<SavedWorkshop[]>(() => listWorkshops());
  if (list.length === 0) return null;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const forget = (w: SavedWorkshop) => {
    if (!window.confirm(t('myWorkshops.forgetConfirm', { title: w.title }))) return;
    forgetWorkshop(w.boardId);
    setList(listWorkshops());
  };
  return (
    <section className="card my-workshops" data-testid="my-workshops" aria-labelledby="my-workshops-title">
      <h2 id="my-workshops-title">{t('myWorkshops.title')}</h2>
      <p className="muted small">{t('myWorkshops.intro')}</p>
      <ul>
        {list.map((w) => (
          <li key={w.boardId} className="my-workshop" data-testid="my-workshop" data-board-id={w.boardId}>
            <div className="my-workshop-head">
              <a className="my-workshop-title" href={`/b/${w.boardId}`} data-testid="my-workshop-open">{w.title || w.boardId}</a>
              <span className={`role-pill role-${w.role}`}>{t(`roles.${w.role}`)}</span>
            </div>
            <p className="muted small">{t('myWorkshops.lastOpened', { when: when.format(w.lastOpened) })}</p>
            {Object.keys(w.links).length > 0 && (
              <details className="my-workshop-links">
                <summary data-testid="my-workshop-links">{t('myWorkshops.links')}</summary>
                {ROLES.filter((role) => w.links[role]).map((role) => (
                  <div key={role} className="link-field">
                    <input readOnly value={w.links[role]} onFocus={(e) => e.target.select()}
                      aria-label={t('myWorkshops.linkOf', { role: t(`roles.${role}`) })} data-testid={`my-workshop-link-${role}`} />
                    <CopyButton text={w.links[role]!} testId={`my-workshop-copy-${role}`} />
                  </div>
                ))}
              </details>
            )}
            <button type="button" className="link-button small" onClick={() => forget(w)} data-testid="my-workshop-forget">
              {t('myWorkshops.forget')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
