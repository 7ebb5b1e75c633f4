import type { Request, RequestHandler } from 'express';
import { isIPv6 } from 'node:net';
import { HttpError } from './errors.js';

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
}

export interface BucketOptions {
  /** Addresses remembered at most; past it the least recently seen is forgotten. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * A token bucket per client address: `perMinute` requests in a burst, refilled
 * at `perMinute` per minute. Memory is bounded: a bucket that has refilled is
 * the same as no bucket and is dropped when the map is swept, and the map
 * never holds more than `maxEntries` (forgetting an address only ever gives
 * it a full bucket, never a smaller one).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(
    private readonly perMinute: number,
    options: BucketOptions = {},
  ) {
    this.perMs = perMinute / 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Takes one token for `key`: 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key);
    let tokens = this.perMinute;
    if (bucket) {
      tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
      // Re-inserted so that the map's order is least recently seen first.
      this.buckets.delete(key);
    } else {
      this.makeRoom(now);
    }
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000));
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return 0;
  }

  /**
   * Gives back one token taken for `key` (never past the full bucket): for
   * limits that count only failures, a request takes a token before it is
   * checked and returns it when it succeeds, so concurrent guesses cannot all
   * pass before the first failure is counted.
   */
  giveBack(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.perMinute, bucket.tokens + 1);
  }

  get size(): number {
    return this.buckets.size;
  }

  private makeRoom(now: number): void {
    if (this.buckets.size < this.maxEntries) return;
    // A full sweep at most once a second: under a flood of new addresses each
    // request then costs O(1) (evict the least recently seen).
    if (now - this.lastSweep >= 1000) {
      this.lastSweep = now;
      for (const [key, b] of this.buckets) {
        if (b.tokens + (now - b.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
      }
    }
    while (this.buckets.size >= this.maxEntries) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }
}

/**
 * The key for an address: IPv4 as is, IPv6 by its /64 (one subscriber gets a
 * whole /64, so single IPv6 addresses would give each client endless buckets).
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const plain = ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
  if (!isIPv6(plain)) return plain;
  const [head = '', tail = ''] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = plain.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** 127.0.0.0/8 and ::1, also IPv4-mapped. */
function isLoopback(ip: string | undefined): boolean {
  return ip !== undefined && (/^(::ffff:)?127\./.test(ip) || ip === '::1');
}

/**
 * Throws 429 with Retry-After when the request's address has no token left
 * for `what`. Requests from this machine itself are never limited: they are
 * the operator, scripts, tests and benches. A reverse proxy must send
 * X-Forwarded-For and be trusted (TRUSTED_PROXIES, loopback by default, see
 * app.ts), so that its clients are limited by their own addresses.
 */
export function takeOrRefuse(buckets: TokenBuckets, req: Request, what: string): void {
  if (isLoopback(req.ip)) return;
  const wait = buckets.take(addressKey(req.ip));
  if (wait === 0) return;
  throw new HttpError(429, 'rate-limited', `too many ${what} from your address: try again in ${wait} s`, {
    params: { seconds: wait },
    headers: { 'Retry-After': String(wait) },
  });
}

/** Undoes takeOrRefuse for a request that succeeded, where only failures count (join codes). */
export function giveBack(buckets: TokenBuckets, req: Request): void {
  if (!isLoopback(req.ip)) buckets.giveBack(addressKey(req.ip));
}

/** takeOrRefuse as middleware, for routes limited before their body is read. */
export function rateLimit(buckets: TokenBuckets, what: string): RequestHandler {
  return (req, _res, next) => {
    takeOrRefuse(buckets, req, what);
    next();
  };
}
