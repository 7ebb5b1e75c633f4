import { useTranslation } from 'react-i18next';
import {
  confirmOwners, ownerTally, type Department, type Note,
} from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { useConverge } from '../board-base/ConvergeContext.js';
import { ConfirmOwners } from './ConfirmOwners.js';
import { myProposal, propose } from './myProposal.js';

/**
 * Who owns a note: the confirmed responsible department (solid) and supporting
 * ones, the tally of proposals (outlined, with counts), our own proposal, and
 * for the facilitator the confirmation. One proposal per person per note, the
 * author included (myProposal.ts): a private draft keeps its author's pick in
 * its `owners`, a board note takes everyone's through `proposals`. The
 * facilitator does not propose: they confirm.
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
  // A private draft cannot be proposed on yet (proposals name board notes): its author picks in the draft.
  const draftPick = draft && note.authorId === c.myId && canEditNote(note);
  const mine = myProposal(c.snapshot, note, c.myId);
  const pick = (key: string) => {
    const next = key === mine ? '' : key;
    if (draftPick) notes.update(note.id, { owners: next ? [next] : [] });
    else propose(run, note, c.myId, next, canEditNote(note));
  };
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
      {(draftPick || (c.canPropose && !draft && !c.facilitator)) ? (
        <>
          <p className="inspector-label">{t('owners.yourProposal')} <span className="muted small">{t('owners.proposeHint')}</span></p>
          <div className="owner-picker" data-testid="owner-propose">
            {departments.map((d) => {
              const on = mine === d.key;
              return (
                <button key={d.key} type="button" aria-pressed={on} className={`owner-chip ${on ? 'on' : ''}`}
                  style={on ? { background: d.color, borderColor: d.color } : { borderColor: d.color, color: d.color }}
                  data-testid={`propose-owner-${d.key}`} onClick={() => pick(d.key)}>
                  {d.name}
                </button>
              );
            })}
            {departments.length === 0 && <span className="muted small">{t('note.noDepartments')}</span>}
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
