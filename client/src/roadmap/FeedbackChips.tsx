import { FEEDBACK_OUTCOMES, type RoadmapLabels, type StageFeedback } from '../../../shared/src/index.js';

/** Counts by outcome as small coloured chips (green worked, amber partly, red blocked). */
export function FeedbackChips({ feedback, labels, compact = false }: {
  feedback: Pick<StageFeedback, 'counts' | 'total'>;
  labels: RoadmapLabels;
  compact?: boolean;
}) {
  if (feedback.total === 0) return null;
  return (
    <span className="fb-chips" data-testid="feedback-chips" data-total={feedback.total}>
      {FEEDBACK_OUTCOMES.filter((o) => feedback.counts[o] > 0).map((o) => (
        <span key={o} className={`fb-chip fb-${o}`} title={labels.outcomes[o]} data-testid={`feedback-count-${o}`}
          data-count={feedback.counts[o]}>
          {feedback.counts[o]}{!compact && <> {labels.outcomes[o]}</>}
        </span>
      ))}
    </span>
  );
}
