import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_NAME_MAX, COMMITMENT_TEXT_MAX, type DepartmentRef, type RoadmapCommitment } from '../../../shared/src/index.js';
import { DeptChip } from '../roadmap/DeptChip.js';

/** A department's commitment for one stage; facilitators can write, change or withdraw it. */
export function CommitmentRow({ department, commitment, editable, onSave }: {
  department: DepartmentRef;
  commitment: RoadmapCommitment | undefined;
  editable: boolean;
  /** Empty text withdraws the commitment. */
  onSave: (text: string, byName: string) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(commitment?.text ?? '');
  const [byName, setByName] = useState(commitment?.byName ?? '');
  if (editing) {
    return (
      <li className="commit-row editing" data-testid={`commitment-row-${department.key}`}>
        <DeptChip dept={department} />
        <textarea value={text} maxLength={COMMITMENT_TEXT_MAX} rows={3} autoFocus data-testid="commitment-text"
          placeholder={t('followUp.commitPlaceholder')} aria-label={t('followUp.commitText')} onChange={(e) => setText(e.target.value)} />
        <input value={byName} maxLength={COMMITMENT_NAME_MAX} data-testid="commitment-by"
          placeholder={t('followUp.committedBy')} aria-label={t('followUp.committedBy')} onChange={(e) => setByName(e.target.value)} />
        <div className="row">
          <button type="button" className="primary small" data-testid="commitment-save"
            onClick={() => {
              onSave(text, byName);
              setEditing(false);
            }}>{t('common.save')}</button>
          <button type="button" className="small" onClick={() => setEditing(false)}>{t('followUp.cancel')}</button>
        </div>
      </li>
    );
  }
  return (
    <li className="commit-row" data-testid={`commitment-row-${department.key}`}>
      <DeptChip dept={department} />
      {commitment ? (
        <p><span className="commit-text">“{commitment.text}”</span>{commitment.byName && <small> — {commitment.byName}</small>}</p>
      ) : <p className="muted">{t('followUp.noCommitment')}</p>}
      {editable && (
        <button type="button" className="small" data-testid="commitment-edit" onClick={() => {
          setText(commitment?.text ?? '');
          setByName(commitment?.byName ?? '');
          setEditing(true);
        }}>{commitment ? t('followUp.edit') : t('followUp.add')}</button>
      )}
    </li>
  );
}
