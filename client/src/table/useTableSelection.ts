import { useCallback, useMemo, useState } from 'react';

/**
 * The table's cursor (the row the keyboard is on) and its multi-selection, by
 * note id. Only rows the filter shows count as selected: a row filtered out
 * is never acted on by a bulk action the facilitator cannot see.
 */
export interface TableSelection {
  cursorId: string | undefined;
  /** Selected ids among `visibleIds`, in table order. */
  selectedIds: string[];
  isSelected: (id: string) => boolean;
  /** Plain click: cursor there, selection is that row. Shift: range from the anchor. Ctrl/Cmd: toggle. */
  click: (id: string, mods: { shift?: boolean; toggle?: boolean }) => void;
  /** Moves the cursor by `delta` rows; `extend` grows the selection with it (Shift+arrows). */
  move: (delta: number, extend: boolean) => void;
  toggle: (id: string) => void;
  selectAll: () => void;
  clear: () => void;
  /** The ids an action applies to: the selection, or the cursor row when nothing is selected. */
  targets: () => string[];
}

export function useTableSelection(visibleIds: readonly string[]): TableSelection {
  const [cursor, setCursor] = useState<string>();
  const [anchor, setAnchor] = useState<string>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const index = useMemo(() => new Map(visibleIds.map((id, i) => [id, i])), [visibleIds]);
  // A cursor on a row that left the filter falls back to the first row.
  const cursorId = cursor !== undefined && index.has(cursor) ? cursor : visibleIds[0];
  const selectedIds = useMemo(() => visibleIds.filter((id) => selected.has(id)), [visibleIds, selected]);

  const range = useCallback((from: string | undefined, to: string): string[] => {
    const a = from !== undefined ? index.get(from) : undefined;
    const b = index.get(to);
    if (b === undefined) return [];
    if (a === undefined) return [to];
    return visibleIds.slice(Math.min(a, b), Math.max(a, b) + 1);
  }, [index, visibleIds]);

  const click = useCallback((id: string, mods: { shift?: boolean; toggle?: boolean }) => {
    if (mods.shift) {
      setSelected(new Set(range(anchor ?? cursorId, id)));
    } else if (mods.toggle) {
      setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
      setAnchor(id);
    } else {
      setSelected(new Set([id]));
      setAnchor(id);
    }
    setCursor(id);
  }, [anchor, cursorId, range]);

  const move = useCallback((delta: number, extend: boolean) => {
    if (visibleIds.length === 0) return;
    const at = cursorId !== undefined ? (index.get(cursorId) ?? 0) : 0;
    const next = visibleIds[Math.max(0, Math.min(visibleIds.length - 1, at + delta))]!;
    if (extend) {
      const from = anchor ?? cursorId ?? next;
      if (anchor === undefined) setAnchor(from);
      setSelected(new Set(range(from, next)));
    } else {
      setAnchor(undefined);
    }
    setCursor(next);
  }, [visibleIds, cursorId, index, anchor, range]);

  const toggle = useCallback((id: string) => {
    setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
    setAnchor(id);
    setCursor(id);
  }, []);

  return {
    cursorId, selectedIds, click, move, toggle,
    isSelected: (id) => selected.has(id) && index.has(id),
    selectAll: () => setSelected(new Set(visibleIds)),
    clear: () => { setSelected(new Set()); setAnchor(undefined); },
    targets: () => (selectedIds.length > 0 ? selectedIds : cursorId !== undefined ? [cursorId] : []),
  };
}
