import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startDiscussion, DISCUSSION_AGENDA_MAX, type RankedNote } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';

/**
 * The facilitator starts "Discuss next" from the ranking on show (the whole
 * board or one stage): in rank order, or in the board's reading order. By
 * default only notes with dots that are not decided yet go on the agenda.
 */
export function StartDiscussion({ ranked, readingOrder, serverNow, running }: {
  /** The ranking in view, most dots first. */
  ranked: readonly RankedNote[];
  /** Each note's place in the board's reading order (segments, stages, notes): the "chosen order". */
  readingOrder: ReadonlyMap<string, number>;
  serverNow: () => number;
  /** A discussion is under way: starting again replaces its agenda (said so, not done silently). */
  running: boolean;
}) {
  const { t } = useTranslation();
  const { run } = useBoard();
  const [onlyVoted, setOnlyVoted] = useState(true);
  const [skipDecided, setSkipDecided] = useState(true);
  const chosen = ranked
    .filter((r) => (!onlyVoted || r.votes > 0) && (!skipDecided || r.note.status === 'open'))
    .slice(0, DISCUSSION_AGENDA_MAX);
  const start = (order: 'rank' | 'board') => {
    const place = (r: RankedNote) => readingOrder.get(r.note.id) ?? 0;
    const ids = (order === 'rank' ? chosen : [...chosen].sort((a, b) => place(a) - place(b))).map((r) => r.note.id);
    run((d, o) => startDiscussion(d, ids, serverNow(), o));
  };
  return (
    <section className="start-discussion" aria-labelledby="start-discussion-title">
      <h3 id="start-discussion-title">{t('results.discussTitle')}</h3>
      <label className="check-line">
        <input type="checkbox" checked={onlyVoted} onChange={(e) => setOnlyVoted(e.target.checked)} data-testid="discuss-only-voted" />
        <span>{t('results.onlyVoted')}</span>
      </label>
      <label className="check-line">
        <input type="checkbox" checked={skipDecided} onChange={(e) => setSkipDecided(e.target.checked)} data-testid="discuss-skip-decided" />
        <span>{t('results.skipDecided')}</span>
      </label>
      {running && chosen.length > 0 && <p className="results-note small" data-testid="discuss-running">{t('results.running')}</p>}
      {chosen.length === 0 ? <p className="muted small">{t('results.nothing')}</p> : (
        <div className="start-buttons">
          <button type="button" className={running ? 'big' : 'primary big'} onClick={() => start('rank')} data-testid="discuss-start">
            {t(running ? 'results.restartRanked' : 'results.startRanked', { count: chosen.length })}
          </button>
          <button type="button" className="link-button" onClick={() => start('board')} data-testid="discuss-start-board">
            {t('results.startBoard')}
          </button>
        </div>
      )}
      <p className="muted small">{t('results.discussHint')}</p>
    </section>
  );
}
