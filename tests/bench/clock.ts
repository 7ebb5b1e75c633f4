/**
 * The harness's one monotonic clock, in ms. `process.hrtime` reads the
 * process-wide monotonic clock, so stamps taken in the main thread and in
 * every client worker thread compare directly (`performance.now()` would
 * not: each worker thread has its own time origin).
 */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
