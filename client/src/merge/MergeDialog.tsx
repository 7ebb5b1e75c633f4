import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../shared/src/index.js';

/**
 * Confirms a merge, showing every text involved. The facilitator may pick
 * which note stays as the main one; the others' texts, authors, dots and
 * proposals are kept on it.
 */
export function MergeDialog({ notes, onMerge, onCancel }: {
  /** The notes to merge; the first is the proposed main note (the drop target). */
  notes: Note[];
  onMerge: (targetId: string, sourceIds: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [mainId, setMainId] = useState(notes[0]?.id);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  const main = notes.find((n) => n.id === mainId) ?? notes[0];
  if (!main) return null;
  return (
    <div className="modal-backdrop" onClick={onCancel}>
      <div className="modal merge-dialog" role="dialog" aria-modal="true" aria-labelledby="merge-title"
        data-testid="merge-dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="merge-title">{t('merge.title', { count: notes.length })}</h2>
        <p className="muted">{t('merge.explain')}</p>
        <ul className="merge-choices" role="radiogroup" aria-label={t('merge.main')}>
          {notes.map((n) => (
            <li key={n.id}>
              <label className={`merge-choice ${n.id === main.id ? 'main' : ''}`}>
                <input type="radio" name="merge-main" checked={n.id === main.id} onChange={() => setMainId(n.id)} />
                <span className="merge-text" data-testid="merge-text">{n.text || '—'}</span>
                <span className="muted small">
                  {t('note.by', { name: n.authorName || '—' })}
                  {n.merged.length > 0 && ` · ${t('merge.badge', { count: n.merged.length })}`}
                  {n.id === main.id && <b> · {t('merge.mainLabel')}</b>}
                </span>
              </label>
            </li>
          ))}
        </ul>
        <div className="modal-actions">
          <button type="button" onClick={onCancel} data-testid="merge-cancel">{t('merge.cancel')}</button>
          <button type="button" className="primary" data-testid="merge-confirm" autoFocus
            onClick={() => onMerge(main.id, notes.filter((n) => n.id !== main.id).map((n) => n.id))}>
            {t('merge.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
