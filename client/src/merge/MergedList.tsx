import { useTranslation } from 'react-i18next';
import type { Note } from '../../../shared/src/index.js';
import { kindKey } from '../board-base/noteStyle.js';

/** The notes merged into this one: every text and author is kept. */
export function MergedList({ note }: { note: Note }) {
  const { t } = useTranslation();
  if (note.merged.length === 0) return null;
  return (
    <details className="merged-list" data-testid="merged-list" open={note.merged.length <= 3}>
      <summary>{t('merge.badge', { count: note.merged.length })}</summary>
      <ul>
        {note.merged.map((m) => (
          <li key={m.id} data-testid="merged-item">
            <span className="merged-text">{m.text || '—'}</span>
            <span className="muted small">{t(`kinds.${kindKey(m.kind)}`)} · {t('note.by', { name: m.authorName || '—' })}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
