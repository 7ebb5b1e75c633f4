import { useTranslation } from 'react-i18next';
import { timeboxRemainingMs, type Discussion } from '../../../shared/src/index.js';
import { useServerNow } from '../session/useServerClock.js';

/** mm:ss, rounding up so "0:01" shows until the very end. */
function mmss(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The current note's time box, counted on the server's clock (invariant 9)
 * so the projector and every laptop agree. At zero it says so; moving on
 * stays the facilitator's call.
 */
export function TimeboxCountdown({ discussion, clockOffset }: { discussion: Discussion; clockOffset: number }) {
  const { t } = useTranslation();
  const now = useServerNow(clockOffset, discussion.timeboxSeconds !== null, 500);
  const left = timeboxRemainingMs(discussion, now);
  if (left === null) return null;
  const up = left <= 0;
  return (
    <span className={`discuss-timebox${up ? ' up' : ''}`} role="timer" aria-label={t('discuss.timeLeft')}
      data-testid="discuss-timebox" data-remaining-ms={left}>
      {up ? t('discuss.timeUp') : mmss(left)}
    </span>
  );
}
