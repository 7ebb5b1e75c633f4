import type { RoadmapItem, RoadmapLabels } from '../../../shared/src/index.js';
import { DeptChip } from './DeptChip.js';

/** One action or best practice: text first, then who is responsible (prominent) and who supports. */
export function RoadmapItemRow({ item, labels }: { item: RoadmapItem; labels: RoadmapLabels }) {
  return (
    <li className="rm-item" data-testid="roadmap-item" data-note-id={item.id}>
      <div className="rm-item-text">
        {item.kind !== 'action' && <span className="rm-kind">{labels.kinds[item.kind]}</span>}
        {item.text}
      </div>
      <div className="rm-item-owners">
        <span className="rm-owner-label">{labels.responsible}</span>
        {item.responsible
          ? <span data-testid="roadmap-responsible"><DeptChip dept={item.responsible} /></span>
          : <span className="rm-no-owner" data-testid="roadmap-responsible">{labels.noOwner}</span>}
        {item.supporting.length > 0 && (
          <>
            <span className="rm-owner-label">{labels.supporting}</span>
            {item.supporting.map((d) => <DeptChip key={d.key} dept={d} variant="outline" />)}
          </>
        )}
        <span className="rm-item-meta">
          {item.votes > 0 && <span>● {labels.voteCount(item.votes)}</span>}
          {item.mergedCount > 0 && <span>{labels.mergedCount(item.mergedCount)}</span>}
        </span>
      </div>
    </li>
  );
}
