/**
 * Counts refusals per person over a sliding minute. Every refused update
 * makes the room rebuild its staging replica, so someone sending forged
 * updates in a loop must not be able to keep the server busy with that.
 * Memory: one small array per person who was refused in the last minute.
 */
export class RefusalBudget {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether `who` may have another update judged now. */
  allows(who: string): boolean {
    const times = this.recent.get(who);
    if (!times) return true;
    this.prune(who, times);
    return times.length < this.perMinute;
  }

  count(who: string): void {
    let times = this.recent.get(who);
    if (!times) this.recent.set(who, (times = []));
    times.push(this.now());
    this.prune(who, times);
  }

  private prune(who: string, times: number[]): void {
    const since = this.now() - 60_000;
    while (times.length > 0 && times[0]! < since) times.shift();
    if (times.length === 0) this.recent.delete(who);
  }
}
