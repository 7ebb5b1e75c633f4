import { useEffect, useRef, type RefObject } from 'react';

/**
 * A ref that always holds the value of the last render. For callbacks that
 * must stay stable (note handlers, the test hook, shortcuts) yet read the
 * current board: they read `ref.current` when they run instead of closing
 * over a value that may be a render old. Updated after render (an effect),
 * so it is never read half-way through one.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}
