/**
 * Light stemmers: they only fold plurals, gender and the commonest verb and
 * noun endings, so that the two notes of a pair meet on the same stem. They
 * never need to produce a real word, only the same stem for the forms of one
 * word; a stem shorter than 3 letters is never produced (short words are kept
 * whole). A missed fold is partly caught by the prefix match in `score.ts`
 * ("spediz" / "sped"). See docs/duplicates.md for why not Snowball.
 */
export type StemLanguage = 'en' | 'it';

const MIN_STEM = 3;

function cut(word: string, suffix: string, min = MIN_STEM): string | undefined {
  return word.endsWith(suffix) && word.length - suffix.length >= min ? word.slice(0, -suffix.length) : undefined;
}

function undouble(stem: string): string {
  const n = stem.length;
  return n > 3 && stem[n - 1] === stem[n - 2] && !'lsz'.includes(stem[n - 1]!) ? stem.slice(0, -1) : stem;
}

/** English: samples/sampling/sampled -> sampl, quotes/quotation -> quot, shipping/shipped -> ship. */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(sses|xes|zes|ches|shes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ations', 'ation', 'able', 'ible', 'ments', 'ment', 'ings', 'ing', 'edly', 'ed', 'ly', 'ions', 'ion']) {
    const stem = cut(w, suffix);
    if (stem !== undefined) {
      w = suffix.startsWith('ing') || suffix.startsWith('ed') ? undouble(stem) : stem;
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4) w = `${w.slice(0, -1)}i`;
  return w;
}

/** Endings tried longest first; one is removed. Accents are already gone (`normalise`). */
const IT_SUFFIXES = [
  'azioni', 'azione', 'izioni', 'izione', 'abili', 'abile', 'ibili', 'ibile', 'amente', 'mente', 'zioni', 'zione', 'sioni', 'sione',
  'ando', 'endo', 'iamo', 'ano', 'ono', 'are', 'ere', 'ire', 'ato', 'ata', 'ati', 'ate', 'ito', 'ita', 'iti', 'ite', 'uto', 'uta', 'uti',
  'ute', 'ori', 'ore', 'ia', 'ie', 'io', 'a', 'e', 'i', 'o',
];

/** Italian: campione/campioni/campionatura -> campion, offerta/offerte -> offert, tecnico/tecnici/tecniche -> tecnic. */
export function stemItalian(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  // -che/-chi/-ghe/-ghi keep the hard sound of -co/-go: drop the h with the vowel.
  if (/[cg]h[ei]$/.test(word) && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('ura') && word.length > 8) return word.slice(0, word.endsWith('atura') ? -5 : -3);
  for (const suffix of IT_SUFFIXES) {
    const stem = cut(word, suffix);
    if (stem !== undefined) return stem;
  }
  return word;
}

export function stem(word: string, language: StemLanguage): string {
  return language === 'it' ? stemItalian(word) : stemEnglish(word);
}
