import { describe, expect, it } from 'vitest';
import { SeqWatermark } from '../../server/src/cluster/seq-watermark.js';
import { seededRandom } from '../support/random.js';

describe('SeqWatermark', () => {
  it('advances over contiguous seqs and reports a gap until it is filled', () => {
    const w = new SeqWatermark(3);
    w.add(4);
    expect([w.applied, w.hasGap]).toEqual([4, false]);
    w.add(6);
    expect([w.applied, w.hasGap, w.has(6), w.has(5)]).toEqual([4, true, true, false]);
    w.add(5);
    expect([w.applied, w.hasGap]).toEqual([6, false]);
  });

  it('raise (a catch-up read up to the head) closes every gap below it and keeps what is above', () => {
    const w = new SeqWatermark(0);
    w.add(2);
    w.add(9);
    w.raise(5);
    expect([w.applied, w.hasGap, w.has(9), w.has(7)]).toEqual([5, true, true, false]);
    w.add(6);
    w.add(7);
    w.add(8);
    expect([w.applied, w.hasGap]).toEqual([9, false]);
  });

  it('in any arrival order, ends at the highest seq with no gap once every seq arrived (seeded)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rnd = seededRandom(seed);
      const seqs = Array.from({ length: 200 }, (_, i) => i + 1).sort(() => rnd() - 0.5);
      const w = new SeqWatermark(0);
      for (const seq of seqs) w.add(seq);
      expect([w.applied, w.hasGap]).toEqual([200, false]);
    }
  });
});
