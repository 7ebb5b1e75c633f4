import { duplicatePairKey } from '../schema/dismissed-duplicates.js';
import { idfWeights, PREFIX_MIN, similarity, type TermWeights } from './score.js';
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
 * Likely duplicate pairs among `notes`, best first. Pairs are only scored
 * when the two notes share a segment and a blocking key (an inverted index),
 * which is exact: a pair sharing none scores 0. Weights are IDF over all
 * `notes`. A pair whose key is dismissed is left out.
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
  const weights: TermWeights = idfWeights(bags);
  const index = new Map<string, number[]>();
  const out: DuplicatePair[] = [];
  const seen = new Int32Array(notes.length).fill(-1);
  for (let i = 0; i < notes.length; i++) {
    const note = notes[i]!;
    const keys = new Set(bags[i]!.map(blockKey));
    for (const k of keys) {
      const postings = index.get(`${note.segmentId}\u0000${k}`);
      if (!postings) continue;
      for (const j of postings) {
        if (seen[j] === i) continue;
        seen[j] = i;
        const other = notes[j]!;
        const score = similarity(bags[i]!, bags[j]!, weights);
        if (score < threshold) continue;
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
    for (const k of keys) {
      const slot = `${note.segmentId}\u0000${k}`;
      const postings = index.get(slot);
      if (postings) postings.push(i);
      else index.set(slot, [i]);
    }
  }
  return out.sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : 1));
}
