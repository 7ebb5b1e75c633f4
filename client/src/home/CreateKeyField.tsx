import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CREATE_KEY_REQUIRED, CREATE_KEY_WRONG } from '../../../shared/src/index.js';
import { ApiError } from '../api/serverApi.js';

/**
 * The server's create key (CREATE_KEY), asked for only once the server said it
 * needs one: most servers have none, and their forms stay as they are.
 */
export function useCreateKey() {
  const { t } = useTranslation();
  const [needed, setNeeded] = useState(false);
  const [key, setKey] = useState('');
  /** The message for a refusal that is about the key (and the field appears), else undefined. */
  const keyRefusal = (err: unknown): string | undefined => {
    if (!(err instanceof ApiError) || (err.code !== CREATE_KEY_REQUIRED && err.code !== CREATE_KEY_WRONG)) return undefined;
    setNeeded(true);
    return t(err.code === CREATE_KEY_WRONG && key.trim() !== '' ? 'createKey.wrong' : 'createKey.required');
  };
  return { needed, key: needed ? key.trim() || undefined : undefined, value: key, setKey, keyRefusal };
}

export function CreateKeyField({ value, onChange, testId }: { value: string; onChange: (value: string) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{t('createKey.label')}</span>
      <input type="password" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} autoFocus />
      <small className="muted">{t('createKey.hint')}</small>
    </label>
  );
}
