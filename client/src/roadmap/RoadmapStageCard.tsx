import { useTranslation } from 'react-i18next';
import { BOOKLET_SUMMARY_MAX, type RoadmapLabels, type RoadmapStage } from '../../../shared/src/index.js';
import { BookletText } from './BookletText.js';
import { DeptChip } from './DeptChip.js';
import { FeedbackChips } from './FeedbackChips.js';
import { RoadmapItemRow } from './RoadmapItemRow.js';
import { useBookletSave } from './useBookletSave.js';

/** One stage of a segment's sales process: its summary (optional), actions with owners, commitments and field feedback. */
export function RoadmapStageCard({ stage, labels, facilitator }: { stage: RoadmapStage; labels: RoadmapLabels; facilitator: boolean }) {
  const { t } = useTranslation();
  const save = useBookletSave();
  return (
    <article className="rm-stage" data-testid="roadmap-stage" data-stage-id={stage.id}>
      <header className="rm-stage-head">
        <span className="rm-stage-number">{stage.number}</span>
        <div>
          <h3>{stage.name}</h3>
          {stage.buyerStep && <p className="rm-buyer"><span>{labels.buyerStep}:</span> {stage.buyerStep}</p>}
        </div>
      </header>
      <BookletText testId="booklet-stage" className="rm-summary rm-stage-summary" text={stage.summary} max={BOOKLET_SUMMARY_MAX}
        label={`${labels.summary}: ${stage.name}`} addPrompt={t('roadmap.booklet.addStageSummary')} editable={facilitator}
        onSave={(text) => save({ stageId: stage.id }, text)} />
      {stage.actions.length > 0 ? (
        <ul className="rm-items">
          {stage.actions.map((item) => <RoadmapItemRow key={item.id} item={item} labels={labels} />)}
        </ul>
      ) : <p className="rm-empty">{labels.noActions}</p>}
      {stage.open.length > 0 && (
        <p className="rm-open" data-testid="roadmap-stage-open">
          {labels.openCount(stage.open.length)}: {labels.see(labels.stillToDecide)}.
        </p>
      )}
      {stage.commitments.length > 0 && (
        <section className="rm-sub rm-commitments" data-testid="roadmap-commitments">
          <h4>{labels.commitments}</h4>
          <ul>
            {stage.commitments.map((c) => (
              <li key={c.department.key} data-testid="roadmap-commitment">
                <DeptChip dept={c.department} />
                <span className="rm-commit-text">“{c.text}”</span>
                {c.byName && <span className="rm-by">— {c.byName}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {stage.feedback.total > 0 && (
        <section className="rm-sub rm-feedback" data-testid="roadmap-feedback">
          <h4>{labels.feedback} <FeedbackChips feedback={stage.feedback} labels={labels} /></h4>
          <ul>
            {stage.feedback.latest.filter((f) => f.comment || f.blocker).map((f) => (
              <li key={f.id}>
                <span className={`fb-dot fb-${f.outcome}`} role="img" aria-label={labels.outcomes[f.outcome]} />
                {[f.blocker, f.comment].filter(Boolean).join(' — ')}
                {f.repName && <span className="rm-by"> — {f.repName}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
