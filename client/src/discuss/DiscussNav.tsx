import { useTranslation } from 'react-i18next';
import {
  discussNext, discussPrevious, setDiscussionTimebox, stopDiscussion, type Discussion,
} from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';

/** Time boxes offered, in minutes (the model allows 10 s to 60 min). */
const TIMEBOX_MINUTES = [1, 2, 3, 5, 10];

/** The facilitator moves through the agenda, sets the time box per note, and ends the discussion. */
export function DiscussNav({ discussion, hasPrevious, done, serverNow }: {
  discussion: Discussion;
  hasPrevious: boolean;
  done: boolean;
  serverNow: () => number;
}) {
  const { t } = useTranslation();
  const { run } = useBoard();
  return (
    <div className="discuss-nav" role="group" aria-label={t('discuss.controls')}>
      <button type="button" disabled={!hasPrevious} data-testid="discuss-previous"
        onClick={() => run((d, o) => discussPrevious(d, serverNow(), o))}>← {t('discuss.previous')}</button>
      <button type="button" disabled={done} data-testid="discuss-next" title={t('discuss.nextHint')}
        onClick={() => run((d, o) => discussNext(d, serverNow(), o))}>{t('discuss.next')} →</button>
      <label className="discuss-timebox-field">
        <span>{t('discuss.timebox')}</span>
        <select value={discussion.timeboxSeconds ?? ''} data-testid="discuss-timebox-select"
          onChange={(e) => {
            const seconds = e.target.value === '' ? null : Number(e.target.value);
            run((d, o) => setDiscussionTimebox(d, seconds, serverNow(), o));
          }}>
          <option value="">{t('discuss.noTimebox')}</option>
          {TIMEBOX_MINUTES.map((m) => <option key={m} value={m * 60}>{t('discuss.minutes', { count: m })}</option>)}
          {discussion.timeboxSeconds !== null && !TIMEBOX_MINUTES.includes(discussion.timeboxSeconds / 60) && (
            <option value={discussion.timeboxSeconds}>{discussion.timeboxSeconds} s</option>
          )}
        </select>
      </label>
      <button type="button" className="danger" data-testid="discuss-stop"
        onClick={() => run((d, o) => stopDiscussion(d, o))}>{t('discuss.stop')}</button>
    </div>
  );
}
