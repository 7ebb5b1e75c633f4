import { readFileSync } from 'node:fs';
import { idfWeights, similarity, termsOf, type StemLanguage } from '../../shared/src/similarity/index.js';

/** One labelled pair of tests/fixtures/duplicates/<lang>.json. */
export interface LabelledPair {
  a: string;
  b: string;
  duplicate: boolean;
  kind: 'true-duplicate' | 'paraphrase' | 'near-miss' | 'unrelated';
  half: 'tuning' | 'held-out';
}

export interface ScoredPair extends LabelledPair {
  score: number;
}

export interface Metrics {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export const LANGUAGES: StemLanguage[] = ['en', 'it'];

export function loadPairs(language: StemLanguage): LabelledPair[] {
  const url = new URL(`../fixtures/duplicates/${language}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { pairs: LabelledPair[] }).pairs;
}

/**
 * Scores every pair as the app would on a board holding all the notes of the
 * file: IDF weights come from all the distinct texts of the language (about
 * 400 notes, a realistic board), never from the labels.
 */
export function scorePairs(language: StemLanguage, pairs = loadPairs(language)): ScoredPair[] {
  const texts = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const bags = new Map(texts.map((t) => [t, termsOf(t, language)]));
  const weights = idfWeights([...bags.values()]);
  return pairs.map((p) => ({ ...p, score: similarity(bags.get(p.a)!, bags.get(p.b)!, weights) }));
}

export function metricsAt(pairs: readonly ScoredPair[], threshold: number): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    const said = p.score >= threshold;
    if (said && p.duplicate) tp++;
    else if (said) fp++;
    else if (p.duplicate) fn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { threshold, precision, recall, f1, tp, fp, fn };
}

/** Thresholds 0.05 .. 0.95 in steps of 0.05 (rounded, so 0.5 is 0.5). */
export const THRESHOLDS = Array.from({ length: 19 }, (_, i) => Math.round((i + 1) * 5) / 100);

/**
 * The threshold chosen on tuning pairs only, by the aim (recall at a
 * precision of at least `minPrecision`: a list the facilitator can trust):
 * the lowest threshold whose precision on every language's tuning half is at
 * least `minPrecision`, so as much recall as that precision allows.
 */
export function chooseThreshold(tuningByLanguage: readonly (readonly ScoredPair[])[], minPrecision = 0.8): number {
  for (const t of THRESHOLDS) {
    if (tuningByLanguage.every((pairs) => metricsAt(pairs, t).precision >= minPrecision)) return t;
  }
  return 1;
}
