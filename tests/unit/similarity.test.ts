import { describe, expect, it } from 'vitest';
import {
  findDuplicates, idfWeights, normalise, similarity, stemEnglish, stemItalian, termsOf, words, DUPLICATE_THRESHOLD,
} from '../../shared/src/similarity/index.js';
import { LANGUAGES, loadPairs, metricsAt, scorePairs } from '../support/duplicate-eval.js';

describe('normalising note text', () => {
  it('drops accents, case and punctuation, and splits elisions and digits', () => {
    expect(normalise('Qualità: PERCHÉ?!')).toBe('qualita perche');
    expect(words("Conferma dell'ordine e l’FAE")).toEqual(['conferma', 'dell', 'ordine', 'e', 'l', 'fae']);
    expect(words("the customer's 48h sell-through")).toEqual(['the', 'customer', '48', 'h', 'sell', 'through']);
  });

  it('gives no words (and no suggestion) for an empty or emoji-only note', () => {
    expect(words('')).toEqual([]);
    expect(termsOf('👍🎉 !!', 'en')).toEqual([]);
    const notes = ['👍', '👍', ''].map((text, i) => ({ id: `n${i}`, text, stageId: 's', segmentId: 'g' }));
    expect(findDuplicates(notes, { language: 'en' })).toEqual([]);
  });
});

describe('stems and bags of terms', () => {
  it('folds English plurals and common endings', () => {
    expect(stemEnglish('samples')).toBe(stemEnglish('sample'));
    expect(stemEnglish('sampling')).toBe(stemEnglish('sample'));
    expect(stemEnglish('deliveries')).toBe(stemEnglish('delivery'));
    expect(stemEnglish('shipping')).toBe(stemEnglish('ship'));
    expect(stemEnglish('quotation')).toBe(stemEnglish('quote'));
  });

  it('folds Italian plurals, gender and common endings', () => {
    expect(stemItalian('campioni')).toBe(stemItalian('campione'));
    expect(stemItalian('campionatura')).toBe(stemItalian('campione'));
    expect(stemItalian('tecniche')).toBe(stemItalian('tecnico'));
    expect(stemItalian('offerte')).toBe(stemItalian('offerta'));
    expect(stemItalian('spedizione')).toBe(stemItalian('spedire'));
  });

  it('ignores word order and stop words in both languages', () => {
    expect(termsOf('Send the samples within 48 hours', 'en')).toEqual(termsOf('within 48 hours, samples sent', 'en'));
    expect(termsOf('Spedire i campioni entro 48 ore', 'it')).toEqual(termsOf('Campioni spediti entro le 48 ore', 'it'));
    expect(termsOf("Verifica dell'ordine", 'it')).toEqual(termsOf('verifica ordini', 'it'));
  });
});

describe('finding duplicates on a board', () => {
  const note = (id: string, text: string, stageId = 's1', segmentId = 'g1') => ({ id, text, stageId, segmentId });

  it('pairs true duplicates within a stage and across the stages of a segment, never across segments', () => {
    const notes = [
      note('a', 'Spedire i campioni di valutazione entro 48 ore'),
      note('b', 'Campioni di valutazione spediti entro 48 ore', 's2'),
      note('c', 'Inviare il preventivo entro 48 ore'),
      note('d', 'Campioni di valutazione spediti entro 48 ore', 's9', 'g2'),
      note('e', 'Formazione per i nuovi venditori dei distributori'),
    ];
    const pairs = findDuplicates(notes, { language: 'it' });
    expect(pairs.map((p) => p.key)).toEqual(['a|b']);
    expect(pairs[0]).toMatchObject({ a: 'a', b: 'b', sameStage: false, strength: 'strong' });
  });

  it('blocking misses no pair: the same pairs as scoring every pair', () => {
    const texts = [...new Set(loadPairs('it').flatMap((p) => [p.a, p.b]))].slice(0, 160);
    const notes = texts.map((text, i) => note(`n${String(i).padStart(3, '0')}`, text, `s${i % 4}`, `g${i % 2}`));
    const fast = findDuplicates(notes, { language: 'it', threshold: 0.3 }).map((p) => p.key).sort();
    const bags = notes.map((n) => termsOf(n.text, 'it'));
    const weights = idfWeights(bags);
    const slow: string[] = [];
    for (let i = 0; i < notes.length; i++) {
      for (let j = i + 1; j < notes.length; j++) {
        if (notes[i]!.segmentId === notes[j]!.segmentId && similarity(bags[i]!, bags[j]!, weights) >= 0.3) {
          slow.push(`${notes[i]!.id}|${notes[j]!.id}`);
        }
      }
    }
    expect(fast.length).toBeGreaterThan(5);
    expect(fast).toEqual(slow.sort());
  });

  it('leaves out dismissed pairs', () => {
    const notes = [note('x', 'Answer every RFQ the same day'), note('y', 'Same-day answer to every RFQ')];
    expect(findDuplicates(notes, { language: 'en' })).toHaveLength(1);
    expect(findDuplicates(notes, { language: 'en', dismissed: new Set(['x|y']) })).toEqual([]);
  });
});

describe('measured on the held-out labelled pairs (tests/fixtures/duplicates)', () => {
  // The aim is precision >= 0.8 at recall >= 0.6. Held-out English
  // meets it (0.83 / 0.62); held-out Italian is one pair short on recall
  // (28 of 47 = 0.596; docs/duplicates.md). The floors below guard against
  // regressions: precision at the aim, recall at 0.55.
  for (const language of LANGUAGES) {
    it(`${language}: precision >= 0.8 and recall >= 0.55 at the threshold in use`, () => {
      const held = scorePairs(language).filter((p) => p.half === 'held-out');
      expect(held.length).toBeGreaterThanOrEqual(100);
      const m = metricsAt(held, DUPLICATE_THRESHOLD.likely);
      expect(m.precision).toBeGreaterThanOrEqual(0.8);
      expect(m.recall).toBeGreaterThanOrEqual(0.55);
    });
  }
});
