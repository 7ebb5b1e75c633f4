import { useTranslation } from 'react-i18next';
import type { Department, Role, Segment } from '../../../shared/src/index.js';

export interface PersonView {
  id: string;
  name: string;
  department: string;
  role: Role;
  color: string;
  online: boolean;
  self: boolean;
  /** Segment id of their breakout group. */
  group: string | undefined;
  /** Known to the server as a member (viewers through the viewer link are not). */
  member: boolean;
}

export interface MemberActions {
  onFollow: (p: PersonView) => void;
  onGroup: (p: PersonView, segmentId: string | null) => void;
  onRole: (p: PersonView, role: Role) => void;
  onRemove: (p: PersonView) => void;
}

/** One person: who, where (group), online; facilitator actions on the right. */
export function MemberRow({ p, departments, segments, facilitator, actions }: {
  p: PersonView;
  departments: ReadonlyMap<string, Department>;
  segments: Segment[];
  facilitator: boolean;
  actions: MemberActions;
}) {
  const { t } = useTranslation();
  const group = segments.find((s) => s.id === p.group);
  const canFollow = p.online && !p.self;
  return (
    <li data-testid="participant" data-member-id={p.id} data-online={p.online} className={p.online ? 'online' : 'offline'}>
      <button type="button" className="person-main" disabled={!canFollow} onClick={() => actions.onFollow(p)}
        title={canFollow ? t('follow.help', { name: p.name }) : undefined} data-testid="participant-follow">
        <span className="avatar" style={{ background: p.color }}>
          {(p.name || '?').slice(0, 1).toUpperCase()}
          <span className={`presence-dot ${p.online ? 'on' : 'off'}`} aria-label={t(p.online ? 'people.isOnline' : 'people.isOffline')} />
        </span>
        <span className="person">
          <strong>{p.name || t('roles.viewer')}{p.self ? ` (${t('people.you')})` : ''}</strong>
          <small>
            {departments.get(p.department)?.name ?? t('join.noDepartment')} · {t(`roles.${p.role}`)}
            {group && !facilitator && <> · <span className="group-chip" style={{ borderColor: group.color }}
              data-testid="participant-group">{group.name}</span></>}
          </small>
        </span>
      </button>
      {facilitator && p.member && (
        <span className="member-tools">
          {p.role !== 'facilitator' && segments.length > 0 && (
            <select value={p.group ?? ''} aria-label={t('groups.assign', { name: p.name })} data-testid="participant-group-select"
              onChange={(e) => actions.onGroup(p, e.target.value || null)}>
              <option value="">{t('groups.none')}</option>
              {segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          )}
          {!p.self && (
            <select value="" aria-label={t('people.actions', { name: p.name })} data-testid="participant-actions"
              onChange={(e) => {
                const v = e.target.value;
                if (v === 'remove') actions.onRemove(p);
                else if (v === 'viewer' || v === 'participant' || v === 'facilitator') actions.onRole(p, v);
              }}>
              <option value="">⋯</option>
              {p.role !== 'viewer' && <option value="viewer">{t('people.makeViewer')}</option>}
              {p.role !== 'participant' && <option value="participant">{t('people.makeParticipant')}</option>}
              {p.role !== 'facilitator' && <option value="facilitator">{t('people.makeFacilitator')}</option>}
              <option value="remove">{t('people.remove')}</option>
            </select>
          )}
        </span>
      )}
    </li>
  );
}
