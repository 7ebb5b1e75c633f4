/**
 * How alike two bags of terms are: a weighted Dice coefficient,
 * 2 * (weight of the shared terms) / (weight of A + weight of B), in [0, 1].
 * Weights are inverse document frequencies over the notes of the board, so a
 * shared rare word ("samples", "48") counts far more than a shared common one
 * ("customer" on a board where every note says customer).
 *
 * Terms also match softly when both have at least PREFIX_MIN letters and one
 * is a prefix of the other ("spec" / "specific") or they share their first
 * SHARED_START_MIN letters ("registr" / "register"): it catches forms the
 * light stemmer leaves apart. Blocking in `find-duplicates.ts` relies on
 * this: two terms can only match when they share their first PREFIX_MIN
 * letters, or are equal. A swap penalty (SWAP_PENALTY) then lowers pairs
 * where both notes have words the other lacks.
 */
export const PREFIX_MIN = 4;

export interface TermWeights {
  weight(term: string): number;
}

/** Inverse document frequency, log(1 + N / df), over `bags` (df counts a bag once). */
export function idfWeights(bags: readonly (readonly string[])[]): TermWeights {
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of bag) df.set(term, (df.get(term) ?? 0) + 1);
  const n = Math.max(1, bags.length);
  const cache = new Map<string, number>();
  return {
    weight(term) {
      let w = cache.get(term);
      if (w === undefined) {
        w = Math.log(1 + n / Math.max(1, df.get(term) ?? 0));
        cache.set(term, w);
      }
      return w;
    },
  };
}

/** Letters two terms must share at their start to match when neither is a prefix of the other. */
export const SHARED_START_MIN = 5;

function softMatch(a: string, b: string): boolean {
  if (a.length < PREFIX_MIN || b.length < PREFIX_MIN) return false;
  if (a.length <= b.length ? b.startsWith(a) : a.startsWith(b)) return true;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= SHARED_START_MIN;
}

/**
 * How much of the unmatched weight counts against a pair when *both* notes
 * have words the other lacks (a swapped word: "send samples within 48 hours"
 * / "send the quote within 48 hours"). A note that only adds words to the
 * other ("... and publish it online") is not penalised: that is how true
 * duplicates differ, while near misses keep the frame and swap the subject.
 */
export const SWAP_PENALTY = 0.5;

/**
 * The score of two bags given as sorted term ids, with each id's weight and
 * text (for the soft match). The hot loop of `findDuplicates`: numbers only
 * for exact matches (a merge of two sorted lists), strings only for the
 * terms left unmatched.
 */
export function scoreIds(a: Int32Array, b: Int32Array, weight: Float64Array, text: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let weightA = 0;
  let weightB = 0;
  let matched = 0;
  const leftA: number[] = [];
  const leftB: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x === y) {
      weightA += weight[x]!;
      weightB += weight[x]!;
      matched += 2 * weight[x]!;
      i++;
      j++;
    } else if (x < y) {
      weightA += weight[x]!;
      leftA.push(x);
      i++;
    } else {
      weightB += weight[y]!;
      leftB.push(y);
      j++;
    }
  }
  let matchedA = matched / 2;
  let matchedB = matched / 2;
  // Exact matches first, so a soft match never takes a term another term matches exactly.
  for (const x of leftA) {
    for (let k = 0; k < leftB.length; k++) {
      const y = leftB[k]!;
      if (y < 0 || !softMatch(text[x]!, text[y]!)) continue;
      leftB[k] = -1;
      matchedA += weight[x]!;
      matchedB += weight[y]!;
      break;
    }
  }
  const swapped = Math.min(weightA - matchedA, weightB - matchedB);
  return Math.max(0, (matchedA + matchedB - SWAP_PENALTY * 2 * swapped) / (weightA + weightB));
}

/** `scoreIds` for bags of term strings (sorted, distinct: `termsOf`). 0 when either is empty. */
export function similarity(a: readonly string[], b: readonly string[], weights: TermWeights): number {
  const text = [...new Set([...a, ...b])].sort();
  const id = new Map(text.map((t, i) => [t, i]));
  const toIds = (bag: readonly string[]) => Int32Array.from(bag.map((t) => id.get(t)!)).sort();
  return scoreIds(toIds(a), toIds(b), Float64Array.from(text.map((t) => weights.weight(t))), text);
}
