import { useTranslation } from 'react-i18next';
import { formatRoadmapDates, openNotesShown, roadmapLabels, type Roadmap } from '../../../shared/src/index.js';
import { RoadmapDepartments } from './RoadmapDepartments.js';
import { RoadmapMatrix } from './RoadmapMatrix.js';
import { RoadmapSegmentSection } from './RoadmapSegmentSection.js';
import { RoadmapWarnings } from './RoadmapWarnings.js';
import './roadmap.css';

/**
 * The roadmap, live from the board (buildRoadmap is its single source, like
 * every export). Written in the board's language; prints as an A4 booklet.
 */
export function RoadmapView({ roadmap, facilitator, onJump }: {
  roadmap: Roadmap;
  /** Facilitators see the points to settle, each linked to its note. */
  facilitator: boolean;
  onJump: (noteId: string) => void;
}) {
  const { t } = useTranslation();
  const labels = roadmapLabels(roadmap.language);
  return (
    <div className="roadmap-screen" data-testid="roadmap-view" lang={roadmap.language}>
      <div className="rm-doc">
        <header className="rm-cover">
          <div className="rm-cover-text">
            <p className="rm-eyebrow">{labels.salesRoadmap}</p>
            <h1>{roadmap.title}</h1>
            <p className="rm-dates">{labels.workshopDates}: {formatRoadmapDates(roadmap.createdAt, roadmap.lastActivityAt, labels)}</p>
          </div>
          <button type="button" className="primary rm-print" onClick={() => window.print()} data-testid="roadmap-print">
            {t('roadmap.print')}
          </button>
          <dl className="rm-stats">
            <div><dt>{labels.actions}</dt><dd data-testid="roadmap-count-actions">{roadmap.counts.actions}</dd></div>
            {openNotesShown(roadmap).count && (
              <div className={roadmap.counts.open > 0 ? 'rm-stat-open' : undefined}>
                <dt>{labels.stillToDecide}</dt><dd data-testid="roadmap-count-open">{roadmap.counts.open}</dd>
              </div>
            )}
            <div><dt>{labels.participants}</dt><dd>{roadmap.participants.total}</dd></div>
            <div><dt>{labels.openQuestions}</dt><dd>{roadmap.counts.questions}</dd></div>
            <div><dt>{labels.parkedIdeas}</dt><dd>{roadmap.counts.parked}</dd></div>
          </dl>
          {roadmap.participants.byDepartment.length > 0 && (
            <p className="rm-people">
              {roadmap.participants.byDepartment.map((h) => (
                <span key={h.department?.key ?? '-'}>
                  <span className="dot" style={{ background: h.department?.color ?? '#94a3b8' }} />
                  {h.department?.name ?? labels.noDepartment} {h.total}
                </span>
              ))}
            </p>
          )}
          <p className="rm-include">{labels.includeNote[roadmap.include]}</p>
        </header>
        {facilitator && <RoadmapWarnings warnings={roadmap.warnings} labels={labels} onJump={onJump} />}
        {roadmap.segments.map((segment) => <RoadmapSegmentSection key={segment.id} segment={segment} labels={labels} />)}
        <RoadmapMatrix roadmap={roadmap} labels={labels} />
        {roadmap.byDepartment.length > 0 && <RoadmapDepartments roadmap={roadmap} labels={labels} />}
      </div>
    </div>
  );
}
