import { useTranslation } from 'react-i18next';
import { setNoteStatus, type Note, type NoteStatus } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { useConverge } from '../board-base/ConvergeContext.js';

const STATUSES: NoteStatus[] = ['open', 'accepted', 'parked'];

/** Accepted / parked: the facilitator decides (quick keys A and P); everyone else sees the decision. */
export function StatusButtons({ note }: { note: Note }) {
  const { t } = useTranslation();
  const { run } = useBoard();
  const c = useConverge();
  if (!c.snapshot.notesById.has(note.id)) return null;
  if (!c.facilitator) {
    return note.status === 'open' ? null : (
      <p className={`status-line status-${note.status}`} data-testid="note-status" data-status={note.status}>
        {note.status === 'accepted' ? '✓ ' : ''}{t(`status.${note.status}`)}
      </p>
    );
  }
  return (
    <div className="status-buttons" role="radiogroup" aria-label={t('status.label')} data-testid="note-status"
      data-status={note.status}>
      {STATUSES.map((s) => (
        <button key={s} type="button" role="radio" aria-checked={note.status === s}
          className={`status-button status-${s} ${note.status === s ? 'selected' : ''}`} data-testid={`status-${s}`}
          title={s === 'open' ? undefined : t(`status.key.${s}`)}
          onClick={() => run((d, o) => setNoteStatus(d, note.id, s, o))}>
          <span>{s === 'accepted' ? '✓ ' : ''}{t(`status.${s}`)}</span>
        </button>
      ))}
    </div>
  );
}
