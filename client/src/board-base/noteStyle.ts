import type { NoteKind } from '../../../shared/src/index.js';

/** Sticky-note colours by kind: paper fill, a darker edge, readable text on both. */
export const NOTE_STYLE: Record<NoteKind, { fill: string; edge: string; label: string }> = {
  action: { fill: '#fef08a', edge: '#eab308', label: '#713f12' },
  'best practice': { fill: '#bbf7d0', edge: '#22c55e', label: '#14532d' },
  question: { fill: '#bfdbfe', edge: '#3b82f6', label: '#1e3a8a' },
};

/** i18n key suffix for a kind ("best practice" has a space). */
export function kindKey(kind: NoteKind): string {
  return kind === 'best practice' ? 'bestPractice' : kind;
}
