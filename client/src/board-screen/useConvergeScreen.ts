import { useEffect, useMemo, useRef, useState } from 'react';
import type { BoardSnapshot, Note, Role } from '../../../shared/src/index.js';
import type { BoardActions } from '../board-base/BoardContext.js';
import type { BoardLayout } from '../board-base/layout.js';
import { mergeTargetAt } from '../merge/mergeTarget.js';
import { useMerge, type MergeState } from '../merge/useMerge.js';
import { useNarrow } from '../phone/useNarrow.js';
import { useStatusKeys } from '../status/useStatusKeys.js';
import { useConvergeState, type Converge } from '../board-base/ConvergeContext.js';
import { useNoteMarks, type NoteMarksSource } from '../converge/noteMarks.js';

/** Stable callbacks the board's note handlers delegate to; `true` means "handled, stop there". */
export interface ConvergeHandlers {
  /** Shift/Ctrl-click by the facilitator: add to or remove from the multi-selection. */
  select(id: string, additive: boolean | undefined): boolean;
  /** A dragged note over another note (facilitator): highlight it as a merge target. */
  dragMove(id: string, cx: number, cy: number): boolean;
  /** Dropped onto another note (facilitator): ask to merge instead of moving. */
  drop(id: string, cx: number, cy: number): boolean;
  vote(id: string, delta: 1 | -1): void;
}

export interface ConvergeScreen {
  converge: Converge;
  merge: MergeState;
  marks: NoteMarksSource;
  handlers: ConvergeHandlers;
  /** Phone width (participants get the list view there). */
  narrow: boolean;
  /** Showing the phone list instead of the canvas. */
  phoneList: boolean;
  setPhoneList(list: boolean): void;
}

/**
 * Wires the converging tools into the board screen: voting state, per-note
 * canvas marks, merge by drag or multi-selection, status quick keys, and the
 * phone list mode. Kept out of BoardScreen so that file only delegates.
 */
export function useConvergeScreen({ snapshot, role, myId, run, layout, selectedNote, onSelectNote }: {
  snapshot: BoardSnapshot;
  role: Role;
  myId: string;
  run: BoardActions['run'];
  layout: BoardLayout;
  selectedNote: Note | undefined;
  onSelectNote: (id: string | undefined) => void;
}): ConvergeScreen {
  const facilitator = role === 'facilitator';
  const converge = useConvergeState(snapshot, role, myId, run);
  const merge = useMerge(snapshot, run, onSelectNote);
  const marks = useNoteMarks(converge, merge.hoverTargetId, merge.multiIds);
  const narrow = useNarrow();
  const [listPreferred, setPhoneList] = useState(true);
  useStatusKeys(selectedNote, facilitator, run);

  const live = useRef({ converge, merge, layout, selectedId: selectedNote?.id, facilitator });
  useEffect(() => {
    live.current = { converge, merge, layout, selectedId: selectedNote?.id, facilitator };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') live.current.merge.clear();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const handlers = useMemo<ConvergeHandlers>(() => ({
    select: (id, additive) => {
      const { merge: m, selectedId, facilitator: f } = live.current;
      if (!additive || !f) {
        m.clear();
        return false;
      }
      m.toggle(id, selectedId);
      return true;
    },
    dragMove: (id, cx, cy) => {
      const { merge: m, layout: l, facilitator: f } = live.current;
      const target = f ? mergeTargetAt(l, cx, cy, id) : undefined;
      if (target !== m.hoverTargetId) m.setHoverTarget(target);
      return target !== undefined;
    },
    drop: (id, cx, cy) => {
      const { merge: m, layout: l, facilitator: f } = live.current;
      m.setHoverTarget(undefined);
      const target = f ? mergeTargetAt(l, cx, cy, id) : undefined;
      if (!target) return false;
      m.ask([target, id]);
      return true;
    },
    vote: (id, delta) => {
      const { converge: c } = live.current;
      if (delta > 0) c.addDot(id);
      else c.removeDot(id);
    },
  }), []);

  return {
    converge, merge, marks, handlers, narrow,
    phoneList: narrow && role === 'participant' && listPreferred,
    setPhoneList,
  };
}
