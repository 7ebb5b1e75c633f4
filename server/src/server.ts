import { LogoRunner } from './brand/logo-runner.js';
import { ExportRunner } from './exports/export-runner.js';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import proxyaddr from 'proxy-addr';
import { CLOSE } from '../../shared/src/index.js';
import { BoardAccess } from './boards/board-access.js';
import { BoardService } from './boards/board-service.js';
import { DraftReveal } from './boards/drafts.js';
import { MemberService } from './boards/members.js';
import type { Config } from './config.js';
import { createApp } from './http/app.js';
import type { RedisState } from './http/health.js';
import { certificateDnsNames, certificateNames, loadTls } from './http/tls.js';
import { sniffScheme } from './http/scheme-sniffer.js';
import { TokenBuckets } from './http/rate-limit.js';
import { RestoreRunner } from './boards/restore-runner.js';
import type { BoardStore } from './store/board-store.js';
import { PgBoardStore } from './store/postgres-store.js';
import { SqliteBoardStore } from './store/sqlite-store.js';
import { RoomRegistry } from './sync/room-registry.js';
import { OriginPolicy } from './sync/origins.js';
import { SyncServer } from './sync/sync-server.js';
import { withAccessEvents } from './store/access-events.js';
import { ClusterNode } from './cluster/cluster-node.js';
import { RedisBus } from './cluster/redis-bus.js';
import { NoBus } from './cluster/no-bus.js';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

export interface TabellaServer {
  /** Base URL once listening, e.g. http://127.0.0.1:8080 (https:// when TLS is on). */
  readonly url: string;
  /** The one server for the app, the API and websocket sync (an https.Server when TLS is on). */
  readonly http: Server;
  /** The certificate served when TLS is on. */
  readonly certificate: { file: string; fingerprint: string; validTo: Date } | undefined;
  readonly store: BoardStore;
  readonly rooms: RoomRegistry;
  /** This node among the others sharing its store (PostgreSQL), if it does. */
  readonly cluster: ClusterNode | undefined;
  /**
   * Drains: refuses new requests and websockets (503; /healthz answers 503
   * `draining`), closes peers (1001, they reconnect, behind a load balancer
   * to another node), flushes every room, closes the store.
   */
  close(): Promise<void>;
}

/**
 * Slowloris: a client that sends headers slowly, or never finishes a request
 * (headers, then a body trickled byte by byte), is answered 408 and dropped
 * instead of holding a socket forever. Node enforces both timeouts only when
 * it checks its connections, every `connectionsCheckingInterval` (30 s by
 * default, which let a request live up to 60 s): checking every tenth of the
 * timeout, at most every second, keeps the cut within 10% of it.
 */
function requestTimeouts(requestTimeoutMs: number) {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(10_000, requestTimeoutMs),
    connectionsCheckingInterval: Math.min(1_000, Math.ceil(requestTimeoutMs / 10)),
  };
}
/** Restores prepared at once: each worker holds a core of a small machine while it runs. */
const RESTORES_AT_ONCE = 2;
/** Heap of one restore worker: a 16 MiB state decodes to a few hundred MiB at most. */
const RESTORE_HEAP_MB = 1024;

export interface ServerDeps {
  log?: Logger;
  store?: BoardStore;
  /** The link to the other nodes, for /healthz; `off` when the node runs alone. */
  redis?: () => RedisState;
}

/** Composition root: wires store, rooms, sync and HTTP (or HTTPS) on one port. */
export async function startServer(config: Config, deps: ServerDeps = {}): Promise<TabellaServer> {
  const log = deps.log ?? pino({ level: config.logLevel });
  // First, so that a bad certificate stops the start before anything is opened.
  const tls = await loadTls(config.tls, certificateNames(config.host, config.publicUrl), log);
  // PostgreSQL when DATABASE_URL is set (nodes share it), else SQLite in DATA_DIR.
  const baseStore = deps.store ?? (config.databaseUrl
    ? await PgBoardStore.open(config.databaseUrl, log)
    : new SqliteBoardStore(join(config.dataDir, 'tabella.sqlite'), config.durability));
  // Every committed change of who may do what re-checks the board's open connections, here and on other nodes.
  let accessChanged: (boardId: string) => void = () => undefined;
  const store = withAccessEvents(baseStore, (boardId) => accessChanged(boardId));
  const rooms = new RoomRegistry(store, log, {
    compactEvery: config.compactEvery,
    maxBytes: config.maxBoardBytes,
    maxPresence: config.maxPresencePerBoard,
    presenceTickMs: config.presenceTickMs,
    maxPendingBytes: config.maxUnsavedBytes,
  });
  const access = new BoardAccess(store);
  const boards = new BoardService(store, rooms);
  const members = new MemberService(store, rooms);
  const drafts = new DraftReveal(store, rooms, log);
  // One rule for HTTP (Express) and websockets: whose X-Forwarded-For names the client.
  const trustProxy = proxyaddr.compile(config.trustedProxies);
  const origins = new OriginPolicy(config.allowedOrigins, tls ? 'https' : 'http', config.host, tls ? certificateDnsNames(tls.cert) : []);
  const sync = new SyncServer(rooms, access, log, {
    maxMessageBytes: config.maxMessageBytes,
    pingIntervalMs: config.pingIntervalMs,
    maxBufferedBytes: config.maxBufferedBytes,
    maxBufferedBytesPerIp: config.maxBufferedBytesPerIp,
    messagesPerSecond: config.messagesPerSecond,
    origins,
    maxConnections: config.maxConnections,
    maxConnectionsPerIp: config.maxConnectionsPerIp,
    trustProxy,
  });
  // A store other nodes may share: this node joins them (through Redis when configured).
  let cluster: ClusterNode | undefined;
  if (store.seqPerDoc) {
    const nodeId = config.nodeId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    const bus = config.redisUrl ? new RedisBus(config.redisUrl, nodeId, log) : new NoBus(nodeId);
    cluster = new ClusterNode(store, bus, rooms, log.child({ node: nodeId }), (boardId) => sync.recheck(boardId), config.catchUpPoll);
    const node = cluster;
    rooms.beforeLoad = (boardId) => node.beforeLoad(boardId);
    rooms.loadFailed = (boardId) => node.loadFailed(boardId);
  }
  rooms.onLoad = (room) => {
    cluster?.attach(room);
    drafts.watch(room);
  };
  accessChanged = (boardId) => (cluster ? cluster.accessChanged(boardId) : sync.recheck(boardId));
  let draining = false;
  // One export at a time in its own thread; 20 waiting at most, each given a minute.
  const exports = new ExportRunner({ timeoutMs: 60_000, maxQueued: 20 });
  const restores = new RestoreRunner({ timeoutMs: config.restoreTimeoutMs, maxConcurrent: RESTORES_AT_ONCE, maxHeapMb: RESTORE_HEAP_MB });
  const app = createApp({
    boards,
    access,
    rooms,
    store,
    members,
    kick: (boardId, memberId, code, reason) => sync.kick(boardId, memberId, code, reason),
    publicUrl: config.publicUrl,
    listenHost: config.host,
    rates: {
      creates: new TokenBuckets(config.rateLimits.creates),
      restores: new TokenBuckets(config.rateLimits.restores),
      joins: new TokenBuckets(config.rateLimits.joins),
      formPosts: new TokenBuckets(config.rateLimits.formPosts),
      codeFailures: new TokenBuckets(config.rateLimits.codeFailures),
    },
    createGuard: { createKey: config.createKey, dataDir: config.dataDir, minFreeDiskBytes: config.minFreeDiskBytes },
    restores,
    logos: new LogoRunner(),
    exports,
    maxRestoreBytes: config.maxRestoreBytes,
    log,
    staticDir: config.staticDir,
    tls: tls !== undefined,
    draining: () => draining,
    redis: deps.redis ?? (() => cluster?.busState ?? 'off'),
    sockets: () => sync.connectionCount,
    trustProxy,
  });
  // With TLS the same port speaks only HTTPS, and the websocket upgrade below is WSS.
  const http: Server = tls
    ? createHttpsServer({ cert: tls.cert, key: tls.key, handshakeTimeout: 10_000, ...requestTimeouts(config.requestTimeoutMs) }, app)
    : createServer(requestTimeouts(config.requestTimeoutMs), app);
  http.on('upgrade', (req, socket, head) => {
    if (sync.handles(req)) sync.upgrade(req, socket, head);
    else socket.destroy();
  });
  http.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const timedOut = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    if (socket.writable) socket.end(timedOut ? 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n' : 'HTTP/1.1 400 Bad Request\r\n\r\n');
    else socket.destroy();
  });

  // With TLS a sniffer owns the port: TLS handshakes go to `http`, plain
  // HTTP gets a redirect to https (scheme-sniffer.ts). Without, `http` listens itself.
  const listener = tls ? sniffScheme(http) : http;
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(config.port, config.host, () => {
      listener.off('error', reject);
      resolve();
    });
  });
  const address = listener.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `${tls ? 'https' : 'http'}://${host}:${address.port}`;
  origins.listening(address.port);

  let closing: Promise<void> | undefined;
  return {
    url,
    http,
    certificate: tls && { file: tls.certFile, fingerprint: tls.fingerprint, validTo: tls.validTo },
    store,
    rooms,
    cluster,
    close() {
      closing ??= (async () => {
        draining = true;
        sync.stopAccepting();
        await restores.close();
        await exports.close();
        await rooms.closeAll(CLOSE.goingAway, 'server restarting');
        sync.close();
        http.closeAllConnections();
        if (listener !== http) listener.close();
        await new Promise<void>((resolve) => http.close(() => resolve()));
        await cluster?.stop();
        await store.close();
      })();
      return closing;
    },
  };
}
