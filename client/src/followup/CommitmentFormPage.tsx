import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_NAME_MAX, commitmentKey, type FormInfo } from '../../../shared/src/index.js';
import { postCommitment } from './api.js';
import { CommitmentStage } from './CommitmentStage.js';
import { FormShell } from './FormShell.js';
import { useForm } from './useForm.js';
import { useStageActions } from './useStageActions.js';

/** `/c/<boardId>#token=`: executives say how their department supports sales at each stage (step 6). */
export function CommitmentFormPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const state = useForm('commitment', boardId);
  const actions = useStageActions(boardId, state.kind === 'ready' ? state.token : undefined);
  return (
    <FormShell state={state} eyebrow={t('forms.commitEyebrow')} testId="commitment-form">
      {({ form, token }) => <CommitmentForm boardId={boardId} token={token} form={form} actions={actions} />}
    </FormShell>
  );
}

function CommitmentForm({ boardId, token, form, actions }: {
  boardId: string;
  token: string;
  form: FormInfo;
  actions: ReturnType<typeof useStageActions>;
}) {
  const { t } = useTranslation();
  const [department, setDepartment] = useState<string>();
  const [name, setName] = useState('');
  const [committed, setCommitted] = useState(
    () => new Map(form.commitments.map((c) => [commitmentKey(c.stageId, c.department), c.text])),
  );
  const dept = form.departments.find((d) => d.key === department);
  return (
    <>
      <p className="form-lead">{t('forms.commitLead')}</p>
      <section className="card form-card">
        <h2>{t('forms.whoAreYou')}</h2>
        <div className="dept-grid" role="radiogroup" aria-label={t('forms.department')} data-testid="commit-departments">
          {form.departments.map((d) => (
            <label key={d.key} className={`dept-choice ${department === d.key ? 'selected' : ''}`}>
              <input type="radio" name="department" value={d.key} checked={department === d.key}
                onChange={() => setDepartment(d.key)} data-testid={`commit-department-${d.key}`} />
              <span className="dot" style={{ background: d.color }} />
              {d.name}
            </label>
          ))}
        </div>
        <label className="field">
          <span>{t('forms.yourName')}</span>
          <input value={name} maxLength={COMMITMENT_NAME_MAX} autoComplete="name" onChange={(e) => setName(e.target.value)}
            placeholder={t('forms.namePlaceholder')} data-testid="commit-name" />
        </label>
      </section>
      {!dept ? <p className="form-hint">{t('forms.pickDepartment')}</p> : form.segments.map((segment) => (
        <section key={segment.id} className="form-segment" style={{ borderTopColor: segment.color }}>
          <h2>{segment.name}</h2>
          {segment.stages.map((stage, i) => (
            <CommitmentStage key={`${dept.key}-${stage.id}`} stage={stage} number={i + 1} department={dept}
              actions={actions?.get(stage.id) ?? (actions ? [] : undefined)}
              saved={committed.get(commitmentKey(stage.id, dept.key)) ?? ''}
              onSave={async (text) => {
                await postCommitment(boardId, token, { stageId: stage.id, department: dept.key, text, byName: name.trim() });
                setCommitted((m) => new Map(m).set(commitmentKey(stage.id, dept.key), text));
              }} />
          ))}
        </section>
      ))}
    </>
  );
}
