import { useCallback, useMemo, useState } from 'react';
import { mergeNotes, type BoardSnapshot, type Note } from '../../../shared/src/index.js';
import type { BoardActions } from '../board-base/BoardContext.js';

export interface MergeState {
  /** Notes picked with Shift/Ctrl-click, in the order picked. */
  multiIds: ReadonlySet<string>;
  /** Toggles a note in the multi-selection (the note selected before joins first). */
  toggle(id: string, current: string | undefined): void;
  clear(): void;
  /** The note a dragged note hovers over, highlighted as a merge target. */
  hoverTargetId: string | undefined;
  setHoverTarget(id: string | undefined): void;
  /** Notes waiting for the facilitator's confirmation (first: proposed main note). */
  pending: Note[] | undefined;
  ask(ids: string[]): void;
  cancel(): void;
  /** Merges in one transaction: one Ctrl+Z undoes it. */
  confirm(targetId: string, sourceIds: string[]): void;
}

export function useMerge(snapshot: BoardSnapshot, run: BoardActions['run'], onMerged: (id: string) => void): MergeState {
  const [multi, setMulti] = useState<string[]>([]);
  const [hoverTargetId, setHoverTarget] = useState<string>();
  const [pendingIds, setPendingIds] = useState<string[]>();
  // Notes deleted meanwhile (by someone else, or merged) drop out.
  const liveMulti = useMemo(() => multi.filter((id) => snapshot.notesById.has(id)), [multi, snapshot]);
  const multiIds = useMemo(() => new Set(liveMulti), [liveMulti]);
  const pending = useMemo(() => {
    const notes = pendingIds?.map((id) => snapshot.notesById.get(id)).filter((n): n is Note => n !== undefined);
    return notes && notes.length >= 2 ? notes : undefined;
  }, [pendingIds, snapshot]);
  const toggle = useCallback((id: string, current: string | undefined) => setMulti((m) => {
    const base = m.length === 0 && current && current !== id ? [current] : m;
    return base.includes(id) ? base.filter((x) => x !== id) : [...base, id];
  }), []);
  const clear = useCallback(() => setMulti([]), []);
  const cancel = useCallback(() => setPendingIds(undefined), []);
  const confirm = useCallback((targetId: string, sourceIds: string[]) => {
    setPendingIds(undefined);
    setMulti([]);
    run((d, o) => mergeNotes(d, targetId, sourceIds, o));
    onMerged(targetId);
  }, [run, onMerged]);
  return {
    multiIds, toggle, clear, hoverTargetId, setHoverTarget, pending, cancel, confirm,
    ask: setPendingIds,
  };
}
