import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_NAME_MAX, type Department, type Role } from '../../../shared/src/index.js';
import { ApiError } from '../api/serverApi.js';
import { errorText } from '../i18n/errorText.js';

/** Name and department before entering a board (participants and facilitators). */
export function JoinForm({
  title, role, departments, synced, onJoin, initial, onCancel, cancelLabel,
}: {
  /** The name and department already used on this device, when changing them. */
  initial?: { name: string; department: string };
  title: string;
  role: Role;
  departments: Pick<Department, 'key' | 'name' | 'color'>[];
  synced: boolean;
  /** May fail (network, server): the message is shown on the form. */
  onJoin: (name: string, department: string) => void | Promise<void>;
  /** Changing an existing identity: a way back to the board (or, with `cancelLabel`, a step back before joining). */
  onCancel?: () => void;
  /** The way back is not to a board: joining stays the point of the form. */
  cancelLabel?: string;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [department, setDepartment] = useState(initial?.department ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const clean = name.trim();
    if (!clean) {
      setError(t('join.nameRequired'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onJoin(clean.slice(0, MEMBER_NAME_MAX), department);
    } catch (err) {
      // What the person can fix here stands alone; anything else is "could not join", in the reader's language too.
      if (err instanceof ApiError && (err.code === 'name-taken' || err.code === 'unknown-department')) setError(errorText(t, err));
      else setError(t('join.failed', { message: errorText(t, err) }));
      setBusy(false);
    }
  }

  return (
    <div className="full-screen-message join">
      <form className="card join-card" onSubmit={(e) => void submit(e)} data-testid="join-form" noValidate>
        <p className="eyebrow">{t(`join.as.${role}`)}</p>
        <h1>{title}</h1>
        <p className="muted">{t('join.intro')}</p>
        <label className="field">
          <span>{t('join.name')}</span>
          <input
            data-testid="join-name"
            value={name}
            maxLength={MEMBER_NAME_MAX}
            autoComplete="name"
            placeholder={t('join.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
        </label>
        {(departments.length > 0 || !synced) && <fieldset className="field">
          <legend>{t('join.department')}</legend>
          {!synced && departments.length === 0 ? (
            <p className="muted small">{t('board.loading')}</p>
          ) : (
            <div className="dept-grid" data-testid="join-departments">
              {departments.map((d) => (
                <label key={d.key} className={`dept-choice ${department === d.key ? 'selected' : ''}`}>
                  <input
                    type="radio"
                    name="department"
                    value={d.key}
                    checked={department === d.key}
                    onChange={() => setDepartment(d.key)}
                    data-testid={`join-department-${d.key}`}
                  />
                  <span className="dot" style={{ background: d.color }} />
                  {d.name}
                </label>
              ))}
              <label className={`dept-choice ${department === '' ? 'selected' : ''}`}>
                <input
                  type="radio"
                  name="department"
                  value=""
                  checked={department === ''}
                  onChange={() => setDepartment('')}
                  data-testid="join-department-none"
                />
                <span className="dot" style={{ background: '#64748b' }} />
                {t('join.noDepartment')}
              </label>
            </div>
          )}
        </fieldset>}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary big" data-testid="join-submit" disabled={busy}>
          {onCancel && !cancelLabel ? t('common.save') : t('join.submit')}
        </button>
        {onCancel && (
          <button type="button" className="link-button" onClick={onCancel} data-testid="join-cancel">
            {cancelLabel ?? t('join.back')}
          </button>
        )}
      </form>
    </div>
  );
}
