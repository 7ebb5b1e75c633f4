import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type { Department } from '../../../shared/src/index.js';
import { usePeers, type Peer } from './usePresence.js';

/** Unique people (one person may have two tabs open), ourselves first. */
function people(peers: Peer[]): Peer[] {
  const byId = new Map<string, Peer>();
  for (const p of peers) {
    const seen = byId.get(p.presence.user.id);
    if (!seen || p.self) byId.set(p.presence.user.id, p);
  }
  return [...byId.values()].sort((a, b) =>
    a.self !== b.self ? (a.self ? -1 : 1) : a.presence.user.name.localeCompare(b.presence.user.name),
  );
}

export function OnlineCount({ awareness, onClick }: { awareness: Awareness; onClick: () => void }) {
  const { t } = useTranslation();
  const count = people(usePeers(awareness)).length;
  return (
    <button type="button" className="tool online-count" onClick={onClick} data-testid="participants-toggle"
      title={t('people.title')}>
      <span className="people-icon" aria-hidden="true">●</span>
      <span data-testid="participants-count">{count}</span>
      <span className="tool-label">{t('people.online', { count })}</span>
    </button>
  );
}

export function ParticipantsPanel({
  awareness, departments, onClose,
}: { awareness: Awareness; departments: ReadonlyMap<string, Department>; onClose: () => void }) {
  const { t } = useTranslation();
  const list = people(usePeers(awareness));
  return (
    <aside className="side-panel" data-testid="participants-panel" aria-label={t('people.title')}>
      <header>
        <h2>{t('people.title')} <span className="badge">{list.length}</span></h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>×</button>
      </header>
      <ul className="people-list">
        {list.map(({ clientId, presence: { user }, self }) => (
          <li key={clientId} data-testid="participant">
            <span className="avatar" style={{ background: user.color }}>{(user.name || '?').slice(0, 1).toUpperCase()}</span>
            <span className="person">
              <strong>{user.name || t('roles.viewer')}{self ? ` (${t('people.you')})` : ''}</strong>
              <small>
                {departments.get(user.department)?.name ?? t('join.noDepartment')} · {t(`roles.${user.role}`)}
              </small>
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
