import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSE, isFinalClose, type Role } from '../../../shared/src/index.js';
import { useToasts } from '../ui/Toasts.js';
import { useBoardSync, useSnapshot } from '../sync/useBoardSync.js';
import { boardStoreName } from '../sync/localStore.js';
import { BoardScreen } from '../board-screen/BoardScreen.js';
import { ApiError, fetchBoardInfo, updateMe } from '../api/serverApi.js';
import { refusalText } from '../i18n/refusalText.js';
import { ErrorScreen, LoadingScreen } from '../ui/ErrorScreen.js';
import type { Access } from '../join/access.js';
import { loadSession, saveSession, type Identity } from '../join/identity.js';
import { JoinForm } from '../join/JoinForm.js';

/**
 * Owns the sync connection for one board and decides: error, identity form, or
 * the board. Every socket close re-checks our session with the server: a
 * facilitator may have made us a viewer (new role) or removed us.
 */
export function BoardSession({ boardId, access, onSessionLost }: {
  boardId: string;
  access: Access;
  /** The personal session stopped working: `removed` when the server says so (403). */
  onSessionLost: (removed: boolean) => void;
}) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const { token } = access;
  const [role, setRole] = useState<Role>(access.info.role);
  const [identity, setIdentity] = useState<Identity>(access.identity);
  const [editingIdentity, setEditingIdentity] = useState(access.askDepartment === true);
  const [restartKey, setRestartKey] = useState(0);
  const [linkInvalid, setLinkInvalid] = useState(false);
  const checking = useRef(false);
  const isViewerLink = access.info.role === 'viewer' && !access.info.memberId;

  const recheck = useCallback((code: number) => {
    if (checking.current) return;
    checking.current = true;
    fetchBoardInfo(boardId, token).then(
      (info) => {
        checking.current = false;
        setRole((old) => {
          if (old !== info.role) toasts.show(t('session.roleChanged', { role: t(`roles.${info.role}`) }), 'info');
          return info.role;
        });
        // A 44xx close stopped the provider although our session is fine: open a new one.
        if (isFinalClose(code)) setRestartKey((k) => k + 1);
      },
      (err: unknown) => {
        checking.current = false;
        if (!(err instanceof ApiError)) return; // offline: the provider keeps retrying
        if (isViewerLink && err.status === 401) setLinkInvalid(true);
        else if (err.status === 401 || err.status === 403) onSessionLost(err.status === 403);
      },
    );
  }, [boardId, token, toasts, t, isViewerLink, onSessionLost]);

  const sync = useBoardSync(boardId, token, {
    restartKey,
    // Members keep a copy on this device (offline work, reload while offline); viewer links change nothing.
    localName: access.info.memberId ? boardStoreName(boardId) : undefined,
    // A new member's copy was just cleared: connect at once instead of waiting for IndexedDB (a fresh
    // database takes 0.3-1 s to create). A later connection (restartKey) loads the copy first again.
    localEmpty: access.fresh === true && restartKey === 0,
    onRefusedUpdate: (reason) => toasts.show(refusalText(t, reason), 'error'),
    onClose: (code) => {
      // 4401 (no access, or no such board) is looked into by the re-check: a 401 there ends the session.
      if (code === CLOSE.badRequest) return;
      recheck(code);
    },
  });
  const snapshot = useSnapshot(sync.connection);

  if (linkInvalid) return <ErrorScreen kind="invalidLink" />;
  if (sync.refusedWith === CLOSE.badRequest) return <ErrorScreen kind="invalidLink" detail={`(${sync.refusedWith})`} />;
  if (!sync.connection || !snapshot) return <LoadingScreen />;
  if (editingIdentity && access.askDepartment && !sync.synced) return <LoadingScreen />;
  if (editingIdentity && (snapshot.departments.length > 0 || !access.askDepartment)) {
    return (
      <JoinForm
        title={snapshot.meta.title || access.info.title}
        role={role}
        departments={snapshot.departments}
        synced={sync.synced}
        initial={identity}
        onCancel={() => setEditingIdentity(false)}
        onJoin={async (name, department) => {
          await updateMe(boardId, token, { name, department });
          const next = { ...identity, name, department };
          const stored = loadSession(boardId);
          if (stored) saveSession(boardId, { ...stored, name, department });
          setIdentity(next);
          setEditingIdentity(false);
        }}
      />
    );
  }
  return (
    <BoardScreen
      boardId={boardId}
      role={role}
      session={token}
      identity={identity}
      connection={sync.connection}
      snapshot={snapshot}
      status={sync.status}
      synced={sync.synced}
      onChangeIdentity={() => setEditingIdentity(true)}
    />
  );
}
