import type { Language } from '../../../shared/src/index.js';

/** The deck's own words, beyond roadmapLabels (en, it). */
export interface DeckLabels {
  responsibleFor: (n: number) => string;
  supportingCount: (n: number) => string;
  /** In place of a commitment not recorded yet. */
  toBeAgreed: string;
  otherDepartments: string;
  slide: string;
}

const en: DeckLabels = {
  responsibleFor: (n) => (n === 1 ? 'Responsible for 1 action' : `Responsible for ${n} actions`),
  supportingCount: (n) => (n === 1 ? 'supports 1 action' : `supports ${n} actions`),
  toBeAgreed: 'to be agreed',
  otherDepartments: 'Other departments',
  slide: 'Slide',
};

const it: DeckLabels = {
  responsibleFor: (n) => (n === 1 ? 'Responsabile di 1 azione' : `Responsabile di ${n} azioni`),
  supportingCount: (n) => (n === 1 ? 'supporta 1 azione' : `supporta ${n} azioni`),
  toBeAgreed: 'da concordare',
  otherDepartments: 'Altri reparti',
  slide: 'Slide',
};

export function deckLabels(language: Language): DeckLabels {
  return language === 'it' ? it : en;
}
