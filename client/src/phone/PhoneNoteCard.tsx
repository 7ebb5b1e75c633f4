import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_TEXT_MAX, ownerTally, type Note } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { useConverge } from '../board-base/ConvergeContext.js';
import { NOTE_STYLE, kindKey } from '../board-base/noteStyle.js';
import { DotControls } from '../voting/DotControls.js';
import { myProposal, propose } from '../owners/myProposal.js';

/**
 * One note in the phone list: text, who wrote it, status, owners, dots, our
 * owner proposal, and for notes we may change (our own; any for a
 * facilitator) Edit (inline, Save/Cancel) and Delete (asks first, in place).
 * `highlight` marks a note just added here, briefly (converge.css).
 */
export function PhoneNoteCard({ note, draft, highlight }: { note: Note; draft: boolean; highlight?: boolean }) {
  const { t } = useTranslation();
  const { run, canEditNote, notes } = useBoard();
  const [editing, setEditing] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const mayChange = canEditNote(note);
  // Keyboard users land back on the button they started from after Save, Cancel or "Keep it".
  const focusBack = useRef<'edit' | 'delete'>(undefined);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusBack.current || editing !== undefined || confirming) return;
    (focusBack.current === 'edit' ? editButton : deleteButton).current?.focus();
    focusBack.current = undefined;
  }, [editing, confirming]);
  const stopEditing = () => {
    focusBack.current = 'edit';
    setEditing(undefined);
  };
  const c = useConverge();
  const byKey = c.snapshot.departmentsByKey;
  const responsible = byKey.get(note.responsible);
  const tally = draft ? [] : ownerTally(c.snapshot, note.id);
  const mine = myProposal(c.snapshot, note, c.myId);
  const style = NOTE_STYLE[note.kind];
  return (
    <li className={`phone-note status-${note.status}${draft ? ' draft' : ''}${highlight ? ' just-added' : ''}`} data-testid="phone-note" data-note-id={note.id}
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
      {editing === undefined ? (
        <p className="phone-note-text" data-testid="phone-note-text-shown">{note.text}</p>
      ) : (
        <form className="phone-edit" onSubmit={(e) => {
          e.preventDefault();
          if (!editing.trim()) return;
          if (editing !== note.text) notes.update(note.id, { text: editing });
          stopEditing();
        }}>
          <label className="sr-only" htmlFor={`phone-edit-${note.id}`}>{t('phone.editLabel')}</label>
          <textarea id={`phone-edit-${note.id}`} value={editing} maxLength={NOTE_TEXT_MAX} rows={3} autoFocus
            data-testid="phone-edit-text" onChange={(e) => setEditing(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                stopEditing();
              }
            }} />
          <div className="phone-actions">
            <button type="submit" className="primary" disabled={!editing.trim()} data-testid="phone-edit-save">{t('common.save')}</button>
            <button type="button" onClick={stopEditing} data-testid="phone-edit-cancel">{t('phone.cancel')}</button>
          </div>
        </form>
      )}
      <p className="muted small">{t('note.by', { name: note.authorName || '—' })}</p>
      {mayChange && editing === undefined && (confirming ? (
        <div className="phone-actions phone-confirm" role="group" aria-label={t('phone.confirmDelete')}>
          <span>{t('phone.confirmDelete')}</span>
          <button type="button" className="danger" data-testid="phone-delete-confirm" autoFocus
            onClick={() => notes.remove(note.id)}>{t('phone.delete')}</button>
          <button type="button" data-testid="phone-delete-keep" onClick={() => {
            focusBack.current = 'delete';
            setConfirming(false);
          }}>{t('phone.keep')}</button>
        </div>
      ) : (
        <div className="phone-actions">
          <button type="button" ref={editButton} data-testid="phone-edit" aria-label={`${t('phone.edit')}: ${note.text.slice(0, 40)}`}
            onClick={() => setEditing(note.text)}>✎ {t('phone.edit')}</button>
          <button type="button" ref={deleteButton} data-testid="phone-delete" aria-label={`${t('phone.delete')}: ${note.text.slice(0, 40)}`}
            onClick={() => setConfirming(true)}>{t('phone.delete')}</button>
        </div>
      ))}
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
