/**
 * `npm run eval:duplicates`: precision, recall and F1 of duplicate suggestions
 * on the labelled pairs (tests/fixtures/duplicates/), per language and half,
 * at the threshold the app uses, then a precision/recall table over
 * thresholds, and the threshold the tuning halves alone would choose.
 * docs/duplicates.md reports these figures.
 */
import { DUPLICATE_THRESHOLD } from '../../shared/src/similarity/index.js';
import { chooseThreshold, LANGUAGES, metricsAt, scorePairs, THRESHOLDS, type Metrics } from '../support/duplicate-eval.js';

const f = (n: number) => n.toFixed(2);
const line = (label: string, m: Metrics) =>
  `${label.padEnd(22)} P ${f(m.precision)}  R ${f(m.recall)}  F1 ${f(m.f1)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`;

const threshold = DUPLICATE_THRESHOLD.likely;
console.log(`Threshold in use: ${threshold} (strong from ${DUPLICATE_THRESHOLD.strong})\n`);
const tuningByLanguage = [];
for (const language of LANGUAGES) {
  const scored = scorePairs(language);
  const tuning = scored.filter((p) => p.half === 'tuning');
  const held = scored.filter((p) => p.half === 'held-out');
  tuningByLanguage.push(tuning);
  console.log(`${language}: ${scored.length} pairs (${tuning.length} tuning, ${held.length} held-out)`);
  console.log(line('  tuning', metricsAt(tuning, threshold)));
  console.log(line('  held-out', metricsAt(held, threshold)));
  for (const kind of ['true-duplicate', 'paraphrase', 'near-miss', 'unrelated'] as const) {
    const of = held.filter((p) => p.kind === kind);
    const flagged = of.filter((p) => p.score >= threshold).length;
    console.log(`    held-out ${kind.padEnd(15)} suggested ${flagged}/${of.length}`);
  }
  console.log('  threshold   tuning P / R        held-out P / R');
  for (const t of THRESHOLDS.filter((x) => x >= 0.2 && x <= 0.9)) {
    const a = metricsAt(tuning, t);
    const b = metricsAt(held, t);
    console.log(`  ${f(t).padEnd(10)}  ${f(a.precision)} / ${f(a.recall)}         ${f(b.precision)} / ${f(b.recall)}`);
  }
  console.log('');
}
const chosen = chooseThreshold(tuningByLanguage);
console.log(`Chosen on the tuning halves (lowest with precision >= 0.8 in each language): ${chosen}`);
if (Math.abs(chosen - threshold) > 1e-9) {
  console.log(`NOTE: differs from DUPLICATE_THRESHOLD.likely (${threshold}); update it and docs/duplicates.md.`);
}
