import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../board-base/BoardContext.js';
import { serverNow } from './useServerClock.js';
import { ClockIcon } from '../ui/icons.js';
import { extendTimer, pauseTimer, resumeTimer, startTimer, stopTimer, type Timer } from '../../../shared/src/index.js';

const PRESETS_MIN = [3, 5, 10, 15];
const MINUTE = 60_000;

/** Facilitator: start (presets or custom minutes), pause/resume, +1 minute, stop. */
export function TimerControls({ timer, clockOffset }: { timer: Timer | null; clockOffset: number }) {
  const { t } = useTranslation();
  const { run } = useBoard();
  const [open, setOpen] = useState(false);
  const [custom, setCustom] = useState('7');
  const now = () => serverNow(clockOffset);
  const start = (minutes: number) => {
    run((d, o) => startTimer(d, minutes * MINUTE, now(), o));
    setOpen(false);
  };
  const active = timer !== null && timer.status !== 'stopped';
  return (
    <div className="timer-controls">
      {active && (
        <>
          {timer?.status === 'running' ? (
            <button type="button" className="tool" data-testid="timer-pause" title={t('timer.pause')}
              aria-label={t('timer.pause')} onClick={() => run((d, o) => pauseTimer(d, now(), o))}>❚❚</button>
          ) : (
            <button type="button" className="tool" data-testid="timer-resume" title={t('timer.resume')}
              aria-label={t('timer.resume')} onClick={() => run((d, o) => resumeTimer(d, now(), o))}>▶</button>
          )}
          <button type="button" className="tool" data-testid="timer-extend" title={t('timer.extendHelp')}
            onClick={() => run((d, o) => extendTimer(d, MINUTE, now(), o))}>{t('timer.extend')}</button>
          <button type="button" className="tool" data-testid="timer-stop" title={t('timer.stop')}
            aria-label={t('timer.stop')} onClick={() => run((d, o) => stopTimer(d, o))}>■</button>
        </>
      )}
      <button type="button" className={`tool${active ? '' : ' primary'}`} data-testid="timer-open"
        aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        <ClockIcon /><span className="pb-label">{active ? t('timer.restart') : t('timer.start')}</span>
      </button>
      {open && (
        <div className="popover timer-popover" data-testid="timer-popover"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setOpen(false);
          }}>
          <p className="popover-title">{t('timer.startFor')}</p>
          <div className="preset-grid">
            {PRESETS_MIN.map((m) => (
              <button key={m} type="button" className="preset" data-testid={`timer-preset-${m}`} onClick={() => start(m)}>
                {t('timer.minutes', { count: m })}
              </button>
            ))}
          </div>
          <form className="row" onSubmit={(e) => {
            e.preventDefault();
            const m = Number(custom);
            if (Number.isFinite(m) && m > 0 && m <= 180) start(m);
          }}>
            <label className="custom-minutes">
              <span className="sr-only">{t('timer.custom')}</span>
              <input type="number" min={0.05} max={180} step="any" value={custom} data-testid="timer-custom"
                onChange={(e) => setCustom(e.target.value)} aria-label={t('timer.custom')} />
              <span>{t('timer.min')}</span>
            </label>
            <button type="submit" className="primary" data-testid="timer-custom-start">{t('timer.start')}</button>
          </form>
        </div>
      )}
    </div>
  );
}
