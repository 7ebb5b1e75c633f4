import { useTranslation } from 'react-i18next';
import { proposeOwner, type Department } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';

/**
 * A participant proposes an owner for the note under discussion, from the
 * overlay: one department per person per note (tap again to withdraw), the
 * same proposal the inspector writes. Offered only when the phase allows it.
 */
export function ProposeOwner({ noteId, departments, mine, myId }: {
  noteId: string;
  departments: Department[];
  /** Our current proposal on this note, if any. */
  mine: string | undefined;
  myId: string;
}) {
  const { t } = useTranslation();
  const { run } = useBoard();
  return (
    <fieldset className="discuss-propose">
      <legend>{t('discuss.yourProposal')} <span className="muted small">({t('discuss.proposeHint')})</span></legend>
      <div className="discuss-chips" data-testid="discuss-propose">
        {departments.map((d) => {
          const on = mine === d.key;
          return (
            <button key={d.key} type="button" aria-pressed={on} className={`discuss-chip${on ? ' on' : ''}`}
              data-testid={`discuss-propose-${d.key}`}
              onClick={() => run((doc, o) => proposeOwner(doc, noteId, myId, on ? null : d.key, o))}>
              <span className="tally-swatch" style={{ background: d.color }} aria-hidden="true" />{d.name}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
