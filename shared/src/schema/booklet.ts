import type * as Y from 'yjs';
import type { Problem } from './fields.js';

/**
 * The words the facilitator writes for the deliverables (booklet, deck,
 * workbook), stored as plain strings in the `booklet` root map:
 * - `foreword`, `executiveSummary`: one each per board;
 * - `segment:<segmentId>`, `stage:<stageId>`: a short summary per segment or stage.
 * Only facilitators write it (the `booklet` root is not a participant's). An
 * entry that is not a string within its limit, or that names a segment or
 * stage the board no longer has, reads as absent (and as a problem).
 */
export const BOOKLET_TEXT_MAX = 6000;
export const BOOKLET_SUMMARY_MAX = 1500;

export const BOOKLET_KEYS = ['foreword', 'executiveSummary'] as const;
export type BookletKey = (typeof BOOKLET_KEYS)[number];

export interface BookletTexts {
  foreword: string;
  executiveSummary: string;
  /** Segment id -> its summary (non-empty only). */
  segments: Map<string, string>;
  /** Stage id -> its summary (non-empty only). */
  stages: Map<string, string>;
}

export const segmentSummaryKey = (segmentId: string): string => `segment:${segmentId}`;
export const stageSummaryKey = (stageId: string): string => `stage:${stageId}`;

/** The longest string `key` may hold, or undefined when `key` is not a booklet key. */
export function bookletLimit(key: string): number | undefined {
  if ((BOOKLET_KEYS as readonly string[]).includes(key)) return BOOKLET_TEXT_MAX;
  if (/^(segment|stage):[A-Za-z0-9_-]{1,64}$/.test(key)) return BOOKLET_SUMMARY_MAX;
  return undefined;
}

/** Why `value` cannot be stored at `key` of the booklet root, or undefined when it can. */
export function bookletEntryProblem(key: string, value: unknown): string | undefined {
  const max = bookletLimit(key);
  if (max === undefined) return `booklet/${key.slice(0, 40)} is not a booklet text`;
  if (typeof value !== 'string') return `booklet/${key} must be plain text`;
  if (value.length > max) return `booklet/${key} is longer than ${max}`;
  return undefined;
}

export function readBooklet(
  map: Y.Map<unknown>, segmentIds: ReadonlySet<string>, stageIds: ReadonlySet<string>, problems: Problem[],
): BookletTexts {
  const texts: BookletTexts = { foreword: '', executiveSummary: '', segments: new Map(), stages: new Map() };
  map.forEach((value, key) => {
    const problem = bookletEntryProblem(key, value);
    if (problem) {
      problems.push({ collection: 'booklet', id: key, message: problem });
      return;
    }
    const text = value as string;
    if (key === 'foreword' || key === 'executiveSummary') texts[key] = text;
    else if (text.trim() === '') return;
    else if (key.startsWith('segment:')) {
      if (segmentIds.has(key.slice(8))) texts.segments.set(key.slice(8), text);
    } else if (stageIds.has(key.slice(6))) texts.stages.set(key.slice(6), text);
  });
  return texts;
}
