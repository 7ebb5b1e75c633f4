import { useEffect, useState } from 'react';
import { fetchServerTime } from '../api/serverApi.js';

const SAMPLES = 3;

/**
 * Offset between this device's clock and the server's (ms to add to
 * Date.now()). Three round trips; the one with the lowest round trip is the
 * least distorted by queueing, and the server read its clock about half-way.
 */
export async function measureClockOffset(samples = SAMPLES): Promise<number> {
  let best: { rtt: number; offset: number } | undefined;
  for (let i = 0; i < samples; i++) {
    const t0 = Date.now();
    const now = await fetchServerTime();
    const t1 = Date.now();
    const sample = { rtt: t1 - t0, offset: now - (t0 + t1) / 2 };
    if (!best || sample.rtt < best.rtt) best = sample;
  }
  return best ? Math.round(best.offset) : 0;
}

/** The server clock offset, measured once per board screen (0 until measured or when offline). */
export function useClockOffset(): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    let cancelled = false;
    measureClockOffset().then(
      (o) => !cancelled && setOffset(o),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return offset;
}

/** The server's clock now, from ours and the measured offset. */
export function serverNow(offset: number): number {
  return Date.now() + offset;
}

/** The server's "now", re-rendering every `intervalMs` while `active`. */
export function useServerNow(offset: number, active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => serverNow(offset));
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(serverNow(offset));
    tick();
    const id = window.setInterval(tick, intervalMs);
    return () => window.clearInterval(id);
  }, [offset, active, intervalMs]);
  // Only a running timer needs a fresh clock; paused and stopped ones do not read it.
  return now;
}
