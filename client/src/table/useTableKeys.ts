import { useCallback, type KeyboardEvent } from 'react';
import type { NoteStatus } from '../../../shared/src/index.js';
import type { TableSelection } from './useTableSelection.js';

export interface TableKeyActions {
  selection: TableSelection;
  /** Facilitator only: status and responsible keys do nothing for others. */
  facilitator: boolean;
  setStatus: (ids: string[], status: NoteStatus) => void;
  /** The Nth department (0-based) in the board's order becomes responsible. */
  setResponsibleAt: (index: number, ids: string[]) => void;
  /** Puts focus in the responsible-department combobox (type a name). */
  focusResponsible: () => void;
  open: (id: string) => void;
  toggleHelp: () => void;
  closeHelp: () => void;
  /** Scrolls the cursor row into view after a move. */
  reveal: () => void;
}

/** True while the person types in a field: the table then leaves every key alone. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Keyboard triage on the table (the list in ShortcutList.tsx): j/k and arrows
 * move, Shift extends, x/Space toggles, a/p/o set the status, 1-9 pick the
 * responsible department, r types one, Enter opens the note, ? shows the keys.
 * Handled on the table's own element (not window) and stopped there, so the
 * board's window-wide keys (N, Delete) never fire under the table; Ctrl/Cmd
 * keys pass through, so Ctrl+Z still undoes.
 */
export function useTableKeys(a: TableKeyActions): (e: KeyboardEvent) => void {
  return useCallback((e: KeyboardEvent) => {
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) {
      if (e.key === 'Escape' && !e.ctrlKey) a.closeHelp();
      return;
    }
    const { selection: s } = a;
    const key = e.key;
    const targets = s.targets();
    let handled = true;
    if (key === 'ArrowDown' || key === 'j' || key === 'J') { s.move(1, e.shiftKey); a.reveal(); }
    else if (key === 'ArrowUp' || key === 'k' || key === 'K') { s.move(-1, e.shiftKey); a.reveal(); }
    else if (key === 'PageDown') { s.move(10, e.shiftKey); a.reveal(); }
    else if (key === 'PageUp') { s.move(-10, e.shiftKey); a.reveal(); }
    else if (key === 'Home') { s.move(-Infinity, e.shiftKey); a.reveal(); }
    else if (key === 'End') { s.move(Infinity, e.shiftKey); a.reveal(); }
    else if (key === 'x' || key === ' ') { if (s.cursorId) s.toggle(s.cursorId); }
    else if (key === 'Enter') { if (s.cursorId) a.open(s.cursorId); }
    else if (key === '?') a.toggleHelp();
    else if (key === 'Escape') { a.closeHelp(); s.clear(); }
    else if (a.facilitator && key === 'a') a.setStatus(targets, 'accepted');
    else if (a.facilitator && key === 'p') a.setStatus(targets, 'parked');
    else if (a.facilitator && key === 'o') a.setStatus(targets, 'open');
    else if (a.facilitator && /^[1-9]$/.test(key)) a.setResponsibleAt(Number(key) - 1, targets);
    else if (a.facilitator && key === 'r') a.focusResponsible();
    else if (['n', 'Delete', 'Backspace', '+', '=', '-'].includes(key)) { /* the board's keys: swallowed, not acted on */ }
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, [a]);
}
