import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_TEXT_MAX, type FormDepartment, type FormStage, type RoadmapItem } from '../../../shared/src/index.js';
import { errorText } from '../i18n/errorText.js';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'error'; error: unknown };

/** One stage on the executive's form: what the roadmap asks there, and their department's commitment. */
export function CommitmentStage({ stage, number, department, actions, saved, onSave }: {
  stage: FormStage;
  number: number;
  department: FormDepartment;
  actions: RoadmapItem[] | undefined;
  /** The commitment as the board holds it. */
  saved: string;
  onSave: (text: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(saved);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const dirty = text.trim() !== saved.trim();
  const ours = actions?.filter((a) => a.responsible?.key === department.key || a.supporting.some((s) => s.key === department.key));
  const save = async () => {
    setState({ kind: 'saving' });
    try {
      await onSave(text.trim());
      setState({ kind: 'saved', at: Date.now() });
    } catch (err) {
      setState({ kind: 'error', error: err });
    }
  };
  return (
    <article className={`cf-stage${saved ? ' has-commitment' : ''}`} data-testid="commit-stage" data-stage-id={stage.id}>
      <header>
        <span className="rm-stage-number">{number}</span>
        <div>
          <h3>{stage.name}</h3>
          {stage.buyerStep && <p className="muted">{t('forms.buyerStep', { step: stage.buyerStep })}</p>}
        </div>
      </header>
      {actions === undefined ? <p className="muted small">{t('forms.loadingActions')}</p> : actions.length > 0 ? (
        <details className="cf-actions" open={(ours?.length ?? 0) > 0}>
          <summary>{t('forms.actions', { count: actions.length })}{ours && ours.length > 0 && <> · <strong>{t('forms.yours', { count: ours.length, department: department.name })}</strong></>}</summary>
          <ul>
            {actions.map((a) => {
              const lead = a.responsible?.key === department.key;
              const support = !lead && a.supporting.some((s) => s.key === department.key);
              return (
                <li key={a.id} className={lead ? 'lead' : support ? 'support' : ''}>
                  <span>{a.text}</span>
                  {a.responsible && <small style={{ borderColor: a.responsible.color }}>{a.responsible.name}</small>}
                </li>
              );
            })}
          </ul>
        </details>
      ) : <p className="muted small">{t('forms.noActions')}</p>}
      <label className="field">
        <span>{t('forms.howSupport', { department: department.name })}</span>
        <textarea value={text} rows={3} maxLength={COMMITMENT_TEXT_MAX} data-testid="commit-text"
          placeholder={t('forms.commitPlaceholder')}
          onChange={(e) => {
            setText(e.target.value);
            if (state.kind !== 'saving') setState({ kind: 'idle' });
          }} />
      </label>
      <div className="cf-save">
        <button type="button" className="primary" disabled={!dirty || state.kind === 'saving'} onClick={() => void save()}
          data-testid="commit-save">
          {state.kind === 'saving' ? t('forms.saving') : saved && !text.trim() ? t('forms.withdraw') : t('forms.saveCommitment')}
        </button>
        {state.kind === 'saved' && !dirty && <span className="cf-ok" role="status" data-testid="commit-saved">✓ {t('forms.saved')}</span>}
        {state.kind === 'idle' && saved && !dirty && <span className="cf-ok muted">✓ {t('forms.onRecord')}</span>}
        {dirty && state.kind === 'idle' && <span className="muted small">{t('forms.unsaved')}</span>}
        {state.kind === 'error' && <span className="form-error" role="alert">{t('forms.saveFailed', { message: errorText(t, state.error) })}</span>}
      </div>
    </article>
  );
}
