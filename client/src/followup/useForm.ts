import { useEffect, useState } from 'react';
import i18next from 'i18next';
import { isBoardId, type FollowUpKind, type FormInfo } from '../../../shared/src/index.js';
import { ApiError } from '../api/serverApi.js';
import { chosenLanguage } from '../i18n/i18n.js';
import { fetchForm } from './api.js';
import { takeFormToken } from './formToken.js';

export type FormState =
  | { kind: 'loading' }
  | { kind: 'error'; error: 'invalidLink' | 'network' | 'server'; cause?: unknown }
  | { kind: 'ready'; token: string; form: FormInfo };

/** Reads the link's token and the form's content (segments, stages, departments) in the board's language. */
export function useForm(kind: FollowUpKind, boardId: string): FormState {
  const [token] = useState(() => (isBoardId(boardId) ? takeFormToken(kind, boardId) : undefined));
  const [state, setState] = useState<FormState>(() => (token ? { kind: 'loading' } : { kind: 'error', error: 'invalidLink' }));
  useEffect(() => {
    if (!token) return;
    let live = true;
    fetchForm(boardId, token).then(
      (form) => {
        if (!live) return;
        void i18next.changeLanguage(chosenLanguage() ?? form.language);
        document.title = `${form.title} · Tabella`;
        setState({ kind: 'ready', token, form });
      },
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError) {
          // 401 is also the answer for a board that no longer exists (the server does not say which).
          if (err.status === 401 || err.status === 403) setState({ kind: 'error', error: 'invalidLink' });
          else setState({ kind: 'error', error: 'server', cause: err });
        } else setState({ kind: 'error', error: 'network' });
      },
    );
    return () => {
      live = false;
    };
  }, [boardId, token]);
  return state;
}
