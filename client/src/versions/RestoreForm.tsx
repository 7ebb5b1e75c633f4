import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TITLE_MAX, type CreateBoardResponse } from '../../../shared/src/index.js';
import { restoreBackup } from '../followup/api.js';
import { CreateKeyField, useCreateKey } from '../home/CreateKeyField.js';
import { errorText } from '../i18n/errorText.js';

/** "Restore from a backup": a board.json export becomes a new board with the same content. */
export function RestoreForm({ onCreated, onCancel }: {
  onCreated: (title: string, response: CreateBoardResponse) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const createKey = useCreateKey();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setError(t('restore.pickFile'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      let backup: unknown;
      try {
        backup = JSON.parse(await file.text());
      } catch {
        throw new Error(t('restore.notJson'));
      }
      const meta = (backup as { snapshot?: { meta?: { title?: unknown } } } | null)?.snapshot?.meta;
      const fallback = typeof meta?.title === 'string' ? meta.title : file.name.replace(/\.json$/i, '');
      const response = await restoreBackup(backup, title.trim() || undefined, createKey.key);
      onCreated(title.trim() || fallback, response);
    } catch (err) {
      setError(createKey.keyRefusal(err) ?? t('restore.failed', { message: errorText(t, err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="restore-form" onSubmit={(e) => void submit(e)} data-testid="restore-form" noValidate>
      <h2>{t('restore.title')}</h2>
      <p className="muted">{t('restore.lead')}</p>
      <label className="field">
        <span>{t('restore.file')}</span>
        <input type="file" accept=".json,application/json" data-testid="restore-file"
          onChange={(e) => setFile(e.target.files?.[0])} />
      </label>
      <label className="field">
        <span>{t('restore.newTitle')}</span>
        <input value={title} maxLength={TITLE_MAX} placeholder={t('restore.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)}
          data-testid="restore-title" />
      </label>
      {createKey.needed && <CreateKeyField value={createKey.value} onChange={createKey.setKey} testId="restore-key" />}
      {error && <p className="form-error" role="alert" data-testid="restore-error">{error}</p>}
      <button type="submit" className="primary big" disabled={busy} data-testid="restore-submit">
        {busy ? t('restore.busy') : t('restore.submit')}
      </button>
      <button type="button" className="link-button" onClick={onCancel}>{t('restore.back')}</button>
    </form>
  );
}
