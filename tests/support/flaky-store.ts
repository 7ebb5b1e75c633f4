import type { BoardStore } from '../../server/src/store/board-store.js';

/** How `ping` behaves: as the real store does, fails at once (connection refused), or never answers (a hung database). */
export type PingMode = 'answer' | 'fail' | 'hang';

export type FlakyStore = BoardStore & { failWrites: boolean; failedWrites: number; pingMode: PingMode; pings: number };

/**
 * Wraps a real store and makes writes fail on demand, as a full disk or a
 * read-only data directory would (SQLITE_FULL / SQLITE_READONLY), and its
 * `ping` fail or hang, as an unreachable database server would. Pings left
 * hanging are answered once `pingMode` is set back to `answer`.
 */
export function flakyStore(inner: BoardStore): FlakyStore {
  const state = { failWrites: false, failedWrites: 0, pingMode: 'answer' as PingMode, pings: 0 };
  const hung: (() => void)[] = [];
  const failing = <T>(write: () => Promise<T>): Promise<T> => {
    if (state.failWrites) {
      state.failedWrites += 1;
      return Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    }
    return write();
  };
  const ping = async (): Promise<void> => {
    state.pings += 1;
    if (state.pingMode === 'fail') throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    if (state.pingMode === 'hang') await new Promise<void>((resolve) => hung.push(resolve));
    await inner.ping();
  };
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop in state) return state[prop as keyof typeof state];
      if (prop === 'ping') return ping;
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'appendUpdate' || prop === 'compact') {
        return (...args: unknown[]) => failing(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
    set(_target, prop, value) {
      if (prop === 'failWrites') {
        state.failWrites = value as boolean;
        return true;
      }
      if (prop === 'pingMode') {
        state.pingMode = value as PingMode;
        if (state.pingMode === 'answer') for (const release of hung.splice(0)) release();
        return true;
      }
      return false;
    },
  }) as FlakyStore;
}
