import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { OriginPolicy } from './origins.js';

/**
 * Counts open websocket connections per client address and in total, so a
 * flood from one machine cannot exhaust the server. A workshop room of 60
 * laptops has 60 addresses on the LAN; behind a proxy or NAT they may share
 * one, hence a generous default per address.
 *
 * Fair share (issue #10: five addresses holding 1,000 sockets each locked
 * everyone else out): besides `maxPerAddress` and `maxTotal`, an address that
 * already holds `floor` connections gets another only while it holds fewer
 * than the slots still free. Its share shrinks as the server fills: k greedy
 * addresses stop at about maxTotal / (k + 1) each, leaving as many slots for
 * everyone else, and an address below the floor is refused only when the
 * server is completely full.
 */
export class ConnectionLimiter {
  private readonly byAddress = new Map<string, number>();
  private total = 0;
  /** Connections any address may hold whenever a slot is free: 1% of the total, at least 1. */
  readonly floor: number;

  constructor(
    private readonly maxPerAddress: number,
    private readonly maxTotal: number,
  ) {
    this.floor = Math.max(1, Math.floor(maxTotal / 100));
  }

  /** Takes a slot for `address`, or says why not. Call `release` when the socket closes. */
  acquire(address: string): 'ok' | 'address' | 'total' {
    if (this.total >= this.maxTotal) return 'total';
    const used = this.byAddress.get(address) ?? 0;
    if (used >= this.maxPerAddress) return 'address';
    if (used >= this.floor && used >= this.maxTotal - this.total) return 'address';
    this.byAddress.set(address, used + 1);
    this.total += 1;
    return 'ok';
  }

  release(address: string): void {
    const used = this.byAddress.get(address) ?? 0;
    if (used <= 1) this.byAddress.delete(address);
    else this.byAddress.set(address, used - 1);
    this.total = Math.max(0, this.total - 1);
  }
}

/** One address's share of a SendBudget, as a connection sees it. */
export interface SendAccount {
  /** Whether `bytes` more may be queued: always when nothing of this address's is unsent. */
  fits(bytes: number): boolean;
  add(bytes: number): void;
  release(bytes: number): void;
}

/**
 * Unsent bytes (queued for a socket, not yet handed to the kernel) per client
 * address, across all its connections. A socket that never reads holds what
 * it is sent in the server's memory until it is dropped; the per-socket budget
 * (`SEND_BUFFER_BYTES`) bounds one socket, this bounds an address's many
 * (issue #10: 60 sockets that never read held 36 MiB each).
 */
export class SendBudget {
  private readonly byAddress = new Map<string, number>();

  constructor(private readonly perAddress: number) {}

  account(address: string): SendAccount {
    return {
      fits: (bytes) => {
        const used = this.byAddress.get(address) ?? 0;
        return used === 0 || used + bytes <= this.perAddress;
      },
      add: (bytes) => void this.byAddress.set(address, (this.byAddress.get(address) ?? 0) + bytes),
      release: (bytes) => {
        const left = (this.byAddress.get(address) ?? 0) - bytes;
        if (left > 0) this.byAddress.set(address, left);
        else this.byAddress.delete(address);
      },
    };
  }
}

/**
 * Token bucket: `perSecond` messages sustained, bursts up to `burst`. A cursor
 * at 20 Hz plus edits stays far below the default; a client stuck in a loop
 * or an attacker does not.
 */
export class RateLimiter {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * The websocket's `Origin` must be one we serve (`OriginPolicy`, origins.ts):
 * browsers send it on every websocket handshake, so a page on another site
 * cannot open a socket with a token it stole or guessed, and a page on a name
 * that resolves to this server (DNS rebinding) cannot either. Clients that are
 * not browsers send none and are judged by their token alone.
 */
export function originAllowed(req: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return policy.allows(origin.toLowerCase());
}

/** Whether a peer (and each hop before it) is a proxy whose forwarding header is believed (TRUSTED_PROXIES). */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * The client's address: the socket's peer, unless that peer is a trusted
 * proxy (a load balancer, TRUSTED_PROXIES), then the address it forwarded in
 * X-Forwarded-For, read from the right up to the first hop not trusted (what
 * a client writes into the header itself is never believed). The same rule
 * as Express's `trust proxy` for HTTP (app.ts), so both count one client alike.
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  if (req.socket.remoteAddress === undefined) return 'unknown';
  return proxyaddr(req, trust);
}
