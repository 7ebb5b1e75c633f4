import { words } from './normalise.js';
import { stem, type StemLanguage } from './stem.js';
import { STOP_WORDS } from './stopwords.js';
import { canonical } from './synonyms.js';

/**
 * The bag of terms of a note: its words minus stop words, stemmed and folded
 * through the thesaurus, each once, sorted. Word order is gone on purpose
 * ("quote within 24h" and "within 24h, a quote" are one bag).
 */
export function termsOf(text: string, language: StemLanguage): string[] {
  const out = new Set<string>();
  for (const word of words(text)) {
    if (STOP_WORDS.has(word)) continue;
    out.add(canonical(stem(word, language), language));
  }
  return [...out].sort();
}
