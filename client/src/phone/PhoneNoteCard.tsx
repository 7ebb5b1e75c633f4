import { useTranslation } from 'react-i18next';
import { ownerTally, type Note } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { useConverge } from '../board-base/ConvergeContext.js';
import { NOTE_STYLE, kindKey } from '../board-base/noteStyle.js';
import { DotControls } from '../voting/DotControls.js';
import { myProposal, propose } from '../owners/myProposal.js';

/** One note in the phone list: text, who wrote it, status, owners, dots, our owner proposal. */
export function PhoneNoteCard({ note, draft }: { note: Note; draft: boolean }) {
  const { t } = useTranslation();
  const { run, canEditNote } = useBoard();
  const c = useConverge();
  const byKey = c.snapshot.departmentsByKey;
  const responsible = byKey.get(note.responsible);
  const tally = draft ? [] : ownerTally(c.snapshot, note.id);
  const mine = myProposal(c.snapshot, note, c.myId);
  const style = NOTE_STYLE[note.kind];
  return (
    <li className={`phone-note status-${note.status}${draft ? ' draft' : ''}`} data-testid="phone-note" data-note-id={note.id}
      style={{ background: draft ? '#f5f3ff' : style.fill, borderColor: draft ? '#7c3aed' : style.edge }}>
      <div className="phone-note-head">
        <span className="phone-kind" style={{ color: style.label }}>
          {draft ? t('private.draftLabel') : t(`kinds.${kindKey(note.kind)}`)}
          {note.merged.length > 0 && ` · ${t('merge.badge', { count: note.merged.length })}`}
        </span>
        {note.status !== 'open' && (
          <span className={`status-pill status-${note.status}`} data-testid="phone-note-status">
            {note.status === 'accepted' ? '✓ ' : ''}{t(`status.${note.status}`)}
          </span>
        )}
      </div>
      <p className="phone-note-text" data-testid="phone-note-text-shown">{note.text}</p>
      <p className="muted small">{t('note.by', { name: note.authorName || '—' })}</p>
      {responsible ? (
        <span className="owner-solid" style={{ background: responsible.color }} data-testid="phone-owner">
          {t('owners.badge', { name: responsible.name })}
        </span>
      ) : tally.length > 0 && (
        <div className="owner-picker">
          {tally.map(({ department, count }) => {
            const d = byKey.get(department);
            return d ? (
              <span key={department} className="tally-chip" style={{ borderColor: d.color, color: d.color }}>
                {d.name} <b>{count}</b>
              </span>
            ) : null;
          })}
        </div>
      )}
      {!draft && <DotControls noteId={note.id} />}
      {!draft && c.canPropose && (
        <label className="phone-propose">
          <span>{t('owners.yourProposal')}</span>
          <select value={mine} data-testid="phone-propose"
            onChange={(e) => propose(run, note, c.myId, e.target.value, canEditNote(note))}>
            <option value="">{t('owners.none')}</option>
            {c.snapshot.departments.map((d) => <option key={d.key} value={d.key}>{d.name}</option>)}
          </select>
        </label>
      )}
    </li>
  );
}
