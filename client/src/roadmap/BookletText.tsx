import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './booklet.css';

/** The share of the limit from which the character counter shows. */
const COUNTER_FROM = 0.8;

/** Plain text as the deliverables read it: blank lines separate paragraphs, single line breaks stay. */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

/**
 * One of the facilitator's texts for the deliverables (foreword, executive
 * summary, a segment's or a stage's summary). Everyone reads it as prose;
 * facilitators (`editable`) get an Edit button that turns it into a textarea
 * with Save and Cancel, and, when it is empty, a quiet prompt to write it.
 * Nobody else sees an empty text at all. `onSave` answers whether the text was
 * stored (a refused one leaves the editor open with the draft).
 */
export function BookletText({ testId, heading, label, text, max, addPrompt, editable, onSave, className }: {
  testId: string;
  /** Shown above the text (not above the prompt); omitted for texts whose place says what they are. */
  heading?: ReactNode;
  /** The accessible name of the textarea and of the Edit button ("Foreword", "Summary: Enterprise"). */
  label: string;
  text: string;
  max: number;
  addPrompt: string;
  editable: boolean;
  onSave: (text: string) => boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string>();
  const [saved, setSaved] = useState(false);
  const id = useId();
  const classes = ['rm-booklet', className].filter(Boolean).join(' ');

  if (draft !== undefined) {
    const save = () => {
      if (draft.trim() === text.trim() || onSave(draft)) {
        setDraft(undefined);
        setSaved(draft.trim() !== text.trim());
      }
    };
    const near = draft.length >= max * COUNTER_FROM;
    return (
      <div className={`${classes} editing no-print`} data-testid={testId} data-editing="true">
        {heading}
        <label htmlFor={`${id}-text`} className="sr-only">{label}</label>
        <textarea id={`${id}-text`} value={draft} maxLength={max} rows={Math.min(14, Math.max(4, draft.split('\n').length + 2))} autoFocus
          aria-describedby={`${id}-hint ${id}-count`} placeholder={addPrompt} data-testid={`${testId}-input`}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
            // Escape leaves an untouched editor; typed words are never thrown away by one stray key (Cancel does that).
            if (e.key === 'Escape') {
              e.stopPropagation();
              if (draft === text) setDraft(undefined);
            }
          }} />
        <div className="rm-booklet-bar">
          <small id={`${id}-hint`} className="muted">{t('roadmap.booklet.hint')}</small>
          <small id={`${id}-count`} className={`rm-booklet-count${near ? ' near' : ''}`} aria-live="polite" data-testid={`${testId}-count`}>
            {near ? t('roadmap.booklet.count', { count: draft.length, max }) : ''}
          </small>
          <button type="button" className="small" onClick={() => setDraft(undefined)} data-testid={`${testId}-cancel`}>
            {t('roadmap.booklet.cancel')}
          </button>
          <button type="button" className="primary small" onClick={save} data-testid={`${testId}-save`}>{t('common.save')}</button>
        </div>
      </div>
    );
  }

  const edit = () => {
    setSaved(false);
    setDraft(text);
  };
  if (!text) {
    if (!editable) return null;
    return (
      <div className={`${classes} empty no-print`} data-testid={testId}>
        <button type="button" className="rm-booklet-add" onClick={edit} data-testid={`${testId}-add`}>{addPrompt}</button>
        {saved && <SavedMark />}
      </div>
    );
  }
  return (
    <div className={editable ? `${classes} has-tools` : classes} data-testid={testId}>
      {heading}
      <div className="rm-prose" data-testid={`${testId}-text`}>
        {paragraphs(text).map((p, i) => <p key={i}>{p}</p>)}
      </div>
      {editable && (
        <div className="rm-booklet-tools no-print">
          {saved && <SavedMark />}
          <button type="button" className="small" onClick={edit} aria-label={t('roadmap.booklet.editLabel', { what: label })}
            data-testid={`${testId}-edit`}>
            {t('roadmap.booklet.edit')}
          </button>
        </div>
      )}
    </div>
  );
}

function SavedMark() {
  const { t } = useTranslation();
  return <span className="rm-saved" role="status" data-testid="booklet-saved">✓ {t('roadmap.booklet.saved')}</span>;
}
