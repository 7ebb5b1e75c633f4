import { useState } from 'react';
import { CLOSE, type BoardInfoResponse } from '../../../shared/src/index.js';
import { useBoardSync, useSnapshot } from '../board/useBoardSync.js';
import { BoardScreen } from '../board/BoardScreen.js';
import { ErrorScreen, LoadingScreen } from './ErrorScreen.js';
import { deviceId, loadIdentity, saveIdentity, type Identity } from './identity.js';
import { JoinForm } from './JoinForm.js';

/** Owns the sync connection for one board and decides: error, join form, or the board. */
export function BoardSession({ boardId, token, info }: { boardId: string; token: string; info: BoardInfoResponse }) {
  const sync = useBoardSync(boardId, token);
  const snapshot = useSnapshot(sync.connection);
  const [identity, setIdentity] = useState<Identity | undefined>(() =>
    info.role === 'viewer' ? { id: deviceId(boardId), name: '', department: '' } : loadIdentity(boardId),
  );

  if (sync.refusedWith !== undefined) {
    const kind = sync.refusedWith === CLOSE.unknownBoard ? 'unknownBoard' : 'invalidLink';
    return <ErrorScreen kind={kind} detail={`(${sync.refusedWith})`} />;
  }
  if (!sync.connection || !snapshot) return <LoadingScreen />;
  if (!identity) {
    return (
      <JoinForm
        title={snapshot.meta.title || info.title}
        role={info.role}
        departments={snapshot.departments}
        synced={sync.synced}
        initial={loadIdentity(boardId)}
        onJoin={(name, department) => {
          const next = { id: deviceId(boardId), name, department };
          saveIdentity(boardId, next);
          setIdentity(next);
        }}
      />
    );
  }
  return (
    <BoardScreen
      boardId={boardId}
      role={info.role}
      identity={identity}
      connection={sync.connection}
      snapshot={snapshot}
      status={sync.status}
      synced={sync.synced}
      onChangeIdentity={() => setIdentity(undefined)}
    />
  );
}
