import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSnapshot, NoteStatus } from '../../../shared/src/index.js';
import { DepartmentCombo } from './DepartmentCombo.js';

export interface BulkActions {
  setStatus: (status: NoteStatus) => void;
  setResponsible: (key: string) => void;
  setSupporting: (keys: string[]) => void;
  move: (stageId: string) => void;
  merge: () => void;
  remove: () => void;
}

/**
 * The facilitator's actions on the selected notes (or the cursor row when
 * none is selected). Each is one transaction and one undo step (shared
 * ops/bulk.ts). Merge and delete ask once more inline: they change the most.
 */
export const BulkBar = forwardRef<HTMLInputElement, {
  count: number;
  snapshot: BoardSnapshot;
  actions: BulkActions;
  onClear: () => void;
}>(function BulkBar({ count, snapshot, actions, onClear }, responsibleRef) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState<'merge' | 'remove'>();
  const [supporting, setSupporting] = useState<string[]>([]);
  const none = count === 0;
  return (
    <div className="tb-bulk" role="toolbar" aria-label={t('table.bulk.label')} data-testid="table-bulk">
      <span className="tb-bulk-count" aria-live="polite" data-testid="table-selected-count" data-count={count}>
        {t('table.bulk.selected', { count })}
      </span>
      <button type="button" disabled={none} onClick={() => actions.setStatus('accepted')} data-testid="table-bulk-accept">
        {t('table.bulk.accept')}
      </button>
      <button type="button" disabled={none} onClick={() => actions.setStatus('parked')} data-testid="table-bulk-park">
        {t('table.bulk.park')}
      </button>
      <button type="button" disabled={none} onClick={() => actions.setStatus('open')} data-testid="table-bulk-reopen">
        {t('table.bulk.reopen')}
      </button>
      <DepartmentCombo ref={responsibleRef} departments={snapshot.departments} disabled={none} onPick={actions.setResponsible} />
      <details className="tb-support">
        <summary aria-disabled={none} data-testid="table-bulk-supporting"
          onClick={(e) => { if (none) e.preventDefault(); }}>{t('table.bulk.supporting')}</summary>
        <div className="tb-support-pop">
          {snapshot.departments.map((d) => (
            <label key={d.key}>
              <input type="checkbox" checked={supporting.includes(d.key)} data-testid={`table-supporting-${d.key}`}
                onChange={(e) => setSupporting((s) => (e.target.checked ? [...s, d.key] : s.filter((k) => k !== d.key)))} />
              {d.name}
            </label>
          ))}
          <button type="button" className="primary" disabled={none} data-testid="table-supporting-apply"
            onClick={(e) => { actions.setSupporting(supporting); e.currentTarget.closest('details')?.removeAttribute('open'); }}>
            {t('table.bulk.apply')}
          </button>
        </div>
      </details>
      <label className="tb-filter tb-move">
        <span className="sr-only">{t('table.bulk.move')}</span>
        <select value="" disabled={none} onChange={(e) => e.target.value && actions.move(e.target.value)} data-testid="table-bulk-move">
          <option value="">{t('table.bulk.move')}</option>
          {snapshot.segments.map((s) => (
            <optgroup key={s.id} label={s.name}>
              {s.stages.map((st) => <option key={st.id} value={st.id}>{st.name}</option>)}
            </optgroup>
          ))}
        </select>
      </label>
      {confirm ? (
        <span className="tb-confirm" role="group">
          <span>{t(confirm === 'merge' ? 'table.bulk.confirmMerge' : 'table.bulk.confirmRemove', { count })}</span>
          <button type="button" className={confirm === 'remove' ? 'danger' : 'primary'} data-testid="table-bulk-confirm"
            onClick={() => { setConfirm(undefined); if (confirm === 'merge') actions.merge(); else actions.remove(); }}>
            {t('table.bulk.yes')}
          </button>
          <button type="button" onClick={() => setConfirm(undefined)}>{t('table.bulk.cancel')}</button>
        </span>
      ) : (
        <>
          <button type="button" disabled={count < 2} onClick={() => setConfirm('merge')} data-testid="table-bulk-merge"
            title={t('table.bulk.mergeHint')}>{t('table.bulk.merge')}</button>
          <button type="button" disabled={none} onClick={() => setConfirm('remove')} data-testid="table-bulk-delete">
            {t('table.bulk.delete')}
          </button>
        </>
      )}
      {count > 0 && <button type="button" className="tb-link" onClick={onClear}>{t('table.bulk.clear')}</button>}
    </div>
  );
});
