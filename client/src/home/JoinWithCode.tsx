import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { JOIN_PATH, normalizeJoinCode } from '../../../shared/src/index.js';
import { JoinCodeField } from '../join/JoinCodeField.js';

/**
 * "Have a join code?" on the home page: someone who typed the bare address
 * from the projector lands here. The code is checked on the join page, which
 * says what is wrong with it and goes on to the name.
 */
export function JoinWithCode() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = normalizeJoinCode(typed);
    if (!code) {
      setError(t('joinCode.malformed'));
      return;
    }
    window.location.assign(`${JOIN_PATH}?code=${code}`);
  };
  return (
    <form className="card join-with-code" onSubmit={submit} data-testid="home-join-code" noValidate>
      <h2>{t('joinCode.homeTitle')}</h2>
      <div className="join-with-code-row">
        <JoinCodeField value={typed} onChange={setTyped} />
        <button type="submit" className="primary" data-testid="home-join-code-submit">{t('joinCode.submitShort')}</button>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}
