import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { BoardReader, SYNC_PATH, type BoardSnapshot } from '../../../shared/src/index.js';

/** What the connection indicator shows; it must tell the truth. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  reader: BoardReader;
}

export interface SyncState {
  connection: BoardConnection | undefined;
  status: ConnectionStatus;
  /** True once the first full sync with the server finished. */
  synced: boolean;
  /** A final refusal from the server (close code 4400-4499); the provider stopped retrying. */
  refusedWith: number | undefined;
}

function syncUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${protocol}://${window.location.host}${SYNC_PATH}`;
}

/**
 * One Y.Doc and one websocket provider per opened board, for as long as the
 * board screen is mounted. The doc lives only here; components get snapshots.
 */
export function useBoardSync(boardId: string, token: string): SyncState {
  const [connection, setConnection] = useState<BoardConnection>();
  const [providerStatus, setProviderStatus] = useState<'connecting' | 'connected' | 'disconnected'>('connecting');
  const [everConnected, setEverConnected] = useState(false);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [synced, setSynced] = useState(false);
  const [refusedWith, setRefusedWith] = useState<number>();

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(syncUrl(), boardId, doc, { params: { token } });
    const reader = new BoardReader(doc);
    provider.on('status', ({ status }) => {
      setProviderStatus(status);
      if (status === 'connected') setEverConnected(true);
    });
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) setSynced(true);
    });
    provider.on('connection-close', (event) => {
      if (event && event.code >= 4400 && event.code < 4500) setRefusedWith(event.code);
    });
    // The connection is an external resource owned by this effect (StrictMode mounts twice).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setConnection({ doc, provider, reader });
    return () => {
      provider.destroy();
      reader.destroy();
      doc.destroy();
      setConnection(undefined);
      setSynced(false);
    };
  }, [boardId, token]);

  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);

  let status: ConnectionStatus;
  if (!online) status = 'offline';
  else if (providerStatus === 'connected') status = 'connected';
  else status = everConnected ? 'reconnecting' : 'connecting';
  return { connection, status, synced, refusedWith };
}

/** The current validated snapshot; re-renders after every doc change (local or remote). */
export function useSnapshot(connection: BoardConnection | undefined): BoardSnapshot | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!connection) return () => undefined;
      // 'update' fires after the reader's observers have invalidated its cache.
      connection.doc.on('update', onChange);
      return () => connection.doc.off('update', onChange);
    },
    [connection],
  );
  const read = useCallback(() => connection?.reader.snapshot(), [connection]);
  return useSyncExternalStore(subscribe, read);
}
