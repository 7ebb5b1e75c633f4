import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { Logger } from 'pino';
import { CLOSE, MESSAGE, encodeStorage, refusalReason, remoteOrigin, type Origin, type Role, type Verdict } from '../../../shared/src/index.js';
import { RateLimiter, type SendAccount } from './limits.js';
import type { Room } from './room.js';
import type { RoomPeer } from './room-peer.js';
import { ServerBusy } from './peer-updates.js';
import { stampAwareness, type PresenceIdentity } from './awareness-stamp.js';
import type { UpdateGuard } from './update-guard.js';

export interface ConnectionOptions {
  pingIntervalMs: number;
  /** Messages per second one socket may send (bursts up to twice that). */
  messagesPerSecond: number;
  /** A socket whose unsent data would grow past this is closed (the client resyncs on reconnect). */
  maxBufferedBytes: number;
}

/** No per-address budget (connections made outside a SyncServer). */
const UNLIMITED: SendAccount = { fits: () => true, add: () => undefined, release: () => undefined };

let nextConnection = 1;

/**
 * One websocket on one board, speaking the y-websocket protocol. It owns the
 * socket's lifecycle (ping/pong, close) and decides what a role may send:
 * a viewer's document updates are dropped here, before they reach the doc,
 * so they are never applied, stored or broadcast.
 */
/** Updates one peer may send before answering our sync step 1, and their bytes (holdUntilHandshake). */
const MAX_HELD_UPDATES = 256;
const MAX_HELD_BYTES = 2 * 1024 * 1024;
/** How long held updates wait for the handshake answer; an honest provider answers at once. */
const HOLD_MS = 5_000;

export class Connection implements RoomPeer {
  readonly id = `c${nextConnection++}`;
  /** Transaction origin for this peer's updates. */
  readonly origin: Origin = remoteOrigin(this.id);
  private alive = true;
  private closed = false;
  private readonly rate: RateLimiter;
  private readonly pinger: NodeJS.Timeout;
  /** Bytes queued on this socket that ws has not handed to the kernel yet (counted in `sendAccount`). */
  private unsent = 0;
  /** A sync answer is being built (it may wait for a write to the store). */
  private answering = false;
  /** The latest sync request that arrived while an earlier answer was unsent; answered when the socket drains. */
  private deferredStep1: Uint8Array | undefined;
  /** This peer's answer to our sync step 1 has arrived (see holdUntilHandshake). */
  private handshakeAnswered = false;
  /** Updates waiting for that answer, in arrival order. */
  private readonly held: Uint8Array[] = [];
  private heldBytes = 0;
  private holdTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: Room,
    readonly role: Role,
    /** The person behind this socket, as the server knows them. */
    readonly identity: PresenceIdentity,
    /** Judges each document update before it is applied. */
    private readonly guard: UpdateGuard,
    private readonly log: Logger,
    private readonly options: ConnectionOptions,
    private readonly onClose: (connection: Connection) => void,
    /** Our client asks for `saved`/`storage` messages with `ack=1`; stock providers do not get them. */
    readonly wantsAcks = false,
    /** Unsent bytes of every socket from this client's address. */
    private readonly sendAccount: SendAccount = UNLIMITED,
  ) {
    this.rate = new RateLimiter(options.messagesPerSecond, options.messagesPerSecond * 2);
    ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', () => this.dispose());
    this.pinger = setInterval(() => {
      // A peer that did not answer the previous ping is gone (half-open TCP).
      if (!this.alive) {
        this.log.info({ conn: this.id }, 'no pong, dropping connection');
        ws.terminate();
        this.dispose();
        return;
      }
      this.alive = false;
      ws.ping();
    }, options.pingIntervalMs);
    this.pinger.unref();
  }

  /** Sends our state vector and current presence: the y-websocket handshake. */
  start(): void {
    this.send(this.room.syncStep1());
    const awareness = this.room.awarenessSnapshot();
    if (awareness) this.send(awareness);
    if (this.wantsAcks && this.room.storageFailing) this.send(encodeStorage(true));
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    // Backpressure: a peer that cannot keep up (a phone on bad Wi-Fi) must not
    // grow the server's memory. Judged before queuing, so a socket never holds
    // more than its budget plus one message. 1013 is transient: the provider
    // reconnects and resyncs from the current state, which costs less than the backlog.
    const bytes = message.byteLength;
    if (!this.mayQueue(bytes)) {
      this.log.info({ conn: this.id, buffered: this.ws.bufferedAmount, bytes }, 'slow reader, closing');
      this.close(CLOSE.tryAgainLater, 'too slow, reconnect');
      return;
    }
    this.unsent += bytes;
    this.sendAccount.add(bytes);
    this.ws.send(message, (error) => {
      if (this.closed) return; // dispose() released what was left
      this.unsent -= bytes;
      this.sendAccount.release(bytes);
      if (error) this.close(CLOSE.internalError, 'send failed');
      else if (this.unsent === 0 && this.deferredStep1 && !this.answering) this.answerSyncStep1(this.deferredStep1);
    });
  }

  /**
   * Whether `bytes` more may be queued: within this socket's budget (or into an
   * empty buffer, so one large answer always fits) and within its address's.
   */
  private mayQueue(bytes: number): boolean {
    const buffered = this.ws.bufferedAmount;
    return (buffered === 0 || buffered + bytes <= this.options.maxBufferedBytes) && this.sendAccount.fits(bytes);
  }

  /**
   * Answers a sync step 1. One answer at a time per socket: while anything
   * sent earlier is unsent (or an answer is being built), only the latest
   * request is kept, and answered once the socket drains. A socket that
   * never reads thus holds at most one answer, and its pings go unanswered
   * until it is dropped. Before an answer is built (a full encode of the board
   * for a non-empty state vector), its likely size (the board's stored size)
   * must fit this socket's and its address's budgets; if not, the socket is
   * closed with 1013 and its provider retries later.
   */
  private answerSyncStep1(stateVector: Uint8Array): void {
    if (this.unsent > 0 || this.answering) {
      // A copy: the request's view would keep its whole received frame alive.
      this.deferredStep1 = stateVector.slice();
      return;
    }
    this.deferredStep1 = undefined;
    if (!this.mayQueue(this.room.storedBytes)) {
      this.log.info({ conn: this.id, estimate: this.room.storedBytes }, 'send budget exhausted, not answering a sync request');
      this.close(CLOSE.tryAgainLater, 'server busy, reconnect');
      return;
    }
    const answer = this.room.syncStep2(stateVector);
    if (answer instanceof Uint8Array) {
      this.send(answer);
      return;
    }
    this.answering = true;
    answer.then((message) => {
      this.answering = false;
      this.send(message);
    }, (error: unknown) => {
      this.log.error({ conn: this.id, err: error }, 'could not answer a sync request');
      this.close(CLOSE.internalError, 'sync failed, reconnect');
    });
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) {
      this.ws.close(code, reason);
    }
    this.dispose();
  }

  private onVerdict(verdict: Verdict): void {
    if (verdict.ok) return;
    // Never applied, stored or broadcast. The sender's doc now holds a
    // change nobody else has, so it must start over from the server's
    // state: a final close code tells our client to do exactly that.
    this.log.info({ conn: this.id, member: this.identity.id, rule: verdict.rule }, 'refused update');
    this.close(CLOSE.forbidden, closeReason(refusalReason(verdict)));
  }

  /** A queued update that could not be judged: bytes Yjs cannot apply, or the room is busy or closing. */
  private onRefusedToJudge(error: unknown): void {
    if (error instanceof ServerBusy) {
      this.close(CLOSE.tryAgainLater, error.message);
      return;
    }
    this.log.warn({ conn: this.id, err: error }, 'malformed message');
    this.close(CLOSE.malformed, 'malformed message');
  }

  receive(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    if (this.closed) return;
    if (!this.rate.take()) {
      this.log.warn({ conn: this.id, member: this.identity.id }, 'message rate limit exceeded');
      this.close(1008, 'too many messages, slow down');
      return;
    }
    if (!isBinary) {
      this.close(CLOSE.malformed, 'expected binary messages');
      return;
    }
    const bytes = toUint8Array(data);
    if (this.refuseWhileBacklogged(bytes)) return;
    try {
      this.handle(bytes);
    } catch (error) {
      this.onRefusedToJudge(error);
    }
  }

  /**
   * While the board's unsaved changes are at their bound (storage failing), a
   * document update is refused before it is read or applied: the sender is
   * told the server cannot save (101, if it asked for acks) and closed with a
   * transient code. Its provider reconnects later and sends, in its sync step
   * 2, what the server lacks; nothing refused is ever acknowledged. An empty
   * update (a client with nothing new answering step 1) passes.
   */
  private refuseWhileBacklogged(bytes: Uint8Array): boolean {
    const update = bytes[0] === MESSAGE.sync
      && (bytes[1] === syncProtocol.messageYjsSyncStep2 || bytes[1] === syncProtocol.messageYjsUpdate);
    if (!update || bytes.byteLength <= 5 || this.role === 'viewer' || !this.room.backlogFull(bytes.byteLength)) return false;
    this.log.warn({ conn: this.id, pending: this.room.pendingBytes }, 'unsaved changes at their bound, refusing an update');
    if (this.wantsAcks) this.send(encodeStorage(true));
    this.close(CLOSE.tryAgainLater, 'the server cannot save right now, reconnect later');
    return true;
  }

  /**
   * An update sent before this peer's answer to our sync step 1 may build on
   * edits the server does not have yet: made offline, they reach it in that
   * answer (sync step 2), which the provider sends only once our step 1
   * arrives, after any update typed meanwhile. Such an update waits for the
   * answer and is judged after it (by then what it builds on is here, or it
   * is refused as before). Bounded: a peer that never answers is closed.
   */
  private holdUntilHandshake(update: Uint8Array): void {
    if (this.held.length >= MAX_HELD_UPDATES || this.heldBytes + update.byteLength > MAX_HELD_BYTES) {
      this.close(1008, 'answer the sync handshake first');
      return;
    }
    if (this.held.length === 0) {
      // A peer that never answers gets its held updates judged (and refused) after a while.
      this.holdTimer = setTimeout(() => this.answeredHandshake(), HOLD_MS);
      this.holdTimer.unref();
    }
    this.held.push(update);
    this.heldBytes += update.byteLength;
  }

  /** The peer's answer to our step 1 is judged (or it is late): held updates are judged now, in order. */
  private answeredHandshake(): void {
    this.handshakeAnswered = true;
    clearTimeout(this.holdTimer);
    const held = this.held.splice(0);
    this.heldBytes = 0;
    for (const update of held) if (!this.closed) this.judge(update);
  }

  /**
   * Size check, then the room judges the update and applies it if approved;
   * `judged` runs once the verdict is known (the room may queue the update).
   */
  private judge(payload: Uint8Array, judged?: () => void): void {
    if (this.room.storedBytes + payload.byteLength > this.room.maxBytes) {
      this.log.warn({ conn: this.id, stored: this.room.storedBytes }, 'board size limit reached');
      this.close(CLOSE.tooLarge, 'the board is full: export it and start a new one from a version');
      return;
    }
    const onVerdict = (verdict: Verdict) => {
      if (!verdict.ok && verdict.missing && !this.handshakeAnswered) this.holdUntilHandshake(payload);
      else this.onVerdict(verdict);
      if (!this.closed) judged?.();
    };
    const verdict = this.room.receivePeerUpdate(payload, this.guard, this.origin, this);
    if (verdict instanceof Promise) {
      verdict.then(onVerdict, (error: unknown) => this.onRefusedToJudge(error));
    } else {
      onVerdict(verdict);
    }
  }

  private handle(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE.sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          this.answerSyncStep1(payload);
        } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
          if (this.role === 'viewer') {
            if (payload.byteLength > 2) this.log.debug({ conn: this.id }, 'dropped update from viewer');
            return;
          }
          const answer = syncType === syncProtocol.messageYjsSyncStep2 && !this.handshakeAnswered;
          this.judge(payload, answer ? () => this.answeredHandshake() : undefined);
        } else {
          throw new Error(`unknown sync message type ${syncType}`);
        }
        return;
      }
      case MESSAGE.awareness: {
        // An honest provider echoes the board's states it was sent: never more than the board keeps, twice over.
        const stamped = stampAwareness(decoding.readVarUint8Array(decoder), this.identity, (clientId) =>
          this.room.mayPublishAwareness(this, clientId), 2 * this.room.maxPresence,
        );
        if (stamped) this.room.applyPeerAwareness(stamped, this);
        return;
      }
      case MESSAGE.queryAwareness: {
        const awareness = this.room.awarenessSnapshot();
        if (awareness) this.send(awareness);
        return;
      }
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pinger);
    clearTimeout(this.holdTimer);
    // What is still queued goes with the socket.
    this.sendAccount.release(this.unsent);
    this.unsent = 0;
    this.deferredStep1 = undefined;
    this.onClose(this);
  }
}

function toUint8Array(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Close reasons are limited to 123 bytes of UTF-8. */
function closeReason(reason: string): string {
  let out = reason;
  while (Buffer.byteLength(out, 'utf8') > 123) out = out.slice(0, -2) + '…';
  return out;
}
