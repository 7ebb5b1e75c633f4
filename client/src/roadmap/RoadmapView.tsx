import { roadmapLabels, type Brand, type Roadmap } from '../../../shared/src/index.js';
import { logoUrl as urlOf } from './brandLook.js';
import { RoadmapCover } from './RoadmapCover.js';
import { RoadmapDepartments } from './RoadmapDepartments.js';
import { RoadmapIntro } from './RoadmapIntro.js';
import { RoadmapMatrix } from './RoadmapMatrix.js';
import { RoadmapSegmentSection } from './RoadmapSegmentSection.js';
import { RoadmapWarnings } from './RoadmapWarnings.js';
import './roadmap.css';

/**
 * The roadmap, live from the board (buildRoadmap is its single source, like
 * every export). Written in the board's language; prints as an A4 booklet.
 * Facilitators also write the booklet's texts here (foreword, executive
 * summary, segment and stage summaries) and set the client's brand.
 */
export function RoadmapView({ roadmap, facilitator, onJump, boardId, token, storedBrand }: {
  roadmap: Roadmap;
  /** Facilitators see the points to settle, each linked to its note, and edit the booklet's texts and brand. */
  facilitator: boolean;
  onJump: (noteId: string) => void;
  boardId: string;
  /** Personal session: the logo upload. */
  token: string;
  /** The brand as stored (the roadmap's accent may be adjusted for contrast): what the brand panel edits. */
  storedBrand: Brand;
}) {
  const labels = roadmapLabels(roadmap.language);
  const logoUrl = urlOf(roadmap.brand.logo);
  return (
    <div className="roadmap-screen" data-testid="roadmap-view" lang={roadmap.language}>
      <div className="rm-doc">
        <RoadmapCover roadmap={roadmap} labels={labels} logoUrl={logoUrl} facilitator={facilitator} boardId={boardId} token={token}
          storedBrand={storedBrand} />
        {facilitator && <RoadmapWarnings warnings={roadmap.warnings} labels={labels} onJump={onJump} />}
        <RoadmapIntro roadmap={roadmap} labels={labels} facilitator={facilitator} />
        {roadmap.segments.map((segment) => (
          <RoadmapSegmentSection key={segment.id} segment={segment} labels={labels} facilitator={facilitator} />
        ))}
        <RoadmapMatrix roadmap={roadmap} labels={labels} />
        {roadmap.byDepartment.length > 0 && <RoadmapDepartments roadmap={roadmap} labels={labels} />}
      </div>
    </div>
  );
}
