/** Percentiles of a sample, in its unit; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface LatencySummary {
  sent: number;
  /** Deliveries expected: each edit to every other client of its room. */
  expected: number;
  delivered: number;
  lost: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Edit fan-out latency on one monotonic clock: the sender stamps
 * `performance.now()` when it makes the change, each receiver when its doc
 * shows it. Edits a later edit of the same sender overtook count as
 * delivered when the later one arrives (the note shows the newest text).
 */
export class LatencyTracker {
  private readonly sent = new Map<string, { at: number; receivers: Set<number>; got: Set<number> }>();
  /** Newest sequence number each receiver has seen from each sender. */
  private readonly newest = new Map<string, number>();
  private readonly samples: number[] = [];
  private recording = true;

  /** Forgets everything sent so far (the warm-up) and records again. */
  reset(): void {
    this.sent.clear();
    this.samples.length = 0;
    this.recording = true;
  }

  /** Ignore edits sent from now on (the drain period after a run). */
  stopRecording(): void {
    this.recording = false;
  }

  sending(sender: number, seq: number, receivers: Iterable<number>): void {
    if (!this.recording) return;
    this.sent.set(`${sender}:${seq}`, { at: performance.now(), receivers: new Set(receivers), got: new Set() });
  }

  arrived(sender: number, seq: number, receiver: number, now: number): void {
    const key = `${sender}>${receiver}`;
    const from = (this.newest.get(key) ?? 0) + 1;
    if (seq < from) return;
    this.newest.set(key, seq);
    for (let s = from; s <= seq; s++) {
      const entry = this.sent.get(`${sender}:${s}`);
      if (!entry || !entry.receivers.has(receiver) || entry.got.has(receiver)) continue;
      entry.got.add(receiver);
      this.samples.push(now - entry.at);
    }
  }

  summary(): LatencySummary {
    let expected = 0;
    let delivered = 0;
    for (const entry of this.sent.values()) {
      expected += entry.receivers.size;
      delivered += entry.got.size;
    }
    const sorted = [...this.samples].sort((a, b) => a - b);
    return {
      sent: this.sent.size,
      expected,
      delivered,
      lost: expected - delivered,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    };
  }
}
