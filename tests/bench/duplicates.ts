/**
 * `npx tsx tests/bench/duplicates.ts`: how long duplicate suggestions take for
 * 300 notes in one stage and for a 2,000-note board (3 segments, 16 stages),
 * cold (every note's terms computed) and warm (terms memoised by text, as the
 * client keeps them between edits), and for one segment of that board (the
 * client recomputes only the segment whose notes changed). Notes are the labelled sets' texts with a
 * varying tail, so the word statistics are a workshop's. Median of 15 runs.
 * docs/duplicates.md reports the figures.
 */
import { performance } from 'node:perf_hooks';
import { findDuplicates, type DuplicateInput } from '../../shared/src/similarity/index.js';
import { loadPairs } from '../support/duplicate-eval.js';

const texts = [...new Set(loadPairs('it').flatMap((p) => [p.a, p.b]))];
const tails = ['', ' subito', ' per i clienti OEM', ' nel 2027', ' con il team', ' (urgente)', ' per i distributori'];

function notes(count: number, stages: number, segments: number): DuplicateInput[] {
  return Array.from({ length: count }, (_, i) => {
    const stage = i % stages;
    return {
      id: `n${i}`,
      text: texts[(i * 7) % texts.length]! + tails[Math.floor(i / texts.length) % tails.length]!,
      stageId: `s${stage}`,
      segmentId: `g${stage % segments}`,
    };
  });
}

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[7]!;
}

const board = notes(2000, 16, 3);
const cases = [
  ['300 notes in one stage', notes(300, 1, 1)],
  ['2,000-note board', board],
  // What one edit costs in the client, which recomputes only the edited note's segment.
  ['one segment of it', board.filter((n) => n.segmentId === 'g0')],
] as const;
for (const [label, input] of cases) {
  const cache = new Map<string, readonly string[]>();
  const cold = median(() => findDuplicates(input, { language: 'it' }));
  findDuplicates(input, { language: 'it', termsCache: cache });
  let pairs = 0;
  const warm = median(() => { pairs = findDuplicates(input, { language: 'it', termsCache: cache }).length; });
  console.log(`${label.padEnd(24)} cold ${cold.toFixed(1)} ms, warm ${warm.toFixed(1)} ms, ${pairs} pairs suggested`);
}
