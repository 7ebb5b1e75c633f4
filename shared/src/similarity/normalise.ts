/**
 * Text to words, the same way for English and Italian notes: lower case,
 * accents removed (NFD, then combining marks dropped: "qualità" and "qualita"
 * are one word), apostrophes split ("dell'ordine" -> "dell ordine"; the
 * elided article is then a stop word), an English possessive dropped
 * ("customer's" -> "customer"), digits split from letters ("48h" -> "48 h"),
 * everything that is not a letter or a digit a separator (emoji, punctuation,
 * hyphens: "sell-through" -> "sell through").
 */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/(\p{L})'s(?!\p{L})/gu, '$1')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a text after `normalise` (possibly none: an emoji-only note has none). */
export function words(text: string): string[] {
  const clean = normalise(text);
  return clean === '' ? [] : clean.split(' ');
}
