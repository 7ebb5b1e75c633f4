import { useCallback } from 'react';
import { setBookletText, type BookletTarget } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';

/** Stores one of the facilitator's booklet texts; false when the op refused it (the toast says why). */
export function useBookletSave(): (target: BookletTarget, text: string) => boolean {
  const { run } = useBoard();
  return useCallback((target, text) => run((d, o) => {
    setBookletText(d, target, text, o);
    return true;
  }) === true, [run]);
}
