import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { BoardStore } from '../store/board-store.js';

/** The link to the other nodes: connected, lost (the node still serves, docs/scaling.md), or not configured. */
export type RedisState = 'ok' | 'down' | 'off';

/** What `GET /healthz` answers (docs/protocol.md, docs/scaling.md). */
export interface Health {
  /** `ok` with 200; `unavailable` with 503: a load balancer takes the node out. */
  status: 'ok' | 'unavailable';
  store: 'ok' | 'unreachable';
  redis: RedisState;
  draining: boolean;
  /** Websockets open on this node: how a balancer's `leastconn` has spread people. */
  sockets: number;
}

export interface HealthDeps {
  store: Pick<BoardStore, 'ping'>;
  redis: () => RedisState;
  draining: () => boolean;
  sockets: () => number;
  log: Logger;
}

/** A probe storm (every balancer, every second) reaches the store at most once per this long. */
const STORE_CACHE_MS = 1_000;
/** A store that has not answered a trivial query by then counts as unreachable: a hung store is a down store. */
const STORE_TIMEOUT_MS = 1_000;

/**
 * Whether the store answers, asked at most once per `cacheMs`. Invariant: at
 * most one ping is in flight; while one hangs past `timeoutMs` the answer is
 * `unreachable` and no second one is sent (a hung PostgreSQL would otherwise
 * collect a connection per probe).
 */
export class StoreProbe {
  private last: { state: 'ok' | 'unreachable'; at: number } | undefined;
  private inFlight: Promise<'ok' | 'unreachable'> | undefined;

  constructor(
    private readonly store: Pick<BoardStore, 'ping'>,
    private readonly options: {
      cacheMs?: number;
      timeoutMs?: number;
      now?: () => number;
      /** Called when a ping's answer differs from the one before (the first answer counts as a change from `ok`). */
      onChange?: (state: 'ok' | 'unreachable', error: unknown) => void;
    } = {},
  ) {}

  async state(): Promise<'ok' | 'unreachable'> {
    const now = this.options.now ?? Date.now;
    if (this.last && now() - this.last.at < (this.options.cacheMs ?? STORE_CACHE_MS)) return this.last.state;
    if (!this.inFlight) {
      const ping = this.ping(now);
      this.inFlight = ping;
      void ping.finally(() => {
        if (this.inFlight === ping) this.inFlight = undefined;
      });
    }
    return withTimeout(this.inFlight, this.options.timeoutMs ?? STORE_TIMEOUT_MS, 'unreachable');
  }

  private async ping(now: () => number): Promise<'ok' | 'unreachable'> {
    let state: 'ok' | 'unreachable';
    let failure: unknown;
    try {
      await this.store.ping();
      state = 'ok';
    } catch (error) {
      state = 'unreachable';
      failure = error;
    }
    if (state !== (this.last?.state ?? 'ok')) this.options.onChange?.(state, failure);
    this.last = { state, at: now() };
    return state;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/**
 * `GET /healthz`: 200 while this node can serve, 503 while its store cannot be
 * reached or it is draining (SIGTERM), so a load balancer's check takes it out.
 * Redis down alone keeps 200: the node still serves its boards, only slower to
 * hear from other nodes (docs/scaling.md "Failure modes"). Never cached by clients.
 */
export function healthHandler(deps: HealthDeps): RequestHandler {
  // Said once per change, not once per probe: a balancer asks every second.
  const probe = new StoreProbe(deps.store, {
    onChange: (state, error) => {
      if (state === 'ok') deps.log.info('store reachable again: /healthz answers 200');
      else deps.log.error({ err: error }, 'store unreachable: /healthz answers 503');
    },
  });
  return (_req, res, next) => {
    probe.state().then((store) => {
      const draining = deps.draining();
      const healthy = store === 'ok' && !draining;
      const body: Health = { status: healthy ? 'ok' : 'unavailable', store, redis: deps.redis(), draining, sockets: deps.sockets() };
      res.set('Cache-Control', 'no-store').status(healthy ? 200 : 503).json(body);
    }, next);
  };
}
