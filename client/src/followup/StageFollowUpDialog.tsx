import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { roadmapLabels, setCommitment, type BoardSnapshot, type Roadmap } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { FeedbackChips } from '../roadmap/FeedbackChips.js';
import { CommitmentRow } from './CommitmentRow.js';

/** A stage's commitments (editable by facilitators) and the reps' latest feedback. */
export function StageFollowUpDialog({ stageId, roadmap, snapshot, onClose }: {
  stageId: string;
  roadmap: Roadmap;
  snapshot: BoardSnapshot;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { run, canStructure } = useBoard();
  const labels = roadmapLabels(roadmap.language);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const segment = roadmap.segments.find((s) => s.stages.some((st) => st.id === stageId));
  const stage = segment?.stages.find((st) => st.id === stageId);
  if (!segment || !stage) return null;
  const feedback = snapshot.feedback.filter((f) => f.stageId === stageId).slice(0, 6);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal followup-dialog" role="dialog" aria-modal="true" aria-labelledby="fu-title"
        data-testid="stage-followup" onClick={(e) => e.stopPropagation()}>
        <p className="rm-eyebrow" style={{ color: segment.color }}>{segment.name} · {labels.stage} {stage.number}</p>
        <h2 id="fu-title">{stage.name}</h2>
        {stage.buyerStep && <p className="muted">{labels.buyerStep}: {stage.buyerStep}</p>}
        <h3>{labels.commitments}</h3>
        <ul className="commit-list">
          {roadmap.departments.map((d) => (
            <CommitmentRow key={d.key} department={d} editable={canStructure}
              commitment={stage.commitments.find((c) => c.department.key === d.key)}
              onSave={(text, byName) => run((doc, o) => setCommitment(doc, stageId, d.key, text, byName, o))} />
          ))}
        </ul>
        <h3>{labels.feedback} <FeedbackChips feedback={stage.feedback} labels={labels} /></h3>
        {feedback.length === 0 ? <p className="muted">{labels.noFeedback}</p> : (
          <ul className="fu-feedback" data-testid="stage-feedback-list">
            {feedback.map((f) => (
              <li key={f.id}>
                <span className={`fb-chip fb-${f.outcome}`}>{labels.outcomes[f.outcome]}</span>
                <div>
                  {f.blocker && <p><strong>{t('followUp.blocker')}:</strong> {f.blocker}</p>}
                  {f.comment && <p>“{f.comment}”</p>}
                  <small className="muted">
                    {[f.repName, snapshot.departmentsByKey.get(f.department)?.name, new Date(f.createdAt).toLocaleDateString(labels.locale)]
                      .filter(Boolean).join(' · ')}
                  </small>
                </div>
              </li>
            ))}
          </ul>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose} data-testid="stage-followup-close">{t('common.close')}</button>
        </div>
      </div>
    </div>
  );
}
