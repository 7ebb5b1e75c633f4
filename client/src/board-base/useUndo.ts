import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { createUndoManager, type Origin } from '../../../shared/src/index.js';

/** Undo/redo of this user's own actions only (the UndoManager tracks our origin object). */
export interface UndoControls {
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /**
   * Ends the current undo step: the next change starts a new one even within
   * the UndoManager's 500 ms merge window (a bulk action followed at once by
   * another stays two steps).
   */
  endStep: () => void;
}

export function useUndo(doc: Y.Doc, origin: Origin): UndoControls {
  const [manager, setManager] = useState<Y.UndoManager>();
  const [state, setState] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    // Created in the effect (not in render) so StrictMode's unmount/remount gets a live one.
    const m = createUndoManager(doc, origin);
    const update = () => setState({ canUndo: m.canUndo(), canRedo: m.canRedo() });
    m.on('stack-item-added', update);
    m.on('stack-item-popped', update);
    m.on('stack-cleared', update);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- owned by this effect, see above
    setManager(m);
    return () => {
      m.destroy();
      setManager(undefined);
    };
  }, [doc, origin]);
  const endStep = useCallback(() => manager?.stopCapturing(), [manager]);
  return {
    endStep,
    undo: () => void manager?.undo(),
    redo: () => void manager?.redo(),
    ...state,
  };
}
