import { useTranslation } from 'react-i18next';
import {
  confirmOwners, ownerTally, proposeOwner, type Department, type Note,
} from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { useConverge } from '../board-base/ConvergeContext.js';
import { ConfirmOwners } from './ConfirmOwners.js';

/**
 * Who owns a note: the confirmed responsible department (solid) and supporting
 * ones, the tally of proposals (outlined, with counts), our own proposal, and
 * for the facilitator the confirmation. The author proposes through the note's
 * own `owners` while they may edit it; everyone else (and the author when the
 * phase closed writing) through one proposal per person. The facilitator does
 * not propose: they confirm.
 */
export function OwnersSection({ note, departments }: { note: Note; departments: Department[] }) {
  const { t } = useTranslation();
  const { canEditNote, notes, run } = useBoard();
  const c = useConverge();
  // A private draft: only its author's own picks until the reveal (proposals need a board note).
  const draft = !c.snapshot.notesById.has(note.id);
  const byKey = c.snapshot.departmentsByKey;
  const tally = ownerTally(c.snapshot, note.id);
  const responsible = byKey.get(note.responsible);
  const authorPicks = note.authorId === c.myId && canEditNote(note);
  const mine = c.snapshot.proposalsByNote.get(note.id)?.get(c.myId);
  const toggleOwner = (key: string) => {
    const owners = note.owners.includes(key) ? note.owners.filter((o) => o !== key) : [...note.owners, key];
    notes.update(note.id, { owners });
  };
  const propose = (key: string) =>
    run((d, o) => proposeOwner(d, note.id, c.myId, key === mine ? null : key, o));
  return (
    <section className="owners-section" data-testid="owners-section">
      {responsible && (
        <div className="owner-confirmed" data-testid="owner-responsible" data-key={responsible.key}>
          <span className="owner-solid" style={{ background: responsible.color }}>
            {t('owners.badge', { name: responsible.name })}
          </span>
          {note.supporting.length > 0 && (
            <span className="muted small" data-testid="owner-supporting">
              {t('owners.supporting', {
                names: note.supporting.map((k) => byKey.get(k)?.name).filter(Boolean).join(', '),
              })}
            </span>
          )}
        </div>
      )}
      {!draft && <p className="inspector-label">{t('owners.proposals')}</p>}
      {!draft && <div className="owner-picker" data-testid="owner-tally">
        {tally.map(({ department, count }) => {
          const d = byKey.get(department);
          return d ? (
            <span key={department} className="tally-chip" style={{ borderColor: d.color, color: d.color }}
              data-testid={`owner-tally-${department}`} data-count={count}>
              {d.name} <b>{count}</b>
            </span>
          ) : null;
        })}
        {tally.length === 0 && <span className="muted small">{t('owners.noProposals')}</span>}
      </div>}
      {authorPicks ? (
        <>
          <p className="inspector-label">{t('note.owners')}</p>
          <div className="owner-picker" data-testid="note-owners">
            {departments.map((d) => {
              const on = note.owners.includes(d.key);
              return (
                <button key={d.key} type="button" aria-pressed={on} className={`owner-chip ${on ? 'on' : ''}`}
                  style={on ? { background: d.color, borderColor: d.color } : { borderColor: d.color, color: d.color }}
                  data-testid={`note-owner-${d.key}`} onClick={() => toggleOwner(d.key)}>
                  {d.name}
                </button>
              );
            })}
            {departments.length === 0 && <span className="muted small">{t('note.noDepartments')}</span>}
          </div>
        </>
      ) : c.canPropose && !draft && !c.facilitator ? (
        <>
          <p className="inspector-label">{t('owners.yourProposal')} <span className="muted small">{t('owners.proposeHint')}</span></p>
          <div className="owner-picker" data-testid="owner-propose">
            {departments.map((d) => {
              const on = mine === d.key;
              return (
                <button key={d.key} type="button" aria-pressed={on} className={`owner-chip ${on ? 'on' : ''}`}
                  style={on ? { background: d.color, borderColor: d.color } : { borderColor: d.color, color: d.color }}
                  data-testid={`propose-owner-${d.key}`} onClick={() => propose(d.key)}>
                  {d.name}
                </button>
              );
            })}
          </div>
        </>
      ) : (
        c.snapshot.session.phase !== 'setup' && !c.facilitator && (
          <p className="muted small" data-testid="owner-propose-closed">{t('owners.closed')}</p>
        )
      )}
      {c.facilitator && !draft && (
        <ConfirmOwners key={note.id} note={note} departments={departments} tally={tally}
          onConfirm={(owners) => run((d, o) => confirmOwners(d, note.id, owners, o))} />
      )}
    </section>
  );
}
