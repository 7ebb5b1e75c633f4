import { useTranslation } from 'react-i18next';
import {
  NOTE_KINDS, type Department, type Note,
} from '../../../shared/src/index.js';
import { useBoard } from '../board/BoardContext.js';
import { NOTE_STYLE, kindKey } from './noteStyle.js';

/**
 * The selected note's controls: kind, proposed owner departments, edit, delete.
 * A floating card on wide screens, a bottom sheet on phones.
 */
export function NoteInspector({
  note, departments, onEdit, onClose,
}: { note: Note; departments: Department[]; onEdit: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { canEditNote, notes } = useBoard();
  const canEdit = canEditNote(note);
  const toggleOwner = (key: string) => {
    const owners = note.owners.includes(key) ? note.owners.filter((o) => o !== key) : [...note.owners, key];
    notes.update(note.id, { owners });
  };
  return (
    <aside className="inspector" data-testid="note-inspector" aria-label={t('note.details')}>
      <header>
        <span className="muted small">{t('note.by', { name: note.authorName || '—' })}</span>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>×</button>
      </header>
      {canEdit && (
        <>
          <div className="kind-picker" role="radiogroup" aria-label={t('note.kind')}>
            {NOTE_KINDS.map((kind) => (
              <button key={kind} type="button" role="radio" aria-checked={note.kind === kind}
                className={`kind ${note.kind === kind ? 'selected' : ''}`}
                style={{ background: NOTE_STYLE[kind].fill, borderColor: NOTE_STYLE[kind].edge }}
                data-testid={`note-kind-${kindKey(kind)}`}
                onClick={() => notes.update(note.id, { kind })}>
                {t(`kinds.${kindKey(kind)}`)}
              </button>
            ))}
          </div>
          <p className="inspector-label">{t('note.owners')}</p>
          <div className="owner-picker" data-testid="note-owners">
            {departments.map((d) => {
              const on = note.owners.includes(d.key);
              return (
                <button key={d.key} type="button" aria-pressed={on} className={`owner-chip ${on ? 'on' : ''}`}
                  style={on ? { background: d.color, borderColor: d.color } : { borderColor: d.color, color: d.color }}
                  data-testid={`note-owner-${d.key}`} onClick={() => toggleOwner(d.key)}>
                  {d.name}
                </button>
              );
            })}
            {departments.length === 0 && <span className="muted small">{t('note.noDepartments')}</span>}
          </div>
          <div className="inspector-actions">
            <button type="button" className="primary" onClick={onEdit} data-testid="note-edit">{t('note.edit')}</button>
            <button type="button" className="danger" data-testid="note-delete"
              onClick={() => {
                notes.remove(note.id);
                onClose();
              }}>
              {t('note.delete')}
            </button>
          </div>
        </>
      )}
      {!canEdit && (
        <div className="owner-picker">
          {note.owners.map((key) => {
            const d = departments.find((x) => x.key === key);
            return d ? <span key={key} className="owner-chip on" style={{ background: d.color, borderColor: d.color }}>{d.name}</span> : null;
          })}
        </div>
      )}
    </aside>
  );
}
