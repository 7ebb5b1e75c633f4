/**
 * Text folded for accent-insensitive search in English and Italian: NFD splits
 * "è" into "e" + a combining grave accent, the combining marks (\p{M}) are
 * dropped, then lower case. So "perche" finds "perché", "citta" finds "Città".
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
