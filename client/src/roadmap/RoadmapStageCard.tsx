import type { RoadmapLabels, RoadmapStage } from '../../../shared/src/index.js';
import { DeptChip } from './DeptChip.js';
import { FeedbackChips } from './FeedbackChips.js';
import { RoadmapItemRow } from './RoadmapItemRow.js';

/** One stage of a segment's sales process: its actions with owners, commitments and field feedback. */
export function RoadmapStageCard({ stage, labels }: { stage: RoadmapStage; labels: RoadmapLabels }) {
  return (
    <article className="rm-stage" data-testid="roadmap-stage" data-stage-id={stage.id}>
      <header className="rm-stage-head">
        <span className="rm-stage-number">{stage.number}</span>
        <div>
          <h3>{stage.name}</h3>
          {stage.buyerStep && <p className="rm-buyer"><span>{labels.buyerStep}:</span> {stage.buyerStep}</p>}
        </div>
      </header>
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
