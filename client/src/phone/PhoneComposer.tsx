import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_KINDS, NOTE_TEXT_MAX, type NoteKind } from '../../../shared/src/index.js';
import { NOTE_STYLE, kindKey } from '../board-base/noteStyle.js';

/** Writing a note on a phone: a big text box, the kind as three big buttons, one add button. */
export function PhoneComposer({ stageName, drafting, onAdd }: {
  stageName: string;
  /** Private writing: the note stays ours until the facilitator reveals. */
  drafting: boolean;
  onAdd: (text: string, kind: NoteKind) => boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<NoteKind>('action');
  return (
    <form className="phone-composer" data-testid="phone-composer" onSubmit={(e) => {
      e.preventDefault();
      if (text.trim() && onAdd(text, kind)) setText('');
    }}>
      <label className="sr-only" htmlFor="phone-note-text">{t('phone.writeIn', { stage: stageName })}</label>
      <textarea id="phone-note-text" value={text} maxLength={NOTE_TEXT_MAX} rows={3} data-testid="phone-note-text"
        placeholder={t('phone.placeholder', { stage: stageName })} onChange={(e) => setText(e.target.value)}
        style={{ background: NOTE_STYLE[kind].fill, borderColor: NOTE_STYLE[kind].edge }} />
      <div className="phone-kinds" role="radiogroup" aria-label={t('note.kind')}>
        {NOTE_KINDS.map((k) => (
          <button key={k} type="button" role="radio" aria-checked={kind === k} className={`kind ${kind === k ? 'selected' : ''}`}
            style={{ background: NOTE_STYLE[k].fill, borderColor: NOTE_STYLE[k].edge }} data-testid={`phone-kind-${kindKey(k)}`}
            onClick={() => setKind(k)}>
            {t(`kinds.${kindKey(k)}`)}
          </button>
        ))}
      </div>
      <button type="submit" className="primary big" disabled={!text.trim()} data-testid="phone-add">
        {drafting ? t('phone.addPrivate') : t('phone.add')}
      </button>
    </form>
  );
}
