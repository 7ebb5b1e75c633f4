import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FEEDBACK_OUTCOMES, FEEDBACK_TEXT_MAX, REP_NAME_MAX, type FeedbackOutcome, type FormInfo,
} from '../../../shared/src/index.js';
import { errorText } from '../i18n/errorText.js';
import { postFeedback } from './api.js';
import { FormShell } from './FormShell.js';
import { useForm } from './useForm.js';

/** `/f/<boardId>#token=`: a rep reports from a real deal how one stage of the process went (step 7). */
export function FeedbackFormPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const state = useForm('feedback', boardId);
  return (
    <FormShell state={state} eyebrow={t('forms.feedbackEyebrow')} testId="feedback-form">
      {({ form, token }) => <FeedbackForm boardId={boardId} token={token} form={form} />}
    </FormShell>
  );
}

const NAME_KEY = 'tabella:rep-name';

function FeedbackForm({ boardId, token, form }: { boardId: string; token: string; form: FormInfo }) {
  const { t } = useTranslation();
  const [segmentId, setSegmentId] = useState(form.segments.length === 1 ? form.segments[0]!.id : '');
  const [stageId, setStageId] = useState('');
  const [outcome, setOutcome] = useState<FeedbackOutcome>();
  const [blocker, setBlocker] = useState('');
  const [department, setDepartment] = useState('');
  const [comment, setComment] = useState('');
  const [repName, setRepName] = useState(() => localStorage.getItem(NAME_KEY) ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const segment = form.segments.find((s) => s.id === segmentId);
  const stage = segment?.stages.find((s) => s.id === stageId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!stage || !outcome) {
      setError(!stage ? t('forms.pickStage') : t('forms.pickOutcome'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await postFeedback(boardId, token, {
        stageId: stage.id, outcome, blocker: outcome === 'worked' ? '' : blocker.trim(), department, comment: comment.trim(), repName: repName.trim(),
      });
      if (repName.trim()) localStorage.setItem(NAME_KEY, repName.trim());
      setSent(true);
    } catch (err) {
      setError(t('forms.sendFailed', { message: errorText(t, err) }));
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <section className="card form-card thanks" data-testid="feedback-thanks" role="status">
        <div className="thanks-mark" aria-hidden="true">✓</div>
        <h2>{t('forms.thanks')}</h2>
        <p>{t('forms.thanksLead', { stage: stage?.name ?? '' })}</p>
        <button type="button" className="primary big" data-testid="feedback-another" onClick={() => {
          setSent(false);
          setStageId('');
          setOutcome(undefined);
          setBlocker('');
          setDepartment('');
          setComment('');
        }}>{t('forms.sendAnother')}</button>
      </section>
    );
  }

  return (
    <form className="fb-form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="form-lead">{t('forms.feedbackLead')}</p>
      <section className="card form-card">
        <h2>{t('forms.whichDeal')}</h2>
        <label className="field">
          <span>{t('forms.segment')}</span>
          <select value={segmentId} onChange={(e) => {
            setSegmentId(e.target.value);
            setStageId('');
          }} data-testid="feedback-segment">
            <option value="" disabled>{t('forms.choose')}</option>
            {form.segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        {segment && (
          <fieldset className="field">
            <legend>{t('forms.stage')}</legend>
            <div className="stage-choices" data-testid="feedback-stages">
              {segment.stages.map((s, i) => (
                <label key={s.id} className={`stage-choice${stageId === s.id ? ' selected' : ''}`}>
                  <input type="radio" name="stage" value={s.id} checked={stageId === s.id} onChange={() => setStageId(s.id)}
                    data-testid={`feedback-stage-${i + 1}`} />
                  <strong>{i + 1}. {s.name}</strong>
                  {s.buyerStep && <small>{s.buyerStep}</small>}
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </section>
      <section className="card form-card">
        <h2>{t('forms.howDidItGo')}</h2>
        <div className="outcomes" role="radiogroup" aria-label={t('forms.howDidItGo')}>
          {FEEDBACK_OUTCOMES.map((o) => (
            <button key={o} type="button" role="radio" aria-checked={outcome === o} className={`outcome outcome-${o}${outcome === o ? ' selected' : ''}`}
              onClick={() => setOutcome(o)} data-testid={`feedback-outcome-${o}`}>
              <span aria-hidden="true">{o === 'worked' ? '✓' : o === 'partly' ? '~' : '✕'}</span>{t(`forms.outcome.${o}`)}
            </button>
          ))}
        </div>
        {outcome && outcome !== 'worked' && (
          <label className="field">
            <span>{t('forms.blocker')}</span>
            <textarea value={blocker} rows={2} maxLength={FEEDBACK_TEXT_MAX} onChange={(e) => setBlocker(e.target.value)}
              placeholder={t('forms.blockerPlaceholder')} data-testid="feedback-blocker" />
          </label>
        )}
        <label className="field">
          <span>{t('forms.departmentInvolved')}</span>
          <select value={department} onChange={(e) => setDepartment(e.target.value)} data-testid="feedback-department">
            <option value="">{t('forms.noDepartment')}</option>
            {form.departments.map((d) => <option key={d.key} value={d.key}>{d.name}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('forms.comment')}</span>
          <textarea value={comment} rows={3} maxLength={FEEDBACK_TEXT_MAX} onChange={(e) => setComment(e.target.value)}
            placeholder={t('forms.commentPlaceholder')} data-testid="feedback-comment" />
        </label>
        <label className="field">
          <span>{t('forms.yourNameOptional')}</span>
          <input value={repName} maxLength={REP_NAME_MAX} autoComplete="name" onChange={(e) => setRepName(e.target.value)}
            data-testid="feedback-name" />
        </label>
      </section>
      {error && <p className="form-error" role="alert" data-testid="feedback-error">{error}</p>}
      <button type="submit" className="primary big fb-submit" disabled={busy} data-testid="feedback-submit">
        {busy ? t('forms.sending') : t('forms.send')}
      </button>
    </form>
  );
}
