import { useTranslation } from 'react-i18next';

/** Shown while the facilitator has several notes selected (Shift/Ctrl-click). */
export function MergeBar({ count, onMerge, onClear }: { count: number; onMerge: () => void; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="merge-bar" data-testid="merge-bar" role="toolbar">
      <span>{t('merge.selected', { count })}</span>
      <button type="button" className="primary" disabled={count < 2} onClick={onMerge} data-testid="merge-selected">
        {t('merge.action')}
      </button>
      <button type="button" onClick={onClear}>{t('merge.clear')}</button>
    </div>
  );
}
