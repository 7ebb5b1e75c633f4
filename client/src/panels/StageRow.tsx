import { useTranslation } from 'react-i18next';
import {
  BUYER_STEP_MAX, STAGE_NAME_MAX, moveStage, removeStage, updateStage, type Stage,
} from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { TrashIcon } from '../ui/TrashIcon.js';
import { CommitField } from './CommitField.js';
import { PinIcon } from '../ui/icons.js';

export function StageRow({ stage, index, count, noteCount, onSpotlight }: {
  stage: Stage; index: number; count: number; noteCount: number;
  /** Brings everyone's view to this stage. */
  onSpotlight: () => void;
}) {
  const { t } = useTranslation();
  const { run } = useBoard();
  return (
    <li className="stage-row" data-testid="stage-editor">
      <div className="stage-fields">
        <CommitField value={stage.name} label={t('structure.stageName')} maxLength={STAGE_NAME_MAX}
          onCommit={(name) => run((d, o) => updateStage(d, stage.id, { name }, o))} />
        <CommitField value={stage.buyerStep} label={t('structure.buyerStep')} maxLength={BUYER_STEP_MAX}
          onCommit={(buyerStep) => run((d, o) => updateStage(d, stage.id, { buyerStep }, o))} />
      </div>
      <div className="stage-buttons">
        <button type="button" className="icon-button spotlight-button" aria-label={t('spotlight.stage')}
          title={t('spotlight.stage')} data-testid="spotlight-stage" onClick={onSpotlight}><PinIcon /></button>
        <button type="button" className="icon-button" disabled={index === 0} aria-label={t('structure.moveLeft')}
          title={t('structure.moveLeft')} onClick={() => run((d, o) => moveStage(d, stage.id, index - 1, o))}>←</button>
        <button type="button" className="icon-button" disabled={index === count - 1} aria-label={t('structure.moveRight')}
          title={t('structure.moveRight')} onClick={() => run((d, o) => moveStage(d, stage.id, index + 1, o))}>→</button>
        <button type="button" className="icon-button danger" aria-label={t('structure.remove')} title={t('structure.remove')}
          onClick={() => {
            if (noteCount > 0 && !window.confirm(t('structure.confirmStage', { name: stage.name, count: noteCount }))) return;
            run((d, o) => removeStage(d, stage.id, o));
          }}><TrashIcon /></button>
      </div>
    </li>
  );
}
