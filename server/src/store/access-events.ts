import type { BoardStore } from './board-store.js';

/** The store's writes that change who may do what on a board. */
const ACCESS_WRITES: ReadonlySet<string | symbol> = new Set(['updateMember', 'replaceToken', 'setFollowUpLink']);

/**
 * The store, calling `changed(boardId)` after each committed write that
 * changes who may do what on a board (a member removed, renamed or given
 * another role, a link rotated), whoever made it: so no API route can forget
 * to have open connections re-checked, on this node or the others.
 */
export function withAccessEvents(store: BoardStore, changed: (boardId: string) => void): BoardStore {
  // Each method is wrapped once (the store is on every write's path), keyed by
  // the function itself so that a method replaced on the store is seen.
  const wrapped = new WeakMap<object, unknown>();
  return new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      let method = wrapped.get(value);
      if (!method) {
        method = ACCESS_WRITES.has(prop)
          ? async (boardId: string, ...rest: unknown[]) => {
            const result: unknown = await value.call(target, boardId, ...rest);
            changed(boardId);
            return result;
          }
          : value.bind(target);
        wrapped.set(value, method);
      }
      return method;
    },
  });
}
