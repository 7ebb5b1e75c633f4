import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  undo: () => void;
  redo: () => void;
  addNote: () => void;
  deleteSelected: () => void;
  escape: () => void;
  zoomIn: () => void;
  zoomOut: () => void;
  /** `?`: the list of keys. */
  help: () => void;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Board keyboard shortcuts; none of them fire while the user types in a field. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const h = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) h.redo();
        else h.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        h.redo();
      } else if (mod || e.altKey) {
        return;
      } else if (e.key === '?') {
        e.preventDefault();
        h.help();
      } else if (key === 'n') {
        e.preventDefault();
        h.addNote();
      } else if (key === 'delete' || key === 'backspace') {
        e.preventDefault();
        h.deleteSelected();
      } else if (key === 'escape') {
        h.escape();
      } else if (key === '+' || key === '=') {
        h.zoomIn();
      } else if (key === '-') {
        h.zoomOut();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
