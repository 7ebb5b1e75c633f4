import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEEDBACK_OUTCOMES, roadmapLabels, type BoardSnapshot, type RoadmapLabels } from '../../../shared/src/index.js';
import { useToasts } from '../app/Toasts.js';
import { downloadExport } from '../exports/download.js';
import { errorText } from '../i18n/errorText.js';
import { buildAdoption, type StageAdoption } from './adoption.js';
import { FeedbackChips } from './FeedbackChips.js';
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

/** Step 7: where reps say the process is not followed, and why. */
export function AdoptionView({ snapshot, boardId, token }: { snapshot: BoardSnapshot; boardId: string; token: string }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const labels = roadmapLabels(snapshot.meta.language);
  const segments = useMemo(() => buildAdoption(snapshot), [snapshot]);
  const csv = useFeedbackCsv(boardId, token);
  const total = snapshot.feedback.length;
  const worked = snapshot.feedback.filter((f) => f.outcome === 'worked').length;
  const hotspots = segments.flatMap((s) => s.stages.map((st) => ({ st, segment: s.name })))
    .filter(({ st }) => st.total > 0 && st.notFollowed > 0)
    .sort((a, b) => b.st.total * b.st.notFollowed - a.st.total * a.st.notFollowed).slice(0, 3);

  return (
    <div className="roadmap-screen adoption" data-testid="adoption-view" lang={snapshot.meta.language}>
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
                  <li key={st.stageId}><strong>{segment} · {st.number}. {st.name}</strong> — {t('adoption.notFollowed', { percent: Math.round(st.notFollowed * 100), count: st.total })}
                    {st.blockers[0] && <> · {st.blockers[0].value}</>}</li>
                ))}
              </ol>
            </div>
          )}
        </header>
        {segments.map((segment) => (
          <section key={segment.id} className="rm-segment" style={{ borderTopColor: segment.color }} data-testid="adoption-segment">
            <h2>{segment.name} <span className="badge">{t('adoption.reportCount', { count: segment.total })}</span></h2>
            <div className="ad-stages">
              {segment.stages.map((stage) => <AdoptionStage key={stage.stageId} stage={stage} labels={labels} />)}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}

function AdoptionStage({ stage, labels }: { stage: StageAdoption; labels: RoadmapLabels }) {
  const { t } = useTranslation();
  return (
    <article className={`ad-stage${stage.notFollowed >= 0.5 ? ' trouble' : ''}`} data-testid="adoption-stage" data-stage-id={stage.stageId}
      data-total={stage.total}>
      <header>
        <h3>{stage.number}. {stage.name}</h3>
        <FeedbackChips feedback={stage} labels={labels} />
      </header>
      {stage.total === 0 ? <p className="rm-empty">{t('adoption.noneHere')}</p> : (
        <>
          <div className="ad-bar" aria-hidden="true">
            {FEEDBACK_OUTCOMES.map((o) => stage.counts[o] > 0 && (
              <span key={o} className={`fb-${o}`} style={{ flexGrow: stage.counts[o] }} />
            ))}
          </div>
          <div className="ad-why">
            {stage.blockers.length > 0 && (
              <div>
                <h4>{t('adoption.blockers')}</h4>
                <ul>{stage.blockers.map((b) => <li key={b.value}>{b.value} <span className="badge">{b.count}</span></li>)}</ul>
              </div>
            )}
            {stage.departments.length > 0 && (
              <div>
                <h4>{t('adoption.departments')}</h4>
                <ul>{stage.departments.map((d) => (
                  <li key={d.value.key}><span className="dot" style={{ background: d.value.color }} /> {d.value.name} <span className="badge">{d.count}</span></li>
                ))}</ul>
              </div>
            )}
          </div>
          {stage.latest.some((f) => f.comment) && (
            <>
              <h4>{t('adoption.latest')}</h4>
              <ul className="ad-comments">
                {stage.latest.filter((f) => f.comment).map((f) => (
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
