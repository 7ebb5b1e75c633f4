import { useEffect, useState } from 'react';
import type * as BoardSessionModule from './BoardSession.js';

/**
 * The board screen (BoardSession and everything under it: the canvas library,
 * Yjs, the panels) is its own chunk, so the home and join pages stay small
 * (docs/performance.md, scenario 7; tests/integration/bundle-budget.test.ts).
 * It is loaded once per page and kept here, so a screen that already has it
 * renders the board at once, with no loading frame in between.
 */
type BoardModule = typeof BoardSessionModule;

let loaded: BoardModule | undefined;
let loading: Promise<BoardModule> | undefined;

/** Starts loading the board chunk (once); a failed load is tried again on the next call. */
export function loadBoard(): Promise<BoardModule> {
  loading ??= import('./BoardSession.js').then(
    (module) => {
      loaded = module;
      return module;
    },
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}

/**
 * Loads the board chunk when the page has nothing better to do: the join form
 * is shown, the person is typing their name, and the join click then does not
 * wait on the network. Returns a cancel function (for an effect's cleanup).
 */
export function prefetchBoardWhenIdle(): () => void {
  if (loaded || loading) return () => undefined;
  const start = () => void loadBoard().catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(start, { timeout: 1_000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(start, 200);
  return () => window.clearTimeout(id);
}

export type BoardChunk = { kind: 'loading' } | { kind: 'ready'; module: BoardModule } | { kind: 'failed' };

/** The board chunk for a component that shows the board: loads it if needed, re-renders when it arrives. */
export function useBoardChunk(): BoardChunk {
  const [state, setState] = useState<BoardChunk>(() => (loaded ? { kind: 'ready', module: loaded } : { kind: 'loading' }));
  useEffect(() => {
    if (state.kind !== 'loading') return;
    let cancelled = false;
    loadBoard().then(
      (module) => !cancelled && setState({ kind: 'ready', module }),
      () => !cancelled && setState({ kind: 'failed' }),
    );
    return () => {
      cancelled = true;
    };
  }, [state.kind]);
  return state;
}
