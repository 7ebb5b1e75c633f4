import { useTranslation } from 'react-i18next';
import { timerRemainingMs, type Timer } from '../../../shared/src/index.js';
import { useServerNow } from './useServerClock.js';

/** mm:ss, rounding up so "0:01" is shown until the very end. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/**
 * The countdown everyone sees, large enough for a projector. Computed from the
 * server's end time and our estimated server clock, so every screen agrees.
 * At zero: a "Time's up" banner and a pulse (no sound: the room is in a meeting).
 */
export function TimerDisplay({ timer, clockOffset }: { timer: Timer | null; clockOffset: number }) {
  const { t } = useTranslation();
  const now = useServerNow(clockOffset, timer?.status === 'running');
  if (!timer || timer.status === 'stopped') return null;
  const remaining = timerRemainingMs(timer, now);
  const done = timer.status === 'running' && remaining <= 0;
  return (
    <div className={`timer timer-${timer.status}${done ? ' timer-done' : ''}`} data-testid="timer"
      data-remaining-ms={remaining} data-status={done ? 'done' : timer.status} role="timer"
      aria-label={t('timer.label')}>
      {done ? (
        <>
          <span className="timer-up" data-testid="timer-up">{t('timer.up')}</span>
          {/* Across the board for a few seconds, readable from the back of the room; then it fades. */}
          <span className="times-up-banner" aria-hidden="true">{t('timer.up')}</span>
        </>
      ) : (
        <>
          <span className="timer-value" data-testid="timer-value">{formatRemaining(remaining)}</span>
          {timer.status === 'paused' && <span className="timer-paused">{t('timer.paused')}</span>}
        </>
      )}
    </div>
  );
}
