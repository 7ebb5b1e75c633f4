import { useTranslation } from 'react-i18next';
import type { RoadmapLabels, RoadmapWarning } from '../../../shared/src/index.js';

/** Facilitators only: actions with no owner or a contested one, each a click away from its note. */
export function RoadmapWarnings({ warnings, labels, onJump }: {
  warnings: RoadmapWarning[];
  labels: RoadmapLabels;
  onJump: (noteId: string) => void;
}) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <section className="rm-warnings" data-testid="roadmap-warnings">
      <h2>⚠ {labels.toSettle} <span className="badge">{warnings.length}</span></h2>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.type}-${w.item.item.id}`} data-testid="roadmap-warning" data-type={w.type}>
            <div>
              <strong>{w.type === 'no-owner' ? labels.warningNoOwner : w.reason === 'tie' ? labels.warningTie : labels.warningDiffers}</strong>
              <p>{w.item.item.text}</p>
              <small>
                {w.item.segmentName} · {w.item.stageNumber}. {w.item.stageName}
                {w.type === 'no-owner' && w.suggested && <> · {labels.suggested}: {w.suggested.department.name} ({w.suggested.count})</>}
                {w.type === 'contested-owner' && <> · {labels.proposals}: {w.proposals.map((p) => `${p.department.name} ${p.count}`).join(', ')}</>}
              </small>
            </div>
            <button type="button" className="small" onClick={() => onJump(w.item.item.id)} data-testid="roadmap-warning-jump">
              {t('roadmap.showOnBoard')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
