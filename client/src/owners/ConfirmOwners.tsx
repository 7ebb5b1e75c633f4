import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfirmedOwners, Department, Note, OwnerCount } from '../../../shared/src/index.js';

/**
 * The facilitator settles who owns a note: one responsible department (tap
 * again to clear) and any supporting ones. Proposal counts are shown next to
 * each name so the decision can follow the room.
 */
export function ConfirmOwners({ note, departments, tally, onConfirm }: {
  note: Note;
  departments: Department[];
  tally: OwnerCount[];
  onConfirm: (owners: ConfirmedOwners) => void;
}) {
  const { t } = useTranslation();
  // Open at first when there is something to decide; then the facilitator's choice, not the data's.
  const [open, setOpen] = useState(note.responsible === '' && tally.length > 0);
  const counts = new Map(tally.map((c) => [c.department, c.count]));
  const setResponsible = (key: string) => onConfirm({
    responsible: note.responsible === key ? '' : key,
    supporting: note.supporting.filter((k) => k !== key),
  });
  const toggleSupporting = (key: string) => onConfirm({
    responsible: note.responsible,
    supporting: note.supporting.includes(key) ? note.supporting.filter((k) => k !== key) : [...note.supporting, key],
  });
  return (
    <details className="confirm-owners" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="confirm-owners-open">{t('owners.confirm')}</summary>
      <p className="inspector-label small">{t('owners.responsible')}</p>
      <div className="owner-picker">
        {departments.map((d) => {
          const on = note.responsible === d.key;
          return (
            <button key={d.key} type="button" aria-pressed={on} className={`owner-chip ${on ? 'on' : ''}`}
              style={on ? { background: d.color, borderColor: d.color } : { borderColor: d.color, color: d.color }}
              data-testid={`confirm-responsible-${d.key}`} onClick={() => setResponsible(d.key)}>
              {d.name}{counts.has(d.key) && <b className="chip-count">{counts.get(d.key)}</b>}
            </button>
          );
        })}
      </div>
      <p className="inspector-label small">{t('owners.supportingLabel')}</p>
      <div className="owner-picker">
        {departments.filter((d) => d.key !== note.responsible).map((d) => {
          const on = note.supporting.includes(d.key);
          return (
            <button key={d.key} type="button" aria-pressed={on} className={`owner-chip supporting ${on ? 'on' : ''}`}
              style={on ? { background: d.color, borderColor: d.color } : { borderColor: d.color, color: d.color }}
              data-testid={`confirm-supporting-${d.key}`} onClick={() => toggleSupporting(d.key)}>
              {d.name}
            </button>
          );
        })}
      </div>
    </details>
  );
}
