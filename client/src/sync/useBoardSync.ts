import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { IndexeddbPersistence } from 'y-indexeddb';
import { ACK_PARAM, BoardReader, CLOSE, SYNC_PATH, isFinalClose, type BoardSnapshot } from '../../../shared/src/index.js';
import { JitteredReconnect } from './jitteredReconnect.js';
import { clearLocal, openLocal } from './localStore.js';
import { SaveTracker } from './saveTracker.js';
import { serverReachable } from './reachability.js';

/** What the connection indicator shows; it must tell the truth. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  reader: BoardReader;
  /** What the server confirmed as stored (its `saved` and `storage` messages). */
  saves: SaveTracker;
  /** This device's copy in IndexedDB, once loaded (none without `localName`, or when IndexedDB is unavailable). */
  local?: IndexeddbPersistence;
  reconnect: JitteredReconnect;
}

export interface SyncState {
  connection: BoardConnection | undefined;
  status: ConnectionStatus;
  /** True once the first full sync with the server finished. */
  synced: boolean;
  /** A final refusal from the server (close code 4400-4499 other than 4403); the provider stopped retrying. */
  refusedWith: number | undefined;
}

export interface SyncOptions {
  /** Room name: the board id, or `<boardId>/private` for private-writing drafts. */
  room?: string;
  /** Called when the server refused one of our updates (4403) with its human-readable reason. */
  onRefusedUpdate?: (reason: string) => void;
  /** Called on every socket close (the role may have changed, or the person was removed). */
  onClose?: (code: number) => void;
  /** Changing it opens a fresh connection (e.g. after a role change that the server closed with 44xx). */
  restartKey?: number;
  /** False: no connection at all. */
  enabled?: boolean;
  /**
   * IndexedDB database for this device's copy (see sync/localStore.ts): loaded
   * before connecting, so a reload while offline shows everything. None: online only.
   */
  localName?: string;
  /**
   * This device's copy is known to be empty (just cleared): connect without
   * waiting for it, and open it alongside. Nothing in it could be missed, and
   * y-indexeddb stores the doc's whole state when it opens.
   */
  localEmpty?: boolean;
}

function syncUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${protocol}://${window.location.host}${SYNC_PATH}`;
}

function closeConnection(c: BoardConnection): void {
  c.reconnect.stop();
  c.saves.destroy();
  c.provider.destroy();
  c.reader.destroy();
  c.doc.destroy();
}

/**
 * One Y.Doc and one websocket provider per opened room, for as long as the
 * board screen is mounted. The doc lives only here; components get snapshots.
 *
 * A refused update (close 4403) leaves our doc ahead of the server's truth and
 * the provider stopped. We open a fresh doc and provider, keep showing the old
 * doc until the new one has synced (no flash of a loading or error screen),
 * then swap and throw the old one away. This device's copy of the refused doc
 * is deleted before the fresh doc opens it, or the refused change would be
 * loaded and sent again.
 */
export function useBoardSync(boardId: string, token: string, options: SyncOptions = {}): SyncState {
  const { room = boardId, restartKey = 0, enabled = true, localName, localEmpty = false } = options;
  const [connection, setConnection] = useState<BoardConnection>();
  const [providerStatus, setProviderStatus] = useState<'connecting' | 'connected' | 'disconnected'>('connecting');
  const [everConnected, setEverConnected] = useState(false);
  const [online, setOnline] = useState(() => navigator.onLine);
  /**
   * The page has not reached the server since it loaded, and a probe of
   * `/healthz` failed too: the device is offline whatever `navigator.onLine`
   * says (a reload while the Wi-Fi is down, served by the service worker).
   * Once connected, a later loss is "reconnecting" unless the browser itself
   * reports the device offline: the server may be restarting.
   */
  const [unreachable, setUnreachable] = useState(false);
  const [synced, setSynced] = useState(false);
  const [refusedWith, setRefusedWith] = useState<number>();
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });

  useEffect(() => {
    if (!enabled) return;
    let current: BoardConnection | undefined;
    let pending: BoardConnection | undefined;
    let disposed = false;
    let connectedOnce = false;
    let probing = false;
    const probe = () => {
      if (probing || connectedOnce) return;
      probing = true;
      void serverReachable().then((reachable) => {
        probing = false;
        if (!disposed && !connectedOnce) setUnreachable(!reachable);
      });
    };

    /** `clearFirst`: the refused doc's local copy being deleted; the fresh doc opens it only after. */
    const open = (clearFirst?: Promise<void>): BoardConnection => {
      const doc = new Y.Doc();
      const reconnect = new JitteredReconnect();
      // No BroadcastChannel between tabs: a doc holding a refused update would hand
      // it straight back to the fresh doc (same room, same tab or another tab),
      // which would send it to the server again. The server is the only peer.
      // `ack=1`: the server tells us what it has stored (saved/storage messages).
      const provider = new WebsocketProvider(syncUrl(), room, doc, {
        params: { token, [ACK_PARAM]: '1' }, disableBc: true, connect: false, shouldReconnect: reconnect.shouldReconnect,
      });
      reconnect.attach(provider);
      const saves = new SaveTracker(doc, provider);
      const conn: BoardConnection = { doc, provider, reader: new BoardReader(doc), saves, reconnect };
      // Connect first when there is nothing to load (never for a refused doc's fresh start).
      const connectFirst = localEmpty && !clearFirst;
      if (connectFirst) provider.connect();
      void (async () => {
        await clearFirst;
        if (localName && !disposed && !doc.isDestroyed) {
          const local = await openLocal(localName, doc);
          if (local && doc.isDestroyed) void local.destroy();
          else if (local) {
            conn.local = local;
            await saves.attachLocal(local);
          }
        }
        if (!connectFirst && !disposed && !doc.isDestroyed) provider.connect();
      })();
      provider.on('status', ({ status }) => {
        if (disposed || conn !== current) return;
        setProviderStatus(status);
        if (status === 'connected') {
          connectedOnce = true;
          setEverConnected(true);
          setUnreachable(false);
        }
      });
      provider.on('sync', (isSynced: boolean) => {
        if (disposed || !isSynced) return;
        if (conn === pending) {
          const old = current;
          current = conn;
          pending = undefined;
          setConnection(conn);
          setProviderStatus('connected');
          if (old) closeConnection(old);
        }
        if (conn === current) setSynced(true);
      });
      provider.on('connection-close', (event) => {
        if (disposed) return;
        const code = event?.code ?? 0;
        if (code === CLOSE.forbidden) {
          // The server refused an update: our doc holds changes the server does not have.
          callbacks.current.onRefusedUpdate?.(event?.reason || '');
          if (conn === current && !pending) pending = open(conn.local ? clearLocal(conn.local) : undefined);
          return;
        }
        if (conn !== current) return;
        probe();
        callbacks.current.onClose?.(code);
        if (isFinalClose(code)) setRefusedWith(code);
      });
      return conn;
    };

    current = open();
    // The connection is an external resource owned by this effect (StrictMode mounts twice).
    setConnection(current);
    setRefusedWith(undefined);
    setUnreachable(false);
    return () => {
      disposed = true;
      if (current) closeConnection(current);
      if (pending) closeConnection(pending);
      setConnection(undefined);
      setSynced(false);
    };
  }, [boardId, token, room, restartKey, enabled, localName, localEmpty]);

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
  if (!online || unreachable) status = 'offline';
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
