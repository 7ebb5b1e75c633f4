import { useEffect, useState } from 'react';
import type { ConnectionStatus } from './useBoardSync.js';
import type { SaveState, SaveTracker } from './saveTracker.js';

/** What the save indicator says. */
export type SaveView =
  | { kind: 'saved'; lastSavedAt: number | undefined }
  | { kind: 'saving' }
  | { kind: 'offline'; unsaved: number }
  | { kind: 'storage' };

/** "Saving…" appears only after being unsaved this long: a quick save shows no flicker. */
export const SAVING_DELAY_MS = 300;

function combine(trackers: readonly SaveTracker[]): SaveState {
  let unsaved = 0;
  let lastSavedAt: number | undefined;
  let storageFailing = false;
  for (const t of trackers) {
    const s = t.current;
    unsaved += s.unsaved;
    storageFailing ||= s.storageFailing;
    if (s.lastSavedAt !== undefined && (lastSavedAt === undefined || s.lastSavedAt > lastSavedAt)) lastSavedAt = s.lastSavedAt;
  }
  return { unsaved, lastSavedAt, storageFailing };
}

/**
 * The save indicator's state for the board doc and the drafts doc together,
 * from what the server acknowledged (see SaveTracker).
 */
export function useSaveStatus(
  board: SaveTracker | undefined, drafts: SaveTracker | undefined, status: ConnectionStatus,
): SaveView {
  const [state, setState] = useState<SaveState>(() => combine([board, drafts].filter((t) => t !== undefined)));
  const [savingShown, setSavingShown] = useState(false);

  // A 4403 swap or private writing brings new trackers: subscribe again.
  useEffect(() => {
    const present = [board, drafts].filter((t) => t !== undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      const next = combine(present);
      setState(next);
      if (next.unsaved === 0) {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        setSavingShown(false);
      } else if (timer === undefined) {
        timer = setTimeout(() => setSavingShown(true), SAVING_DELAY_MS);
      }
    };
    refresh();
    const offs = present.map((t) => t.subscribe(refresh));
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, [board, drafts]);

  const unsaved = state.unsaved > 0;
  if (state.storageFailing && status === 'connected') return { kind: 'storage' };
  if (unsaved && status !== 'connected') return { kind: 'offline', unsaved: state.unsaved };
  if (unsaved && savingShown) return { kind: 'saving' };
  return { kind: 'saved', lastSavedAt: state.lastSavedAt };
}
