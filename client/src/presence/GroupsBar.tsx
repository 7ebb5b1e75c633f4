import { useTranslation } from 'react-i18next';
import type { BoardSnapshot } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import type { PersonView } from './MemberRow.js';
import { autoAssignGroups } from '../../../shared/src/index.js';

/**
 * Facilitator: breakout groups. One click spreads the participants evenly over
 * the segments; the counts show who is where (each person's select in the list
 * below moves them one by one).
 */
export function GroupsBar({ snapshot, people }: { snapshot: BoardSnapshot; people: PersonView[] }) {
  const { t } = useTranslation();
  const { run } = useBoard();
  const groups = snapshot.groups;
  const participants = people.filter((p) => p.member && p.role === 'participant');
  if (snapshot.segments.length === 0) return null;
  return (
    <section className="groups-bar" data-testid="groups-bar">
      <div className="row">
        <strong>{t('groups.title')}</strong>
        <button type="button" className="tool" data-testid="groups-auto" disabled={participants.length === 0}
          onClick={() => run((d, o) => autoAssignGroups(d, participants.map((p) => p.id), o))}>
          {t('groups.auto')}
        </button>
      </div>
      <ul className="group-counts">
        {snapshot.segments.map((s) => {
          const n = participants.filter((p) => groups.get(p.id) === s.id).length;
          return (
            <li key={s.id} style={{ borderLeftColor: s.color }} data-testid="group-count" data-segment-id={s.id}>
              <span>{s.name}</span> <strong>{n}</strong>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
