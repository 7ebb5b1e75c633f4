import { useCallback, useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { Viewport } from '../board-base/useViewport.js';

const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/**
 * Smooth moves of the viewport (spotlight, follow, breakout group), so people
 * see where they are taken. Zoom is interpolated in log space so it feels even.
 */
export function useViewAnimation(setViewport: Dispatch<SetStateAction<Viewport>>) {
  const frame = useRef<number | undefined>(undefined);
  const cancel = useCallback(() => {
    if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    frame.current = undefined;
  }, []);
  useEffect(() => cancel, [cancel]);

  const animateTo = useCallback((target: Viewport, durationMs = 650) => {
    cancel();
    let from: Viewport | undefined;
    const start = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / durationMs);
      const k = ease(t);
      setViewport((v) => {
        from ??= v;
        const scale = Math.exp(Math.log(from.scale) + (Math.log(target.scale) - Math.log(from.scale)) * k);
        return t >= 1 ? target : {
          scale,
          x: from.x + (target.x - from.x) * k,
          y: from.y + (target.y - from.y) * k,
        };
      });
      frame.current = t < 1 ? requestAnimationFrame(step) : undefined;
    };
    frame.current = requestAnimationFrame(step);
  }, [cancel, setViewport]);

  return { animateTo, cancel };
}
