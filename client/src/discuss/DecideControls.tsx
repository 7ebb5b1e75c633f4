import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { decideDiscussed, type Department, type Note } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import type { TallyLine } from './useDiscussionView.js';

/**
 * The facilitator's decision on the current note: responsible (preset to the
 * one already confirmed, else the room's top proposal) and supporting, then
 * one click, Accept or Park, which confirms, decides and moves on in one
 * transaction (decideDiscussed: one undo step). Mounted with the note's id
 * as key, so the choice starts afresh on each note.
 */
export function DecideControls({ note, departments, tally, serverNow, nav }: {
  note: Note;
  /** The agenda controls (DiscussNav), shown in the same pinned bar as Accept and Park. */
  nav: ReactNode;
  departments: Department[];
  tally: TallyLine[];
  serverNow: () => number;
}) {
  const { t } = useTranslation();
  const { run } = useBoard();
  const [chosen, setResponsible] = useState<string>();
  const [supporting, setSupporting] = useState<string[]>(note.supporting);
  // Until the facilitator picks, follow the room: the tally can change while people propose.
  const responsible = chosen ?? (note.responsible || tally[0]?.department.key || '');
  // The departments the room proposed come first (most proposed first), then the rest in board order.
  const proposed = new Map(tally.map((l, i) => [l.department.key, i]));
  const ordered = [...departments].sort((a, b) => (proposed.get(a.key) ?? Infinity) - (proposed.get(b.key) ?? Infinity));
  const decide = (status: 'accepted' | 'parked') => run((d, o) => decideDiscussed(d, {
    responsible, supporting: supporting.filter((k) => k !== responsible), status,
  }, serverNow(), o));
  const chip = (d: Department, on: boolean, onClick: () => void, testId: string) => (
    <button key={d.key} type="button" aria-pressed={on} className={`discuss-chip${on ? ' on' : ''}`} onClick={onClick}
      data-testid={testId}>
      <span className="tally-swatch" style={{ background: d.color }} aria-hidden="true" />{d.name}
    </button>
  );
  return (
    <>
    <div className="discuss-decide">
      <fieldset>
        <legend>{t('discuss.responsible')}</legend>
        <div className="discuss-chips" data-testid="discuss-responsible" data-value={responsible}>
          {ordered.map((d) => chip(d, responsible === d.key,
            () => setResponsible(responsible === d.key ? '' : d.key), `discuss-responsible-${d.key}`))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('discuss.supporting')}</legend>
        <div className="discuss-chips" data-testid="discuss-supporting">
          {ordered.filter((d) => d.key !== responsible).map((d) => {
            const on = supporting.includes(d.key);
            return chip(d, on, () => setSupporting(on ? supporting.filter((k) => k !== d.key) : [...supporting, d.key]),
              `discuss-supporting-${d.key}`);
          })}
        </div>
      </fieldset>
    </div>
    {/* Pinned to the bottom of the overlay: the one click never scrolls out of reach on a laptop. */}
    <div className="discuss-actionbar">
      <div className="discuss-decide-buttons">
        <button type="button" className="primary big" onClick={() => decide('accepted')} data-testid="discuss-accept"
          title={t('discuss.acceptHint')}>✓ {t('discuss.accept')}</button>
        <button type="button" className="big" onClick={() => decide('parked')} data-testid="discuss-park">
          {t('discuss.park')}
        </button>
      </div>
      {nav}
    </div>
    </>
  );
}
