import type { ReactNode } from 'react';
import { LanguageSwitch } from '../ui/LanguageSwitch.js';
import { chooseLanguage } from '../i18n/i18n.js';
import { ErrorScreen, LoadingScreen } from '../ui/ErrorScreen.js';
import type { FormState } from './useForm.js';
import './forms.css';

/** The frame of the commitment and feedback pages: brand, board title, language; no canvas. */
export function FormShell({ state, eyebrow, children, testId }: {
  state: FormState;
  eyebrow: string;
  children: (ready: Extract<FormState, { kind: 'ready' }>) => ReactNode;
  testId: string;
}) {
  if (state.kind === 'loading') return <LoadingScreen />;
  if (state.kind === 'error') return <ErrorScreen kind={state.error} cause={state.cause} />;
  return (
    <div className="form-page" data-testid={testId}>
      <header className="form-header">
        <div className="brand"><span className="brand-mark" aria-hidden="true" /><span>Tabella</span></div>
        <LanguageSwitch onChoose={chooseLanguage} />
      </header>
      <main className="form-main">
        <p className="rm-eyebrow">{eyebrow}</p>
        <h1>{state.form.title}</h1>
        {children(state)}
      </main>
    </div>
  );
}
