import { useTranslation } from 'react-i18next';
import {
  NOTE_KINDS, type Department, type Note,
} from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { MergedList } from '../merge/MergedList.js';
import { OwnersSection } from '../owners/OwnersSection.js';
import { StatusButtons } from '../status/StatusButtons.js';
import { DotControls } from '../voting/DotControls.js';
import { NOTE_STYLE, kindKey } from '../board-base/noteStyle.js';

/**
 * The selected note's controls: status, dots, kind, owners (proposals and the
 * confirmed ones), merged notes, edit, delete. A floating card on wide
 * screens, a bottom sheet on phones.
 */
export function NoteInspector({
  note, departments, onEdit, onClose,
}: { note: Note; departments: Department[]; onEdit: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { canEditNote, notes } = useBoard();
  const canEdit = canEditNote(note);
  return (
    <aside className="inspector" data-testid="note-inspector" data-note-id={note.id} aria-label={t('note.details')}>
      <header>
        <span className="muted small">{t('note.by', { name: note.authorName || '—' })}</span>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>×</button>
      </header>
      <StatusButtons note={note} />
      <DotControls noteId={note.id} />
      {canEdit && (
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
      )}
      <OwnersSection note={note} departments={departments} />
      <MergedList note={note} />
      {canEdit && (
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
      )}
    </aside>
  );
}
