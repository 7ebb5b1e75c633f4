import { useTranslation } from 'react-i18next';
import { BOOKLET_SUMMARY_MAX, type RoadmapLabels, type RoadmapSegment } from '../../../shared/src/index.js';
import { BookletText } from './BookletText.js';
import { RoadmapStageCard } from './RoadmapStageCard.js';
import { useBookletSave } from './useBookletSave.js';

/**
 * One buyer segment: its summary, its sales process stage by stage, then what
 * is still to decide, open questions and parked ideas. Facilitators write the
 * segment's and the stages' summaries here.
 */
export function RoadmapSegmentSection({ segment, labels, facilitator }: {
  segment: RoadmapSegment;
  labels: RoadmapLabels;
  facilitator: boolean;
}) {
  const { t } = useTranslation();
  const save = useBookletSave();
  const parked = segment.stages.flatMap((s) => s.parked.map((item) => ({ item, stage: s })));
  const questions = segment.stages.flatMap((s) => s.questions.map((item) => ({ item, stage: s })));
  const open = segment.stages.flatMap((s) => s.open.map((item) => ({ item, stage: s })));
  return (
    <section className="rm-segment rm-page" data-testid="roadmap-segment" style={{ borderTopColor: segment.color }}>
      <header className="rm-segment-head">
        <p className="rm-eyebrow" style={{ color: segment.color }}>{labels.segment} {segment.number}</p>
        <h2>{segment.name}</h2>
        {segment.description && <p className="rm-desc">{segment.description}</p>}
        <BookletText testId="booklet-segment" className="rm-summary" text={segment.summary} max={BOOKLET_SUMMARY_MAX}
          heading={<h3 className="rm-summary-label">{labels.summary}</h3>} label={`${labels.summary}: ${segment.name}`}
          addPrompt={t('roadmap.booklet.addSegmentSummary')} editable={facilitator}
          onSave={(text) => save({ segmentId: segment.id }, text)} />
        <ol className="rm-overview" aria-label={labels.stageOverview}>
          {segment.stages.map((s) => (
            <li key={s.id} style={{ borderColor: segment.color }}>
              <strong>{s.number}. {s.name}</strong>
              {s.buyerStep && <small>{s.buyerStep}</small>}
            </li>
          ))}
        </ol>
      </header>
      <div className="rm-stages">
        {segment.stages.map((stage) => <RoadmapStageCard key={stage.id} stage={stage} labels={labels} facilitator={facilitator} />)}
      </div>
      {(open.length > 0 || parked.length > 0 || questions.length > 0) && (
        <div className="rm-aside">
          {open.length > 0 && (
            <section className="rm-still-open" data-testid="roadmap-still-to-decide">
              <h4>{labels.stillToDecide} <span className="rm-count">{open.length}</span></h4>
              <ul>{open.map(({ item, stage }) => <li key={item.id} data-note-id={item.id}>{item.text} <small>· {stage.name}</small></li>)}</ul>
            </section>
          )}
          {questions.length > 0 && (
            <section data-testid="roadmap-questions">
              <h4>{labels.openQuestions}</h4>
              <ul>{questions.map(({ item, stage }) => <li key={item.id}>{item.text} <small>· {stage.name}</small></li>)}</ul>
            </section>
          )}
          {parked.length > 0 && (
            <section className="rm-parked" data-testid="roadmap-parked">
              <h4>{labels.parkedIdeas}</h4>
              <ul>{parked.map(({ item, stage }) => <li key={item.id}>{item.text} <small>· {stage.name}</small></li>)}</ul>
            </section>
          )}
        </div>
      )}
    </section>
  );
}
