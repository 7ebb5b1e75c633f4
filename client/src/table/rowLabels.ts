import type { TFunction } from 'i18next';
import type { NoteKind, NoteStatus } from '../../../shared/src/index.js';

export const KIND_KEY = { action: 'action', 'best practice': 'bestPractice', question: 'question' } as const;

/**
 * Every string a row shows, translated once per language by the grid instead
 * of by each row as it scrolls into view (a row mounts with no i18next calls).
 */
export interface RowLabels {
  selectRow: string;
  tiedTitle: string;
  empty: string;
  editText: string;
  kinds: Record<NoteKind, string>;
  status: Record<NoteStatus, string>;
  hiddenHint: string;
  /** "3 mine": plural, so a function (rare: only while totals are hidden and we spent dots). */
  pillMine: (count: number) => string;
  removeDot: string;
  addDot: string;
  propose: string;
  noProposal: string;
}

export function rowLabels(t: TFunction): RowLabels {
  return {
    selectRow: t('table.selectRow'),
    tiedTitle: t('table.tiedTitle'),
    empty: t('table.empty'),
    editText: t('table.editText'),
    kinds: {
      action: t(`kinds.${KIND_KEY.action}`),
      'best practice': t(`kinds.${KIND_KEY['best practice']}`),
      question: t(`kinds.${KIND_KEY.question}`),
    },
    status: { open: t('status.open'), accepted: t('status.accepted'), parked: t('status.parked') },
    hiddenHint: t('votes.hiddenHint'),
    pillMine: (count) => t('votes.pillMine', { count }),
    removeDot: t('votes.remove'),
    addDot: t('votes.add'),
    propose: t('table.propose'),
    noProposal: t('owners.none'),
  };
}
