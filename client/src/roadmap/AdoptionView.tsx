import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FEEDBACK_OUTCOMES, buildRoadmap, roadmapLabels, type BoardSnapshot, type RoadmapLabels, type RoadmapSegment, type RoadmapStage,
} from '../../../shared/src/index.js';
import { useToasts } from '../ui/Toasts.js';
import { downloadExport } from '../exports/download.js';
import { errorText } from '../i18n/errorText.js';
import { FeedbackChips } from './FeedbackChips.js';

/** Latest reports per stage whose comments the adoption view quotes. */
const LATEST_REPORTS = 4;
/** Most common blockers and departments shown per stage. */
const TOP = 3;
import './roadmap.css';

/** Whether this server renders the feedback CSV (a later addition to the export list). */
function useFeedbackCsv(boardId: string, token: string): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let live = true;
    fetch(`/api/boards/${encodeURIComponent(boardId)}/export/feedback.csv?token=${encodeURIComponent(token)}`, { method: 'HEAD' })
      .then((r) => live && setAvailable(r.ok), () => undefined);
    return () => {
      live = false;
    };
  }, [boardId, token]);
  return available;
}

/**
 * Step 7: where reps say the process is not followed, and why, per segment
 * and stage. The figures are the roadmap's feedback per stage (buildRoadmap).
 */
export function AdoptionView({ snapshot, boardId, token }: { snapshot: BoardSnapshot; boardId: string; token: string }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const labels = roadmapLabels(snapshot.meta.language);
  const { segments } = useMemo(() => buildRoadmap(snapshot, { latestFeedback: LATEST_REPORTS }), [snapshot]);
  const csv = useFeedbackCsv(boardId, token);
  const stages = segments.flatMap((s) => s.stages.map((st) => ({ st, segment: s.name })));
  const total = stages.reduce((n, { st }) => n + st.feedback.total, 0);
  const worked = stages.reduce((n, { st }) => n + st.feedback.counts.worked, 0);
  const hotspots = stages
    .filter(({ st }) => st.feedback.total > 0 && st.feedback.notFollowed > 0)
    .sort((a, b) => b.st.feedback.total * b.st.feedback.notFollowed - a.st.feedback.total * a.st.feedback.notFollowed)
    .slice(0, 3);

  return (
    // A scrolling region that may hold nothing focusable: focusable itself, so the keyboard scrolls it.
    <div className="roadmap-screen adoption" data-testid="adoption-view" lang={snapshot.meta.language}
      tabIndex={0} role="region" aria-label={t('adoption.title')}>
      <div className="rm-doc">
        <header className="rm-cover">
          <div className="rm-cover-text">
            <p className="rm-eyebrow">{t('adoption.eyebrow')}</p>
            <h1>{t('adoption.title')}</h1>
            <p className="rm-dates">{t('adoption.lead')}</p>
          </div>
          {csv ? (
            <button type="button" className="primary" data-testid="adoption-csv"
              onClick={() => void downloadExport(boardId, token, 'feedback.csv').catch((err: unknown) =>
                toasts.show(t('exports.failed', { message: errorText(t, err) }), 'error'))}>
              {t('adoption.csv')}
            </button>
          ) : <span />}
          <dl className="rm-stats">
            <div><dt>{t('adoption.reports')}</dt><dd data-testid="adoption-total">{total}</dd></div>
            <div><dt>{labels.outcomes.worked}</dt><dd>{total ? Math.round((worked / total) * 100) : 0}%</dd></div>
          </dl>
          {total === 0 && <p className="rm-include">{t('adoption.none')}</p>}
          {hotspots.length > 0 && (
            <div className="ad-hotspots">
              <h4>{t('adoption.hotspots')}</h4>
              <ol>
                {hotspots.map(({ st, segment }) => (
                  <li key={st.id}><strong>{segment} · {st.number}. {st.name}</strong> — {t('adoption.notFollowed', { percent: Math.round(st.feedback.notFollowed * 100), count: st.feedback.total })}
                    {st.feedback.blockers[0] && <> · {st.feedback.blockers[0].value}</>}</li>
                ))}
              </ol>
            </div>
          )}
        </header>
        {segments.map((segment) => (
          <section key={segment.id} className="rm-segment" style={{ borderTopColor: segment.color }} data-testid="adoption-segment">
            <h2>{segment.name} <span className="badge">{t('adoption.reportCount', { count: reportsIn(segment) })}</span></h2>
            <div className="ad-stages">
              {segment.stages.map((stage) => <AdoptionStage key={stage.id} stage={stage} labels={labels} />)}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}

function reportsIn(segment: RoadmapSegment): number {
  return segment.stages.reduce((n, st) => n + st.feedback.total, 0);
}

function AdoptionStage({ stage, labels }: { stage: RoadmapStage; labels: RoadmapLabels }) {
  const { t } = useTranslation();
  const feedback = stage.feedback;
  const blockers = feedback.blockers.slice(0, TOP);
  const departments = feedback.departments.slice(0, TOP);
  return (
    <article className={`ad-stage${feedback.notFollowed >= 0.5 ? ' trouble' : ''}`} data-testid="adoption-stage" data-stage-id={stage.id}
      data-total={feedback.total}>
      <header>
        <h3>{stage.number}. {stage.name}</h3>
        <FeedbackChips feedback={feedback} labels={labels} />
      </header>
      {feedback.total === 0 ? <p className="rm-empty">{t('adoption.noneHere')}</p> : (
        <>
          <div className="ad-bar" aria-hidden="true">
            {FEEDBACK_OUTCOMES.map((o) => feedback.counts[o] > 0 && (
              <span key={o} className={`fb-${o}`} style={{ flexGrow: feedback.counts[o] }} />
            ))}
          </div>
          <div className="ad-why">
            {blockers.length > 0 && (
              <div>
                <h4>{t('adoption.blockers')}</h4>
                <ul>{blockers.map((b) => <li key={b.value}>{b.value} <span className="badge">{b.count}</span></li>)}</ul>
              </div>
            )}
            {departments.length > 0 && (
              <div>
                <h4>{t('adoption.departments')}</h4>
                <ul>{departments.map((d) => (
                  <li key={d.value.key}><span className="dot" style={{ background: d.value.color }} /> {d.value.name} <span className="badge">{d.count}</span></li>
                ))}</ul>
              </div>
            )}
          </div>
          {feedback.latest.some((f) => f.comment) && (
            <>
              <h4>{t('adoption.latest')}</h4>
              <ul className="ad-comments">
                {feedback.latest.filter((f) => f.comment).map((f) => (
                  <li key={f.id}><span className={`fb-dot fb-${f.outcome}`} /> “{f.comment}”{f.repName && <small> — {f.repName}</small>}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </article>
  );
}
