import { useTranslation } from 'react-i18next';
import type { RankedNote } from '../../../shared/src/index.js';

/**
 * One line of the ranking: rank, "tied" when another note has the same dots
 * (ties are shown, never broken silently), dots, the note's text and where it
 * sits. The whole line is one button: it shows the note on the board.
 */
export function ResultRow({ ranked, place, showVotes, onShow }: {
  ranked: RankedNote;
  /** "Segment · Stage" of the note. */
  place: string;
  /** False while totals are hidden from us: no rank, no dots, only the list. */
  showVotes: boolean;
  onShow: (noteId: string) => void;
}) {
  const { t } = useTranslation();
  const { note, rank, tied, votes } = ranked;
  return (
    <li className="result-row" data-testid={`result-${note.id}`} data-rank={showVotes ? rank : undefined}
      data-tied={showVotes && tied ? 'true' : 'false'} data-votes={showVotes ? votes : undefined}>
      <button type="button" className="result-button" onClick={() => onShow(note.id)} title={t('results.showNote')}>
        {showVotes && (
          <span className="result-rank" aria-label={`${t('results.rank')} ${rank}`}>
            {rank}
            {tied && <span className="result-tied" aria-label={t('results.tiedLabel', { rank })}>{t('results.tied')}</span>}
          </span>
        )}
        <span className="result-main">
          <span className="result-text">{note.text || '…'}</span>
          <span className="result-place">{place}</span>
        </span>
        {showVotes && <span className="result-votes">{t('results.votes', { count: votes })}</span>}
      </button>
    </li>
  );
}
