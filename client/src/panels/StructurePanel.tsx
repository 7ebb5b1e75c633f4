import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SEGMENT_DESCRIPTION_MAX, SEGMENT_NAME_MAX, addDepartment, addSegment, addStage, moveSegment,
  removeDepartment, removeSegment, updateDepartment, updateSegment, type BoardSnapshot,
} from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { TrashIcon } from '../ui/TrashIcon.js';
import { CommitField } from './CommitField.js';
import { PinIcon } from '../ui/icons.js';
import { StageRow } from './StageRow.js';
import { DepartmentsSection } from './DepartmentsSection.js';
import { type SpotlightTarget } from '../../../shared/src/index.js';

/** Facilitators' side panel: segments with their stages, and departments. */
export function StructurePanel({ snapshot, onSpotlight, onClose }: {
  snapshot: BoardSnapshot;
  /** Brings everyone's view to a segment or a stage. */
  onSpotlight: (target: SpotlightTarget) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { run } = useBoard();
  const [tab, setTab] = useState<'segments' | 'departments'>('segments');
  const notesIn = (stageIds: string[]) =>
    stageIds.reduce((n, id) => n + (snapshot.notesByStage.get(id)?.length ?? 0), 0);

  return (
    <aside className="side-panel structure" data-testid="structure-panel" aria-label={t('structure.title')}>
      <header>
        <h2>{t('structure.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>×</button>
      </header>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'segments'} className={tab === 'segments' ? 'active' : ''}
          onClick={() => setTab('segments')}>{t('structure.segments')}</button>
        <button type="button" role="tab" aria-selected={tab === 'departments'} className={tab === 'departments' ? 'active' : ''}
          onClick={() => setTab('departments')} data-testid="structure-tab-departments">{t('structure.departments')}</button>
      </div>
      {tab === 'segments' ? (
        <div className="panel-scroll">
          {snapshot.segments.map((segment, i) => (
            <section key={segment.id} className="segment-editor" style={{ borderLeftColor: segment.color }}
              data-testid="segment-editor">
              <div className="row">
                <input type="color" value={segment.color} aria-label={t('structure.colour')}
                  onChange={(e) => run((d, o) => updateSegment(d, segment.id, { color: e.target.value }, o))} />
                <CommitField value={segment.name} label={t('structure.segmentName')} maxLength={SEGMENT_NAME_MAX}
                  onCommit={(name) => run((d, o) => updateSegment(d, segment.id, { name }, o))} />
                <button type="button" className="icon-button spotlight-button" title={t('spotlight.segment')}
                  aria-label={t('spotlight.segment')} data-testid="spotlight-segment"
                  onClick={() => onSpotlight({ kind: 'segment', id: segment.id })}><PinIcon /></button>
                <button type="button" className="icon-button" disabled={i === 0} aria-label={t('structure.moveUp')}
                  onClick={() => run((d, o) => moveSegment(d, segment.id, i - 1, o))}>↑</button>
                <button type="button" className="icon-button" disabled={i === snapshot.segments.length - 1}
                  aria-label={t('structure.moveDown')}
                  onClick={() => run((d, o) => moveSegment(d, segment.id, i + 1, o))}>↓</button>
                <button type="button" className="icon-button danger" aria-label={t('structure.remove')}
                  onClick={() => {
                    const n = notesIn(segment.stages.map((s) => s.id));
                    if (n > 0 && !window.confirm(t('structure.confirmSegment', { name: segment.name, count: n }))) return;
                    run((d, o) => removeSegment(d, segment.id, o));
                  }}><TrashIcon /></button>
              </div>
              <CommitField multiline value={segment.description} label={t('structure.description')}
                maxLength={SEGMENT_DESCRIPTION_MAX}
                onCommit={(description) => run((d, o) => updateSegment(d, segment.id, { description }, o))} />
              <ol className="stage-list">
                {segment.stages.map((stage, j) => (
                  <StageRow key={stage.id} stage={stage} index={j} count={segment.stages.length}
                    noteCount={notesIn([stage.id])} onSpotlight={() => onSpotlight({ kind: 'stage', id: stage.id })} />
                ))}
              </ol>
              <button type="button" className="link-button" data-testid="structure-add-stage"
                onClick={() => run((d, o) => addStage(d, segment.id, { name: t('structure.newStage') }, o))}>
                + {t('structure.addStage')}
              </button>
            </section>
          ))}
          <button type="button" className="primary" data-testid="structure-add-segment"
            onClick={() => run((d, o) => addSegment(d, { name: t('structure.newSegment') }, o))}>
            + {t('structure.addSegment')}
          </button>
        </div>
      ) : (
        <DepartmentsSection
          departments={snapshot.departments}
          onAdd={(name) => run((d, o) => addDepartment(d, { name }, o))}
          onRename={(key, name) => run((d, o) => updateDepartment(d, key, { name }, o))}
          onColour={(key, color) => run((d, o) => updateDepartment(d, key, { color }, o))}
          onRemove={(key, name) => {
            if (window.confirm(t('structure.confirmDepartment', { name }))) run((d, o) => removeDepartment(d, key, o));
          }}
        />
      )}
    </aside>
  );
}
