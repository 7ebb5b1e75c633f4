import { stem, type StemLanguage } from './stem.js';

/**
 * A small thesaurus of the workshop's own vocabulary (a component maker's
 * sales process): words that people use for the same thing on sticky notes.
 * Each group folds to its first word's stem. Kept deliberately small and
 * general (no pair of the labelled set is "fixed" by a group that only it
 * needs); a wrong group costs precision, which the held-out half measures.
 */
const GROUPS: Record<StemLanguage, string[][]> = {
  en: [
    ['quote', 'quotation', 'quoting'],
    ['send', 'sent', 'ship', 'dispatch', 'mail'],
    ['fast', 'quick', 'quickly', 'rapid', 'prompt', 'promptly', 'faster', 'speed'],
    ['customer', 'client', 'buyer'],
    ['train', 'teach', 'coach', 'educate', 'course'],
    ['call', 'phone', 'ring'],
    ['distributor', 'reseller', 'dealer'],
    ['stock', 'inventory'],
    ['answer', 'reply', 'respond', 'response'],
    ['part', 'component', 'item'],
    ['catalogue', 'catalog'],
    ['problem', 'issue', 'fault', 'failure'],
    ['create', 'build', 'prepare', 'draft', 'write'],
    ['check', 'verify', 'validate'],
    ['start', 'begin', 'kick'],
    ['chase', 'follow'],
    ['website', 'portal', 'site', 'web', 'online'],
    ['datasheet', 'sheet'],
    ['hour', 'h', 'hr', 'hrs'],
    ['price', 'pricing', 'cost'],
    ['meeting', 'meet', 'visit'],
    ['engineer', 'fae'],
    ['late', 'delay', 'delayed', 'slip', 'slips'],
    ['tell', 'inform', 'notify', 'warn', 'alert', 'notice'],
    ['track', 'record', 'log'],
    ['target', 'goal', 'objective'],
    ['sales', 'salespeople', 'salesperson', 'seller', 'rep', 'reps'],
    ['staff', 'team', 'people', 'personnel'],
    ['test', 'lab', 'laboratory'],
    ['obsolete', 'discontinued', 'eol'],
    ['spare', 'spares'],
    ['question', 'query', 'queries'],
    ['month', 'monthly'],
    ['year', 'yearly', 'annual', 'annually'],
    ['see', 'view', 'consult'],
  ],
  it: [
    ['preventivo', 'offerta', 'quotazione', 'quotare'],
    ['spedire', 'inviare', 'mandare', 'spedizione', 'invio'],
    ['veloce', 'rapido', 'rapidamente', 'velocemente', 'tempestivo', 'subito', 'rapidita'],
    ['cliente', 'acquirente', 'compratore'],
    ['formazione', 'formare', 'addestrare', 'corso', 'training'],
    ['chiamare', 'telefonare', 'telefonata', 'chiamata'],
    ['distributore', 'rivenditore'],
    ['magazzino', 'scorta', 'stock', 'giacenza'],
    ['rispondere', 'risposta', 'replicare'],
    ['componente', 'pezzo', 'articolo'],
    ['problema', 'guasto', 'difetto', 'criticita'],
    ['creare', 'preparare', 'realizzare', 'predisporre', 'scrivere'],
    ['verificare', 'controllare', 'controllo', 'verifica'],
    ['avviare', 'iniziare', 'avvio', 'inizio'],
    ['sollecitare', 'ricontattare', 'richiamare'],
    ['sito', 'portale', 'web', 'online'],
    ['datasheet', 'scheda'],
    ['ora', 'ore', 'h'],
    ['prezzo', 'listino', 'costo'],
    ['riunione', 'incontro', 'visita', 'incontrare', 'visitare'],
    ['ingegnere', 'fae'],
    ['ritardo', 'ritardare', 'slittare', 'slitta', 'slittano'],
    ['avvisare', 'informare', 'comunicare', 'segnalare', 'notificare', 'avviso'],
    ['tracciare', 'registrare', 'tracciamento', 'registrazione'],
    ['obiettivo', 'target', 'traguardo'],
    ['venditore', 'commerciale', 'vendite', 'venditori'],
    ['personale', 'team', 'staff', 'squadra'],
    ['prova', 'test', 'laboratorio', 'collaudo'],
    ['obsoleto', 'eol', 'dismesso'],
    ['domanda', 'quesito', 'richiesta'],
    ['mese', 'mensile', 'mensilmente'],
    ['anno', 'annuale', 'annualmente'],
    ['vedere', 'consultare', 'visualizzare', 'mostrare'],
    ['rapporto', 'report', 'relazione'],
    ['questionario', 'sondaggio', 'survey'],
    ['ridurre', 'ridotto', 'abbassare'],
    ['unico', 'solo', 'singolo'],
  ],
};

/** Number words fold to digits ("ten days" / "10 days"). */
const NUMBERS: Record<StemLanguage, string[]> = {
  en: ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  it: ['due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici'],
};

function build(language: StemLanguage): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  NUMBERS[language].forEach((word, i) => map.set(stem(word, language), String(i + 2)));
  for (const group of GROUPS[language]) {
    const head = stem(group[0]!, language);
    for (const word of group) map.set(stem(word, language), head);
  }
  return map;
}

const TABLES: Record<StemLanguage, ReadonlyMap<string, string>> = { en: build('en'), it: build('it') };

/** The canonical stem of `stemmed` (itself when it is in no group). */
export function canonical(stemmed: string, language: StemLanguage): string {
  return TABLES[language].get(stemmed) ?? stemmed;
}
