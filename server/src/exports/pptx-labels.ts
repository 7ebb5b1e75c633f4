import type { Language } from '../../../shared/src/index.js';

/** The deck's own words, beyond roadmapLabels (en, it). */
export interface DeckLabels {
  responsibleFor: (n: number) => string;
  supportingCount: (n: number) => string;
  /** In place of a commitment not recorded yet. */
  toBeAgreed: string;
  otherDepartments: string;
  slide: string;
  /** The cover's figures: "3 segments · 15 stages · 42 actions". */
  figures: (segments: number, stages: number, actions: number) => string;
}

const en: DeckLabels = {
  responsibleFor: (n) => (n === 1 ? 'Responsible for 1 action' : `Responsible for ${n} actions`),
  supportingCount: (n) => (n === 1 ? 'supports 1 action' : `supports ${n} actions`),
  toBeAgreed: 'to be agreed',
  otherDepartments: 'Other departments',
  slide: 'Slide',
  figures: (segments, stages, actions) => [
    segments === 1 ? '1 segment' : `${segments} segments`,
    stages === 1 ? '1 stage' : `${stages} stages`,
    actions === 1 ? '1 action' : `${actions} actions`,
  ].join('   ·   '),
};

const it: DeckLabels = {
  responsibleFor: (n) => (n === 1 ? 'Responsabile di 1 azione' : `Responsabile di ${n} azioni`),
  supportingCount: (n) => (n === 1 ? 'supporta 1 azione' : `supporta ${n} azioni`),
  toBeAgreed: 'da concordare',
  otherDepartments: 'Altri reparti',
  slide: 'Slide',
  figures: (segments, stages, actions) => [
    segments === 1 ? '1 segmento' : `${segments} segmenti`,
    stages === 1 ? '1 fase' : `${stages} fasi`,
    actions === 1 ? '1 azione' : `${actions} azioni`,
  ].join('   ·   '),
};

export function deckLabels(language: Language): DeckLabels {
  return language === 'it' ? it : en;
}
