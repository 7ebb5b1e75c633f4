import { useTranslation } from 'react-i18next';
import { useConverge } from '../board-base/ConvergeContext.js';

/** "3 dots left", big and always in sight while we can vote. */
export function DotsLeft({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const c = useConverge();
  if (!c.canVote || !c.voting) return null;
  const dots = Math.min(c.voting.votesPerPerson, 10);
  return (
    <div className={`dots-left ${className}`} data-testid="dots-left" data-left={c.left} role="status">
      <span className="dots-row" aria-hidden="true">
        {Array.from({ length: dots }, (_, i) => <span key={i} className={`dot ${i < c.left ? '' : 'spent'}`} />)}
      </span>
      <strong>{t('votes.left', { count: c.left })}</strong>
      {c.hidden && <span className="muted small">{t('votes.hiddenHint')}</span>}
    </div>
  );
}
