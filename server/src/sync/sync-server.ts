import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import { CLOSE, SYNC_PATH, isBoardId, type Role } from '../../../shared/src/index.js';
import type { BoardAccess } from '../boards/board-access.js';
import { Connection, type ConnectionOptions } from './connection.js';
import type { RoomRegistry } from './room-registry.js';

export interface SyncServerOptions extends ConnectionOptions {
  /** Largest accepted websocket message; larger frames close the socket (1009). */
  maxMessageBytes: number;
}

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

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly access: BoardAccess,
    private readonly log: Logger,
    private readonly options: SyncServerOptions,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  }

  /** True if this request is ours (the caller destroys other upgrade requests). */
  handles(req: IncomingMessage): boolean {
    const path = (req.url ?? '').split('?')[0] ?? '';
    return path === SYNC_PATH || path.startsWith(`${SYNC_PATH}/`);
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', (error) => this.log.debug({ err: error }, 'socket error before upgrade'));
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req));
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  /** Terminates every socket (rooms are closed by the registry first). */
  close(): void {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
  }

  private accept(ws: WebSocket, req: IncomingMessage): void {
    this.sockets.add(ws);
    // Without an 'error' listener one malformed frame would throw out of ws and
    // kill the process; ws closes the socket itself after emitting it.
    ws.on('error', (error) => this.log.info({ err: error.message }, 'websocket error'));
    ws.on('close', () => this.sockets.delete(ws));
    const queued: { data: Buffer; isBinary: boolean }[] = [];
    const queue = (data: Buffer, isBinary: boolean) => queued.push({ data, isBinary });
    ws.on('message', queue);

    void this.authorize(req).then(
      async (result) => {
        if ('refuse' in result) {
          ws.close(result.refuse.code, result.refuse.reason);
          return;
        }
        if (ws.readyState !== ws.OPEN) return;
        const { boardId, role } = result;
        const log = this.log.child({ board: boardId, role });
        const connection = await this.rooms
          .join(boardId, (room) =>
            new Connection(ws, room, role, log, this.options, (c) => this.rooms.leave(room, c)),
          )
          .catch((error: unknown) => {
            log.error({ err: error }, 'loading board failed');
            ws.close(CLOSE.internalError, 'board could not be loaded');
            return undefined;
          });
        if (!connection) return;
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

  private async authorize(
    req: IncomingMessage,
  ): Promise<{ boardId: string; role: Role } | { refuse: { code: number; reason: string } }> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rest = url.pathname.slice(SYNC_PATH.length + 1);
    if (!isBoardId(rest)) return { refuse: { code: CLOSE.badRequest, reason: 'invalid board id' } };
    const check = await this.access.check(rest, url.searchParams.get('token'));
    if (check === 'unknown-board') return { refuse: { code: CLOSE.unknownBoard, reason: 'unknown board' } };
    if (check === 'bad-token') return { refuse: { code: CLOSE.unauthorized, reason: 'invalid token' } };
    return { boardId: rest, role: check.role };
  }
}
