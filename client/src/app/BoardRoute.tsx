import { useCallback, useEffect, useState, type ComponentProps } from 'react';
import i18next from 'i18next';
import { isBoardId, newEntityId, type Department } from '../../../shared/src/index.js';
import { ApiError, fetchBoardInfo, joinBoard, type SessionInfo } from '../api/serverApi.js';
import { takeToken } from '../join/tokenStore.js';
import { boardLink, rememberWorkshop } from '../join/myWorkshops.js';
import { ErrorScreen, LoadingScreen, type ErrorKind } from '../ui/ErrorScreen.js';
import type { BoardSession } from './BoardSession.js';
import { loadBoard, prefetchBoardWhenIdle, useBoardChunk } from './boardChunk.js';
import { boardLanguage } from '../join/boardLanguage.js';
import { forgetSession, lastIdentity, loadSession, saveSession } from '../join/identity.js';
import type { Access } from '../join/access.js';
import { JoinForm } from '../join/JoinForm.js';
import { cachedInfo, forgetInfo, rememberInfo } from '../join/cachedInfo.js';
import { clearBoardLocalLater } from '../sync/clearLocalLater.js';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; error: ErrorKind; cause?: unknown }
  | { kind: 'join'; link: string; info: SessionInfo; departments: Department[] }
  | { kind: 'ready'; access: Access };

function errorState(err: unknown): State {
  if (err instanceof ApiError) {
    // 401: a wrong or outdated link, or a board that no longer exists (one answer by design).
    if (err.status === 401) return { kind: 'error', error: 'invalidLink' };
    if (err.status === 403) return { kind: 'error', error: 'removed' };
    return { kind: 'error', error: 'server', cause: err };
  }
  return { kind: 'error', error: 'network' };
}

/** Departments, when the server sends them with the board info (so the join form can offer them). */
function infoDepartments(info: SessionInfo): Department[] {
  const raw = (info as { departments?: unknown }).departments;
  return Array.isArray(raw) ? (raw as Department[]).filter((d) => typeof d?.key === 'string' && typeof d.name === 'string') : [];
}

/** The board screen, from its own chunk (boardChunk.ts): a loading screen until it is there. */
function Board(props: ComponentProps<typeof BoardSession>) {
  const chunk = useBoardChunk();
  if (chunk.kind === 'failed') return <ErrorScreen kind="network" />;
  if (chunk.kind === 'loading') return <LoadingScreen />;
  return <chunk.module.BoardSession {...props} />;
}

/**
 * `/b/<id>#token=...`: resolves who we are, then opens the session.
 * 1. A stored personal session for the same link: check it (401: it is gone, join
 *    again; 403: this person was removed).
 * 2. Otherwise the link: a viewer link opens the board directly, a facilitator or
 *    participant link shows the join form (name, department) and gets a session.
 */
export function BoardRoute({ boardId }: { boardId: string }) {
  const [link] = useState(() => (isBoardId(boardId) ? takeToken(boardId) : undefined));
  const [state, setState] = useState<State>(() =>
    link || (isBoardId(boardId) && loadSession(boardId)) ? { kind: 'loading' } : { kind: 'error', error: 'invalidLink' },
  );

  const resolve = useCallback(async (): Promise<State> => {
    const stored = loadSession(boardId);
    if (stored && (!link || stored.link === link)) {
      // The board opens next: fetch its chunk while the session is checked, not after.
      void loadBoard().catch(() => undefined);
      try {
        const info = await fetchBoardInfo(boardId, stored.session);
        rememberInfo(boardId, info);
        const identity = {
          id: info.memberId ?? stored.id, name: info.name ?? stored.name, department: info.department ?? stored.department,
        };
        return { kind: 'ready', access: { token: stored.session, info, identity } };
      } catch (err) {
        // Removed: the session is kept, so a reload says so again instead of offering to join anew.
        if (err instanceof ApiError && err.status === 403) {
          void clearBoardLocalLater(boardId);
          return { kind: 'error', error: 'removed' };
        }
        // Offline (a reload without Wi-Fi): open the board from this device's copy; the
        // server checks the session again when the connection is back.
        const offline = cachedInfo(boardId);
        if (!(err instanceof ApiError) && offline?.memberId === stored.id) {
          return { kind: 'ready', access: { token: stored.session, info: offline, identity: stored } };
        }
        if (!(err instanceof ApiError && err.status === 401)) return errorState(err);
        forgetSession(boardId);
        forgetInfo(boardId);
      }
    }
    if (!link) return { kind: 'error', error: 'invalidLink' };
    try {
      const info = await fetchBoardInfo(boardId, link);
      void i18next.changeLanguage(boardLanguage(boardId) ?? info.language);
      document.title = `${info.title} · Tabella`;
      if (info.role === 'viewer') {
        return { kind: 'ready', access: { token: link, info, identity: { id: newEntityId(), name: '', department: '' } } };
      }
      return { kind: 'join', link, info, departments: infoDepartments(info) };
    } catch (err) {
      return errorState(err);
    }
  }, [boardId, link]);

  useEffect(() => {
    if (state.kind !== 'loading') return;
    let cancelled = false;
    void resolve().then((next) => {
      if (cancelled) return;
      if (next.kind === 'ready') {
        void i18next.changeLanguage(boardLanguage(boardId) ?? next.access.info.language);
        document.title = `${next.access.info.title} · Tabella`;
      }
      setState(next);
    });
    return () => {
      cancelled = true;
    };
  }, [state.kind, resolve, boardId]);

  // Someone is typing their name: the board chunk arrives meanwhile, so the join click does not wait for it.
  useEffect(() => (state.kind === 'join' ? prefetchBoardWhenIdle() : undefined), [state.kind]);

  // "My workshops" on the home page: this board, our role, and the link we came with.
  useEffect(() => {
    if (state.kind !== 'ready') return;
    const { info } = state.access;
    rememberWorkshop({ boardId, title: info.title, role: info.role, links: link ? { [info.role]: boardLink(boardId, link) } : {} });
  }, [state, boardId, link]);

  if (state.kind === 'loading') return <LoadingScreen />;
  if (state.kind === 'error') return <ErrorScreen kind={state.error} cause={state.cause} />;
  if (state.kind === 'join') {
    const { info } = state;
    return (
      <JoinForm
        title={info.title}
        role={info.role}
        departments={state.departments}
        synced
        initial={lastIdentity(boardId)}
        onJoin={async (name, department) => {
          const joined = await joinBoard(boardId, { token: state.link, name, department });
          const identity = { id: joined.memberId, name, department };
          // A new person on this device: nothing kept here for the previous one may be sent as theirs
          // (requested before the board opens its copy).
          await clearBoardLocalLater(boardId);
          saveSession(boardId, { ...identity, session: joined.session, link: state.link });
          rememberInfo(boardId, { ...info, role: joined.role, memberId: joined.memberId });
          setState({
            kind: 'ready',
            access: {
              token: joined.session, info: { ...info, role: joined.role, memberId: joined.memberId }, identity,
              askDepartment: state.departments.length === 0, fresh: true,
            },
          });
        }}
      />
    );
  }
  return (
    <Board
      boardId={boardId}
      access={state.access}
      onSessionLost={(removed) => {
        // This device's copy belonged to that session: never send it under another one.
        void clearBoardLocalLater(boardId);
        forgetInfo(boardId);
        if (removed) {
          setState({ kind: 'error', error: 'removed' });
        } else {
          forgetSession(boardId);
          setState({ kind: 'loading' });
        }
      }}
    />
  );
}
