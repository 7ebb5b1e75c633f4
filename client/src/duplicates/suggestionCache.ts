import { findDuplicates, type BoardSnapshot, type DuplicatePair } from '../../../shared/src/index.js';

/** Texts whose terms are kept between recomputations; past this the memo starts again (a bound, not a goal). */
const TERMS_CACHE_MAX = 20_000;

/**
 * Duplicate pairs of a board, recomputed per segment only when that segment's
 * notes (ids, stages, texts) or the board language changed, with each text's
 * terms memoised: a note edited in one segment costs that segment alone.
 * Pairs come unfiltered (dismissals are applied by the caller, so a
 * dismissal never recomputes).
 */
export class SuggestionCache {
  private readonly terms = new Map<string, readonly string[]>();
  private readonly segments = new Map<string, { signature: string; pairs: DuplicatePair[] }>();

  pairs(snapshot: BoardSnapshot): DuplicatePair[] {
    const language = snapshot.meta.language === 'it' ? 'it' : 'en';
    if (this.terms.size > TERMS_CACHE_MAX) this.terms.clear();
    const out: DuplicatePair[] = [];
    const live = new Set<string>();
    for (const segment of snapshot.segments) {
      const notes = segment.stages.flatMap((stage) => (snapshot.notesByStage.get(stage.id) ?? [])
        .map((n) => ({ id: n.id, text: n.text, stageId: stage.id, segmentId: segment.id })));
      const signature = `${language}\u0001${notes.map((n) => `${n.id}\u0002${n.stageId}\u0002${n.text}`).join('\u0001')}`;
      let result = this.segments.get(segment.id);
      if (result?.signature !== signature) {
        result = { signature, pairs: findDuplicates(notes, { language, termsCache: this.terms }) };
        this.segments.set(segment.id, result);
      }
      live.add(segment.id);
      out.push(...result.pairs);
    }
    for (const id of [...this.segments.keys()]) if (!live.has(id)) this.segments.delete(id);
    return out.sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : 1));
  }
}
