import { ENTITY_ID_PATTERN } from '../ids.js';

/**
 * `session.dismissedDuplicates`: the pairs of notes the facilitator said are
 * not duplicates, so no screen suggests them again (docs/board-schema.md).
 * A plain array of pair keys `<idA>|<idB>` with idA < idB (plain string
 * order), distinct, at most DISMISSED_DUPLICATES_MAX; the oldest fall off
 * first. Keys of notes that are gone are harmless (they match no pair) and are
 * dropped the next time a dismissal is written.
 */
export const DISMISSED_DUPLICATES_MAX = 2000;

/** The key of an unordered pair of note ids. */
export function duplicatePairKey(x: string, y: string): string {
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}

export function isDuplicatePairKey(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = value.split('|');
  return parts.length === 2 && ENTITY_ID_PATTERN.test(parts[0]!) && ENTITY_ID_PATTERN.test(parts[1]!) && parts[0]! < parts[1]!;
}

export function readDismissedDuplicates(value: unknown): { value: string[] } | { error: string } {
  if (!Array.isArray(value)) return { error: 'must be an array' };
  if (value.length > DISMISSED_DUPLICATES_MAX) return { error: `must hold at most ${DISMISSED_DUPLICATES_MAX} pairs` };
  if (!value.every(isDuplicatePairKey)) return { error: 'every entry must be "<noteId>|<noteId>" with the ids in order' };
  if (new Set(value).size !== value.length) return { error: 'entries must be distinct' };
  return { value: [...value] };
}
