import { useTranslation } from 'react-i18next';
import { useConverge } from '../board-base/ConvergeContext.js';

/**
 * A note's dots for the inspector and the phone list: +1 / −1 buttons while
 * we can vote, our dots and the total (unless hidden), and the result once
 * voting closed. Nothing before voting was ever configured.
 */
export function DotControls({ noteId }: { noteId: string }) {
  const { t } = useTranslation();
  const c = useConverge();
  if (!c.voting || !c.snapshot.notesById.has(noteId)) return null;
  const { total, mine } = c.dots(noteId);
  const cap = c.voting.capPerNote;
  if (!c.canVote) {
    return (
      <div className="dot-controls closed" data-testid="note-dots">
        {(total ?? 0) > 0 && (
          <span className="dot-total" data-testid="note-dots-total">
            <span className="dot" aria-hidden="true" />{t('votes.total', { count: total ?? 0 })}
          </span>
        )}
        {mine > 0 && <span className="muted small">{t('votes.yours', { count: mine })}</span>}
        {c.votingBlockedByPhase && <span className="muted small">{t('votes.phaseClosed')}</span>}
      </div>
    );
  }
  const capReached = cap !== null && mine >= cap;
  return (
    <div className="dot-controls" data-testid="note-dots">
      <button type="button" className="dot-button minus" disabled={mine === 0} onClick={() => c.removeDot(noteId)}
        data-testid="dot-remove" aria-label={t('votes.remove')} title={t('votes.remove')}>−</button>
      <span className="dot-mine" data-testid="note-dots-mine" data-count={mine}>
        {mine > 0 ? Array.from({ length: Math.min(mine, 6) }, (_, i) => <span key={i} className="dot" />) : null}
        <span>{t('votes.yours', { count: mine })}</span>
      </span>
      <button type="button" className="dot-button plus" disabled={!c.canAdd(noteId)} onClick={() => c.addDot(noteId)}
        data-testid="dot-add" aria-label={t('votes.add')}>
        + {t('votes.dot')}
      </button>
      <span className="dot-status small" data-testid="dot-status">
        {total !== null && <span data-testid="note-dots-total">{t('votes.total', { count: total })} · </span>}
        {c.left === 0 ? t('votes.noneLeft') : capReached ? t('votes.capReached', { count: cap }) : t('votes.left', { count: c.left })}
      </span>
    </div>
  );
}
