import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardSnapshot } from '../../../shared/src/index.js';
import { GroupsBar } from './GroupsBar.js';
import { MemberRow, type MemberActions, type PersonView } from './MemberRow.js';
import { fallbackColor, usePeers, type Peer } from './usePresence.js';

/** Unique people online (one person may have two tabs open), ourselves first. */
function onlinePeople(peers: Peer[]): Peer[] {
  const byId = new Map<string, Peer>();
  for (const p of peers) {
    const seen = byId.get(p.presence.user.id);
    if (!seen || p.self) byId.set(p.presence.user.id, p);
  }
  return [...byId.values()];
}

export function OnlineCount({ awareness, onClick }: { awareness: Awareness; onClick: () => void }) {
  const { t } = useTranslation();
  const count = onlinePeople(usePeers(awareness)).length;
  return (
    <button type="button" className="tool online-count" onClick={onClick} data-testid="participants-toggle"
      title={t('people.title')}>
      <span className="people-icon" aria-hidden="true">●</span>
      <span data-testid="participants-count">{count}</span>
      <span className="tool-label">{t('people.online', { count })}</span>
    </button>
  );
}

/**
 * Everyone on the board: the members the server knows (online or not) plus
 * anyone online without membership (viewer links). Online state comes from
 * awareness; role, department and name from the server-written members map.
 */
function usePeople(awareness: Awareness, snapshot: BoardSnapshot, myId: string): PersonView[] {
  const peers = usePeers(awareness);
  return useMemo(() => {
    const online = new Map(onlinePeople(peers).map((p) => [p.presence.user.id, p]));
    const groups = snapshot.groups;
    const dept = (key: string) => snapshot.departmentsByKey.get(key)?.color;
    const out: PersonView[] = [];
    for (const m of snapshot.members) {
      if (m.removed) continue;
      const peer = online.get(m.id);
      online.delete(m.id);
      out.push({
        id: m.id, name: m.name, department: m.department, role: m.role, online: Boolean(peer), self: m.id === myId,
        color: dept(m.department) ?? fallbackColor(m.id), group: groups.get(m.id), member: true,
      });
    }
    for (const [id, { presence: { user }, self }] of online) {
      out.push({
        id, name: user.name, department: user.department, role: user.role, online: true, self: self || id === myId,
        color: user.color, group: groups.get(id), member: false,
      });
    }
    return out.sort((a, b) =>
      a.self !== b.self ? (a.self ? -1 : 1)
        : a.online !== b.online ? (a.online ? -1 : 1)
          : a.name.localeCompare(b.name));
  }, [peers, snapshot, myId]);
}

export function ParticipantsPanel({ awareness, snapshot, myId, facilitator, actions, onClose }: {
  awareness: Awareness;
  snapshot: BoardSnapshot;
  myId: string;
  facilitator: boolean;
  actions: MemberActions;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const list = usePeople(awareness, snapshot, myId);
  const onlineCount = list.filter((p) => p.online).length;
  return (
    <aside className="side-panel" data-testid="participants-panel" aria-label={t('people.title')}>
      <header>
        <h2>{t('people.title')} <span className="badge" title={t('people.online', { count: onlineCount })}>
          {onlineCount}/{list.length}</span></h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>×</button>
      </header>
      {facilitator && <GroupsBar snapshot={snapshot} people={list} />}
      <ul className="people-list">
        {list.map((p) => (
          <MemberRow key={p.id} p={p} departments={snapshot.departmentsByKey} segments={snapshot.segments}
            facilitator={facilitator} actions={actions} />
        ))}
      </ul>
    </aside>
  );
}
