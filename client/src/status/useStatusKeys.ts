import { useEffect, useRef } from 'react';
import { setNoteStatus, type Note } from '../../../shared/src/index.js';
import type { BoardActions } from '../board-base/BoardContext.js';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Facilitator quick keys on the selected note: A accepts, P parks; pressing
 * the key of the status it already has reopens it.
 */
export function useStatusKeys(note: Note | undefined, enabled: boolean, run: BoardActions['run']): void {
  const ref = useRef({ note, enabled, run });
  useEffect(() => {
    ref.current = { note, enabled, run };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { note: n, enabled: on, run: r } = ref.current;
      if (!on || !n || typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key.toLowerCase();
      const status = key === 'a' ? 'accepted' : key === 'p' ? 'parked' : undefined;
      if (!status) return;
      e.preventDefault();
      r((d, o) => setNoteStatus(d, n.id, n.status === status ? 'open' : status, o));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
