import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  VOTES_PER_PERSON_MAX, configureVoting, setPhase, setVotingOpen, sortStageByVotes, type BoardSnapshot,
} from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';

function spentDots(snapshot: BoardSnapshot): { dots: number; people: number } {
  const people = new Set<string>();
  let dots = 0;
  for (const tally of snapshot.votesByNote.values()) {
    dots += tally.total;
    for (const id of tally.byMember.keys()) people.add(id);
  }
  return { dots, people: people.size };
}

/** Facilitators: set up dot voting, open and close it, and sort stages by the result. */
export function VotingPanel({ snapshot, onClose }: { snapshot: BoardSnapshot; onClose: () => void }) {
  const { t } = useTranslation();
  const { run } = useBoard();
  const voting = snapshot.session.voting;
  const [perPerson, setPerPerson] = useState(String(voting?.votesPerPerson ?? 5));
  const [cap, setCap] = useState(voting?.capPerNote ? String(voting.capPerNote) : '');
  const [hide, setHide] = useState(voting?.hideResults ?? false);
  const config = () => ({
    votesPerPerson: Number(perPerson), capPerNote: cap.trim() === '' ? null : Number(cap), hideResults: hide,
  });
  const dirty = !voting || voting.votesPerPerson !== Number(perPerson)
    || voting.capPerNote !== config().capPerNote || voting.hideResults !== hide;
  const spent = spentDots(snapshot);
  const stageDots = (stageId: string) =>
    (snapshot.notesByStage.get(stageId) ?? []).reduce((n, note) => n + (snapshot.votesByNote.get(note.id)?.total ?? 0), 0);
  const open = (value: boolean) => run((d, o) => d.transact(() => {
    if (dirty) configureVoting(d, config(), o);
    setVotingOpen(d, value, o);
  }, o));
  const sortAll = () => run((d, o) => d.transact(() => {
    for (const stage of snapshot.stagesById.values()) sortStageByVotes(d, stage.id, o);
  }, o));

  return (
    <aside className="side-panel voting-panel" data-testid="voting-panel" aria-label={t('votes.panel')}>
      <header>
        <h2>{t('votes.panel')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>×</button>
      </header>
      <div className="panel-scroll">
        <form className="voting-config" onSubmit={(e) => {
          e.preventDefault();
          run((d, o) => configureVoting(d, config(), o));
        }}>
          <label className="field-inline">
            <span>{t('votes.perPerson')}</span>
            <input type="number" min={1} max={VOTES_PER_PERSON_MAX} value={perPerson} required
              onChange={(e) => setPerPerson(e.target.value)} data-testid="voting-per-person" />
          </label>
          <label className="field-inline">
            <span>{t('votes.cap')}</span>
            <input type="number" min={1} max={VOTES_PER_PERSON_MAX} value={cap} placeholder={t('votes.noCap')}
              onChange={(e) => setCap(e.target.value)} data-testid="voting-cap" />
          </label>
          <label className="check-line">
            <input type="checkbox" checked={hide} onChange={(e) => setHide(e.target.checked)} data-testid="voting-hide" />
            <span>{t('votes.hide')}</span>
          </label>
          {voting && dirty && <button type="submit" data-testid="voting-save">{t('votes.save')}</button>}
        </form>
        <div className={`voting-state ${voting?.open ? 'open' : ''}`} data-testid="voting-state"
          data-open={voting?.open ? 'true' : 'false'}>
          <strong>{voting?.open ? t('votes.isOpen') : voting ? t('votes.isClosed') : t('votes.notSet')}</strong>
          <span className="small">{t('votes.spent', { count: spent.dots, people: spent.people })}</span>
          {voting?.open ? (
            <button type="button" className="big danger-solid" onClick={() => open(false)} data-testid="voting-close">
              {t('votes.close')}
            </button>
          ) : (
            <button type="button" className="big primary" onClick={() => open(true)} data-testid="voting-open">
              {t('votes.open')}
            </button>
          )}
          {voting?.open && snapshot.session.phase !== 'vote' && (
            <p className="voting-warning small" data-testid="voting-phase-warning">
              {t('votes.phaseWarning')}{' '}
              <button type="button" className="link-button" onClick={() => run((d, o) => setPhase(d, 'vote', o))}
                data-testid="voting-to-phase">{t('votes.toPhase')}</button>
            </p>
          )}
        </div>
        <section className="sort-section">
          <h3>{t('votes.sortTitle')}</h3>
          <button type="button" onClick={sortAll} data-testid="sort-all" disabled={spent.dots === 0}>
            ↓ {t('votes.sortAll')}
          </button>
          {snapshot.segments.map((segment) => (
            <div key={segment.id} className="sort-segment" style={{ borderLeftColor: segment.color }}>
              <strong>{segment.name}</strong>
              <ul>
                {segment.stages.map((stage) => {
                  const dots = stageDots(stage.id);
                  return (
                    <li key={stage.id}>
                      <span>{stage.name} <span className="muted small">· {t('votes.total', { count: dots })}</span></span>
                      <button type="button" className="small" disabled={dots === 0} data-testid={`sort-stage-${stage.id}`}
                        onClick={() => run((d, o) => sortStageByVotes(d, stage.id, o))}>{t('votes.sort')}</button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </section>
      </div>
    </aside>
  );
}

