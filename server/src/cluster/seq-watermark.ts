/**
 * Which of a document's stored updates (seq 1, 2, 3… with no gaps, see
 * BoardStore.seqPerDoc) a node's copy holds. Invariant: every seq <=
 * `applied` is in the doc; `above` holds the seqs beyond it that are too.
 * A seq above `applied + 1` with nothing at `applied + 1` is a gap: an
 * update this node missed (Redis lost it, or it is still on its way).
 */
export class SeqWatermark {
  private readonly above = new Set<number>();

  constructor(private appliedUpTo: number) {}

  get applied(): number {
    return this.appliedUpTo;
  }

  get hasGap(): boolean {
    return this.above.size > 0;
  }

  has(seq: number): boolean {
    return seq <= this.appliedUpTo || this.above.has(seq);
  }

  /** Records that the doc holds `seq`. */
  add(seq: number): void {
    if (seq <= this.appliedUpTo) return;
    this.above.add(seq);
    while (this.above.delete(this.appliedUpTo + 1)) this.appliedUpTo += 1;
  }

  /** Records that the doc holds every seq up to `head` (read back from the store). */
  raise(head: number): void {
    if (head <= this.appliedUpTo) return;
    this.appliedUpTo = head;
    for (const seq of this.above) if (seq <= head) this.above.delete(seq);
    while (this.above.delete(this.appliedUpTo + 1)) this.appliedUpTo += 1;
  }
}
