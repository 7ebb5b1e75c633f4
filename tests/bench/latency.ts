import { now } from './clock.js';

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

/** A sender made edit `seq` at `at` (clock.ts), to reach `receivers`. */
export interface SendEvent {
  sender: number;
  seq: number;
  at: number;
  receivers: number[];
}

/** `receiver`'s doc showed edit `seq` of `sender` at `at` (clock.ts). */
export interface ArrivalEvent {
  sender: number;
  seq: number;
  receiver: number;
  at: number;
}

/** Where clients report what they send and receive: a client worker's batch to the tracker (client-worker.ts). */
export interface LatencySink {
  sending(sender: number, seq: number, receivers: readonly number[]): void;
  arrived(sender: number, seq: number, receiver: number, at: number): void;
}

/**
 * Edit fan-out latency on one monotonic clock (clock.ts): the sender stamps
 * the moment it makes the change, each receiver the moment its doc shows it.
 * The client worker threads send these stamps in batches (`record`), so
 * events may come in any order,
 * so they are kept and matched in `summary()`. Only edits sent inside the
 * measured window count. An edit that a later edit of the same sender
 * overtook counts as delivered when the later one arrives (the note shows
 * the newest text).
 */
export class LatencyTracker {
  private readonly sends: SendEvent[] = [];
  private readonly arrivals: ArrivalEvent[] = [];
  private windowStart = -Infinity;
  private windowEnd = Infinity;

  /** Starts the measured window now (after the warm-up). */
  reset(): void {
    this.windowStart = now();
    this.windowEnd = Infinity;
  }

  /** Ends the measured window now; edits sent later (the drain period) are ignored. */
  stopRecording(): void {
    this.windowEnd = now();
  }

  record(sends: readonly SendEvent[], arrivals: readonly ArrivalEvent[]): void {
    for (const s of sends) this.sends.push(s);
    for (const a of arrivals) this.arrivals.push(a);
  }

  /**
   * `pairs` keeps only some sender -> receiver pairs (scenario 8: same-node
   * and cross-node pairs of one run, each summarised on its own).
   */
  summary(pairs?: (sender: number, receiver: number) => boolean): LatencySummary {
    const counted = new Map<string, { at: number; receivers: Set<number>; got: Set<number> }>();
    for (const s of this.sends) {
      if (s.at >= this.windowStart && s.at < this.windowEnd) {
        const receivers = pairs ? s.receivers.filter((r) => pairs(s.sender, r)) : s.receivers;
        counted.set(`${s.sender}:${s.seq}`, { at: s.at, receivers: new Set(receivers), got: new Set() });
      }
    }
    // Per sender and receiver, arrivals in the order the receiver saw them.
    const arrivals = [...this.arrivals].sort((a, b) => a.at - b.at);
    const newest = new Map<string, number>();
    const samples: number[] = [];
    for (const a of arrivals) {
      const key = `${a.sender}>${a.receiver}`;
      const from = (newest.get(key) ?? 0) + 1;
      if (a.seq < from) continue;
      newest.set(key, a.seq);
      for (let s = from; s <= a.seq; s++) {
        const entry = counted.get(`${a.sender}:${s}`);
        if (!entry || !entry.receivers.has(a.receiver) || entry.got.has(a.receiver)) continue;
        entry.got.add(a.receiver);
        samples.push(a.at - entry.at);
      }
    }
    let expected = 0;
    let delivered = 0;
    for (const entry of counted.values()) {
      expected += entry.receivers.size;
      delivered += entry.got.size;
    }
    samples.sort((a, b) => a - b);
    return {
      sent: counted.size,
      expected,
      delivered,
      lost: expected - delivered,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      p99: percentile(samples, 99),
      max: samples.length ? samples[samples.length - 1]! : NaN,
    };
  }
}
