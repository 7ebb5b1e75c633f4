import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateBoardResponse, Language, TemplateName } from '../../../shared/src/index.js';
import { TITLE_MAX } from '../../../shared/src/index.js';
import { createBoard } from '../api/serverApi.js';
import { errorText } from '../i18n/errorText.js';
import { CreateKeyField, useCreateKey } from './CreateKeyField.js';

export function CreateForm({ onCreated }: { onCreated: (title: string, response: CreateBoardResponse) => void }) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<TemplateName>('vision-workshop');
  const [language, setLanguage] = useState<Language>(i18n.language === 'it' ? 'it' : 'en');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const createKey = useCreateKey();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const clean = title.trim();
    if (!clean) {
      setError(t('create.titleRequired'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onCreated(clean, await createBoard({ title: clean, template, language }, createKey.key));
    } catch (err) {
      setError(createKey.keyRefusal(err) ?? t('create.failed', { message: errorText(t, err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="create-form" onSubmit={(e) => void submit(e)} data-testid="create-form" noValidate>
      <h2>{t('create.heading')}</h2>
      <label className="field">
        <span>{t('create.title')}</span>
        <input
          data-testid="create-title"
          value={title}
          maxLength={TITLE_MAX}
          placeholder={t('create.titlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
          autoFocus
        />
      </label>
      <fieldset className="field">
        <legend>{t('create.template')}</legend>
        <div className="choice-grid">
          {(['vision-workshop', 'blank'] as const).map((value) => (
            <label key={value} className={`choice ${template === value ? 'selected' : ''}`}>
              <input
                type="radio"
                name="template"
                value={value}
                checked={template === value}
                onChange={() => setTemplate(value)}
                data-testid={`create-template-${value}`}
              />
              <strong>{t(`create.templates.${value}.name`)}</strong>
              <small>{t(`create.templates.${value}.description`)}</small>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        <span>{t('create.language')}</span>
        <select
          data-testid="create-language"
          value={language}
          onChange={(e) => setLanguage(e.target.value === 'it' ? 'it' : 'en')}
        >
          <option value="en">English</option>
          <option value="it">Italiano</option>
        </select>
      </label>
      {createKey.needed && <CreateKeyField value={createKey.value} onChange={createKey.setKey} testId="create-key" />}
      {error && (
        <p className="form-error" role="alert" data-testid="create-error">
          {error}
        </p>
      )}
      <button className="primary big" type="submit" disabled={busy} data-testid="create-submit">
        {busy ? t('create.creating') : t('create.submit')}
      </button>
    </form>
  );
}
