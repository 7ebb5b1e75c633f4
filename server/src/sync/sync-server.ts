import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import { ACCESS_REFUSED, ACK_PARAM, CLOSE, SYNC_PATH, parseRoom } from '../../../shared/src/index.js';
import type { AccessResult, BoardAccess, Caller } from '../boards/board-access.js';
import { MAIN_DOC } from '../store/board-store.js';
import type { PresenceIdentity } from './awareness-stamp.js';
import { boardGuard, draftsGuard, readOnlyGuard, type UpdateGuard } from './update-guard.js';
import { ConnectionLimiter, SendBudget, clientAddress, originAllowed, type TrustProxy } from './limits.js';
import type { OriginPolicy } from './origins.js';
import { Connection, type ConnectionOptions } from './connection.js';
import type { RoomRegistry } from './room-registry.js';

export interface SyncServerOptions extends ConnectionOptions {
  /** Largest accepted websocket message; larger frames close the socket (1009). */
  maxMessageBytes: number;
  /** Web origins whose pages may open a websocket. */
  origins: OriginPolicy;
  maxConnections: number;
  maxConnectionsPerIp: number;
  /** Unsent bytes all sockets of one address may hold together. */
  maxBufferedBytesPerIp: number;
  /** Whose X-Forwarded-For is believed for the per-address limits (TRUSTED_PROXIES). */
  trustProxy: TrustProxy;
}

/** Messages a socket may send before it is authorized and its board loaded; more is abuse. */
const MAX_QUEUED_BEFORE_READY = 256;
/**
 * Bytes those may hold together: a client's first sync with a day of offline
 * work fits many times over, while an anonymous socket (not yet authorized)
 * cannot make the server hold 256 messages of `MAX_MESSAGE_BYTES` each.
 */
const MAX_QUEUED_BYTES_BEFORE_READY = 4 * 1024 * 1024;

/**
 * Accepts websocket upgrades on `/sync/<boardId>?token=...`. Refusals happen
 * after the handshake, as close frames with a code and a reason, because the
 * stock y-websocket provider only stops retrying on close codes 4400-4499.
 * Messages that arrive while the board is being authorized and loaded are
 * queued and replayed in order, so nothing the client sent first is lost.
 */
export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly limiter: ConnectionLimiter;
  private readonly sendBudget: SendBudget;
  /** Open connections per `${boardId}/${memberId}`, to close them when the member's rights change. */
  private readonly byMember = new Map<string, Set<Connection>>();
  /** Open connections per board, with the token each was admitted with (see `recheck`). */
  private readonly byBoard = new Map<string, Map<Connection, { token: string | null; via: Caller['via'] }>>();
  /** Boards whose sockets are being re-checked, and whether another pass is due after (see `recheck`). */
  private readonly rechecking = new Map<string, boolean>();
  /** False once the server drains (SIGTERM): no socket joins a room after that. */
  private accepting = true;

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly access: BoardAccess,
    private readonly log: Logger,
    private readonly options: SyncServerOptions,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
    this.limiter = new ConnectionLimiter(options.maxConnectionsPerIp, options.maxConnections);
    this.sendBudget = new SendBudget(options.maxBufferedBytesPerIp);
  }

  /** True if this request is ours (the caller destroys other upgrade requests). */
  handles(req: IncomingMessage): boolean {
    const path = (req.url ?? '').split('?')[0] ?? '';
    return path === SYNC_PATH || path.startsWith(`${SYNC_PATH}/`);
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', (error) => this.log.debug({ err: error }, 'socket error before upgrade'));
    if (!this.accepting) {
      // 503 before the handshake: a load balancer retries another node (docs/deploy/haproxy.cfg, retry-on 503).
      refuseUpgrade(socket, 503, 'Service Unavailable', 'server restarting, retry');
      return;
    }
    if (!originAllowed(req, this.options.origins)) {
      this.log.info({ origin: req.headers.origin }, 'websocket from a foreign origin refused');
      refuseUpgrade(socket, 403, 'Forbidden', 'origin not allowed');
      return;
    }
    const address = clientAddress(req, this.options.trustProxy);
    const slot = this.limiter.acquire(address);
    if (slot !== 'ok') {
      this.log.warn({ address, limit: slot }, 'connection limit reached');
      if (slot === 'total') refuseUpgrade(socket, 503, 'Service Unavailable', 'server is full, retry later');
      else refuseUpgrade(socket, 429, 'Too Many Requests', 'too many connections from this address');
      return;
    }
    socket.once('close', () => this.limiter.release(address));
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req, address));
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  /** Closes every connection of one member (role changed, removed, renamed). */
  kick(boardId: string, memberId: string, code: number, reason: string): void {
    for (const connection of this.byMember.get(`${boardId}/${memberId}`) ?? []) connection.close(code, reason);
  }

  /**
   * Checks every open connection of a board against the store again, as if
   * it were connecting now: one whose link was replaced or whose member was
   * removed is closed for good; one whose member changed role, name or
   * department reconnects to be admitted afresh. Called when access changed,
   * here or on another node (docs/scaling.md).
   */
  recheck(boardId: string): void {
    // One pass per board at a time, and at most one more queued behind it: a
    // burst of changes (or someone renaming themselves in a loop) costs one
    // look-up per open socket per pass, never one per change.
    if (this.rechecking.has(boardId)) {
      this.rechecking.set(boardId, true);
      return;
    }
    this.rechecking.set(boardId, false);
    void this.recheckPass(boardId).finally(() => {
      const again = this.rechecking.get(boardId);
      this.rechecking.delete(boardId);
      if (again) this.recheck(boardId);
    });
  }

  private async recheckPass(boardId: string): Promise<void> {
    // Sockets opened with the same token (a viewer link) share one look-up.
    const byToken = new Map<string | null, Promise<AccessResult>>();
    await Promise.all([...this.byBoard.get(boardId) ?? []].map(async ([connection, admitted]) => {
      let now = byToken.get(admitted.token);
      if (!now) byToken.set(admitted.token, (now = this.access.check(boardId, admitted.token)));
      try {
        const close = withdrawn(connection, admitted.via, await now);
        if (close) connection.close(close.code, close.reason);
      } catch (error) {
        this.log.warn({ err: error, board: boardId }, 're-checking access failed');
      }
    }));
  }

  /**
   * Draining: new upgrades are refused (503) and sockets still being
   * authorized are closed 1001 instead of joining a room, so that once the
   * registry has closed every room no new one is loaded behind its back.
   */
  stopAccepting(): void {
    this.accepting = false;
  }

  /** Terminates every socket (rooms are closed by the registry first). */
  close(): void {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
  }

  private accept(ws: WebSocket, req: IncomingMessage, address: string): void {
    this.sockets.add(ws);
    // Without an 'error' listener one malformed frame would throw out of ws and
    // kill the process; ws closes the socket itself after emitting it.
    ws.on('error', (error) => this.log.info({ err: error.message }, 'websocket error'));
    ws.on('close', () => this.sockets.delete(ws));
    const queued: { data: Buffer; isBinary: boolean }[] = [];
    let queuedBytes = 0;
    const queue = (data: Buffer, isBinary: boolean) => {
      if (ws.readyState !== ws.OPEN) return;
      queuedBytes += data.byteLength;
      if (queued.push({ data, isBinary }) > MAX_QUEUED_BEFORE_READY || queuedBytes > MAX_QUEUED_BYTES_BEFORE_READY) {
        queued.length = 0;
        ws.close(1008, 'too much sent before ready');
      }
    };
    ws.on('message', queue);

    void this.authorize(req).then(
      async (result) => {
        if ('refuse' in result) {
          ws.close(result.refuse.code, result.refuse.reason);
          return;
        }
        if (ws.readyState !== ws.OPEN) return;
        if (!this.accepting) {
          ws.close(CLOSE.goingAway, 'server restarting');
          return;
        }
        const { boardId, docName, identity, guard, memberKey, via } = result;
        const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
        const token = params.get('token');
        const wantsAcks = params.get(ACK_PARAM) === '1';
        const log = this.log.child({ board: boardId, role: identity.role, member: identity.id });
        const connection = await this.rooms
          .join(
            boardId,
            (room) =>
              new Connection(ws, room, identity.role, identity, guard, log, this.options, (c) => {
                this.rooms.leave(room, c);
                if (memberKey) this.byMember.get(memberKey)?.delete(c);
                const open = this.byBoard.get(boardId);
                if (open?.delete(c) && open.size === 0) this.byBoard.delete(boardId);
              }, wantsAcks, this.sendBudget.account(address)),
            docName,
          )
          .catch((error: unknown) => {
            log.error({ err: error }, 'loading board failed');
            ws.close(CLOSE.internalError, 'board could not be loaded');
            return undefined;
          });
        if (connection && memberKey) {
          let set = this.byMember.get(memberKey);
          if (!set) this.byMember.set(memberKey, (set = new Set()));
          set.add(connection);
        }
        if (!connection) return;
        let open = this.byBoard.get(boardId);
        if (!open) this.byBoard.set(boardId, (open = new Map()));
        open.set(connection, { token, via });
        ws.off('message', queue);
        if (ws.readyState !== ws.OPEN) {
          connection.close(CLOSE.goingAway, 'closed while loading');
          return;
        }
        connection.start();
        for (const { data, isBinary } of queued) connection.receive(data, isBinary);
      },
      (error: unknown) => {
        this.log.error({ err: error }, 'authorizing connection failed');
        ws.close(CLOSE.internalError, 'server error');
      },
    );
  }

  private async authorize(req: IncomingMessage): Promise<Authorized | { refuse: { code: number; reason: string } }> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const room = parseRoom(url.pathname.slice(SYNC_PATH.length + 1));
    if (!room) return { refuse: { code: CLOSE.badRequest, reason: 'invalid board id' } };
    const { boardId, drafts } = room;
    const check = await this.access.check(boardId, url.searchParams.get('token'));
    // An unknown board and a missing or wrong token are one refusal (docs/security.md).
    if (check === 'refused') return { refuse: { code: CLOSE.unauthorized, reason: ACCESS_REFUSED } };
    if (check === 'removed') return { refuse: { code: CLOSE.unauthorized, reason: 'removed from this workshop' } };
    return this.admit(boardId, drafts, check);
  }

  /** Turns an authenticated caller into what a connection needs: room, identity, guard. */
  private admit(boardId: string, drafts: boolean, caller: Caller): Authorized | { refuse: { code: number; reason: string } } {
    if (caller.via === 'link' || caller.via === 'follow-up') {
      // Shared links identify a role, not a person: only viewers (and the
      // after-workshop links, which read like viewers) may use one directly.
      // Everyone who writes joins first (POST /api/boards/:id/join).
      if (caller.role !== 'viewer' || drafts) return { refuse: { code: CLOSE.unauthorized, reason: 'join first' } };
      const identity: PresenceIdentity = { id: `viewer${nextViewer++}`, name: '', department: '', role: 'viewer' };
      return { boardId, docName: MAIN_DOC, identity, guard: readOnlyGuard(identity.id), memberKey: undefined, via: caller.via };
    }
    const { member } = caller;
    const identity: PresenceIdentity = { id: member.id, name: member.name, department: member.department, role: member.role };
    const memberKey = `${boardId}/${member.id}`;
    if (drafts) {
      if (member.role === 'viewer') return { refuse: { code: CLOSE.unauthorized, reason: 'viewers have no drafts' } };
      return { boardId, docName: draftsDocName(member.id), identity, guard: draftsGuard(member.id), memberKey, via: 'session' };
    }
    return { boardId, docName: MAIN_DOC, identity, guard: boardGuard({ ...identity, memberId: member.id }), memberKey, via: 'session' };
  }
}

interface Authorized {
  boardId: string;
  docName: string;
  identity: PresenceIdentity;
  guard: UpdateGuard;
  memberKey: string | undefined;
  via: Caller['via'];
}

/** Why an open connection may no longer stay as it was admitted, if so (SyncServer.recheck). */
function withdrawn(connection: Connection, via: Caller['via'], now: AccessResult): { code: number; reason: string } | undefined {
  if (now === 'removed') return { code: CLOSE.unauthorized, reason: 'removed from this workshop' };
  if (now === 'refused') {
    return { code: CLOSE.unauthorized, reason: via === 'session' ? ACCESS_REFUSED : 'this link was replaced: ask the facilitator for the new one' };
  }
  if (now.via !== via || now.role !== connection.role) return { code: CLOSE.reconnect, reason: 'role changed' };
  if (now.via === 'session' && (now.member.name !== connection.identity.name || now.member.department !== connection.identity.department)) {
    return { code: CLOSE.reconnect, reason: 'identity changed' };
  }
  return undefined;
}

let nextViewer = 1;

/** Store name of a member's private drafts document. */
export function draftsDocName(memberId: string): string {
  return `private/${memberId}`;
}

/** Answers an upgrade request with a plain HTTP error before any websocket exists. */
function refuseUpgrade(socket: Duplex, status: number, statusText: string, message: string): void {
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain\r\n`
        + `Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
    );
  }
  socket.destroy();
}
