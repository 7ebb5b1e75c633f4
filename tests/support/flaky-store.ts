import type { BoardStore } from '../../server/src/store/board-store.js';

/**
 * Wraps a real store and makes writes fail on demand, as a full disk or a
 * read-only data directory would (SQLITE_FULL / SQLITE_READONLY).
 */
export function flakyStore(inner: BoardStore): BoardStore & { failWrites: boolean; failedWrites: number } {
  const state = { failWrites: false, failedWrites: 0 };
  const failing = <T>(write: () => Promise<T>): Promise<T> => {
    if (state.failWrites) {
      state.failedWrites += 1;
      return Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    }
    return write();
  };
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'failWrites') return state.failWrites;
      if (prop === 'failedWrites') return state.failedWrites;
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
      return false;
    },
  }) as BoardStore & { failWrites: boolean; failedWrites: number };
}
