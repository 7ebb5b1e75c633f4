import { duplicatePairKey } from '../schema/dismissed-duplicates.js';
import { idfWeights, PREFIX_MIN, scoreIds } from './score.js';
import type { StemLanguage } from './stem.js';
import { termsOf } from './terms.js';

/**
 * Score thresholds, chosen on the tuning half of the labelled pairs
 * (tests/fixtures/duplicates/, `npm run eval:duplicates`; docs/duplicates.md).
 * `likely` is the suggestion threshold; `strong` marks the pairs that are
 * almost always real duplicates.
 */
export const DUPLICATE_THRESHOLD = { likely: 0.55, strong: 0.8 } as const;

export interface DuplicateInput {
  id: string;
  text: string;
  stageId: string;
  /** Pairs are looked for among the notes of one segment: within a stage and across its stages. */
  segmentId: string;
}

export interface DuplicatePair {
  /** The pair's ids, `a < b`. */
  a: string;
  b: string;
  /** `duplicatePairKey(a, b)`: what a dismissal stores. */
  key: string;
  score: number;
  strength: 'strong' | 'likely';
  sameStage: boolean;
}

export interface FindOptions {
  language: StemLanguage;
  /** Pair keys the facilitator dismissed: never suggested again. */
  dismissed?: ReadonlySet<string>;
  threshold?: number;
  /** Bags already computed for a text (the client memoises them across edits). */
  termsCache?: Map<string, readonly string[]>;
}

/** The blocking key of a term: two terms can only match (score.ts) when their keys are equal. */
function blockKey(term: string): string {
  return term.length >= PREFIX_MIN ? term.slice(0, PREFIX_MIN) : term;
}

/**
 * The blocking keys a note is looked up by (prefix filtering). A pair scores
 * at least `threshold` only if one of its notes has at least `threshold` of
 * its own weight matched (the score is a weighted mean of the two sides'
 * matched fractions, and the swap penalty only lowers it). Taking a note's
 * terms heaviest (rarest) first until what is left weighs less than
 * `threshold` of the note, such a note must match one of those terms, whose
 * block key the other note shares. So probing with these keys alone, against
 * an index of every term of every note, misses no pair above the threshold,
 * and common words ("cliente" on every note) are rarely probed.
 */
function probeKeys(bag: readonly string[], weight: (t: string) => number, threshold: number, key: (t: string) => string): Set<string> {
  const terms = [...bag].sort((x, y) => weight(y) - weight(x));
  const total = terms.reduce((sum, t) => sum + weight(t), 0);
  const keys = new Set<string>();
  let left = total;
  for (const t of terms) {
    if (left < threshold * total) break;
    keys.add(key(t));
    left -= weight(t);
  }
  return keys;
}

/**
 * Likely duplicate pairs among `notes`, best first. Pairs are only scored
 * when the two notes share a segment and a blocking key (an inverted index
 * probed with `probeKeys`), which is exact: every pair left out scores below
 * the threshold. Weights are IDF over all `notes`. A pair whose key is
 * dismissed is left out.
 */
export function findDuplicates(notes: readonly DuplicateInput[], options: FindOptions): DuplicatePair[] {
  const { language, dismissed, termsCache } = options;
  const threshold = options.threshold ?? DUPLICATE_THRESHOLD.likely;
  const bags = notes.map((n) => {
    let bag = termsCache?.get(n.text);
    if (!bag) {
      bag = termsOf(n.text, language);
      termsCache?.set(n.text, bag);
    }
    return bag;
  });
  // Terms become ids once, so scoring a pair compares numbers (score.ts).
  const weights = idfWeights(bags);
  const termId = new Map<string, number>();
  const text: string[] = [];
  const ids = bags.map((bag) => Int32Array.from(bag, (t) => {
    let id = termId.get(t);
    if (id === undefined) {
      id = text.length;
      termId.set(t, id);
      text.push(t);
    }
    return id;
  }).sort());
  const weight = Float64Array.from(text, (t) => weights.weight(t));
  const keyOf = (i: number, term: string) => `${notes[i]!.segmentId}\u0000${blockKey(term)}`;
  const index = new Map<string, number[]>();
  bags.forEach((bag, i) => {
    for (const k of new Set(bag.map((t) => keyOf(i, t)))) {
      const postings = index.get(k);
      if (postings) postings.push(i);
      else index.set(k, [i]);
    }
  });
  const out: DuplicatePair[] = [];
  const scored = new Set<number>();
  const seen = new Int32Array(notes.length).fill(-1);
  for (let i = 0; i < notes.length; i++) {
    const note = notes[i]!;
    for (const k of probeKeys(bags[i]!, weights.weight, threshold, (t) => keyOf(i, t))) {
      for (const j of index.get(k)!) {
        if (j === i || seen[j] === i) continue;
        seen[j] = i;
        const pairId = Math.min(i, j) * notes.length + Math.max(i, j);
        if (scored.has(pairId)) continue;
        scored.add(pairId);
        const score = scoreIds(ids[i]!, ids[j]!, weight, text);
        if (score < threshold) continue;
        const other = notes[j]!;
        const [a, b] = note.id < other.id ? [note.id, other.id] : [other.id, note.id];
        const key = duplicatePairKey(a, b);
        if (dismissed?.has(key)) continue;
        out.push({
          a, b, key, score,
          strength: score >= DUPLICATE_THRESHOLD.strong ? 'strong' : 'likely',
          sameStage: note.stageId === other.stageId,
        });
      }
    }
  }
  return out.sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : 1));
}
