import { useEffect, useState } from 'react';
import i18next from 'i18next';
import { isBoardId, type BoardInfoResponse } from '../../../shared/src/index.js';
import { ApiError, fetchBoardInfo } from '../home/api.js';
import { takeToken } from './tokenStore.js';
import { ErrorScreen, LoadingScreen, type ErrorKind } from './ErrorScreen.js';
import { BoardSession } from './BoardSession.js';
import { boardLanguage } from './boardLanguage.js';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; error: ErrorKind; detail?: string }
  | { kind: 'ready'; token: string; info: BoardInfoResponse };

/** `/b/<id>#token=...`: checks the link with the server, then opens the session. */
export function BoardRoute({ boardId }: { boardId: string }) {
  const [token] = useState(() => (isBoardId(boardId) ? takeToken(boardId) : undefined));
  const [state, setState] = useState<State>(() =>
    token ? { kind: 'loading' } : { kind: 'error', error: 'invalidLink' },
  );

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    fetchBoardInfo(boardId, token).then(
      (info) => {
        if (cancelled) return;
        void i18next.changeLanguage(boardLanguage(boardId) ?? info.language);
        document.title = `${info.title} · Tabella`;
        setState({ kind: 'ready', token, info });
      },
      (err: unknown) => {
        if (cancelled) return;
        if (err instanceof ApiError) {
          if (err.status === 404) setState({ kind: 'error', error: 'unknownBoard' });
          else if (err.status === 401 || err.status === 403) setState({ kind: 'error', error: 'invalidLink' });
          else setState({ kind: 'error', error: 'server', detail: err.message });
        } else {
          setState({ kind: 'error', error: 'network' });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [boardId, token]);

  if (state.kind === 'loading') return <LoadingScreen />;
  if (state.kind === 'error') return <ErrorScreen kind={state.error} detail={state.detail} />;
  return <BoardSession boardId={boardId} token={state.token} info={state.info} />;
}
