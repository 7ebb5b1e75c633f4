/**
 * Identifiers. Entity ids inside a board (segments, stages, notes) are random so
 * that two offline clients never pick the same one; board ids are random too and
 * are checked against a strict pattern wherever they arrive from outside (URLs,
 * file names), never rewritten.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random string of `length` characters from a 62-symbol alphabet (~5.95 bits each). */
export function randomId(length = 16): string {
  // 248 = 4 * 62: bytes >= 248 are rejected so every symbol is equally likely.
  let out = '';
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < 248 && out.length < length) out += ALPHABET[b % 62];
    }
  }
  return out;
}

/** Board ids: letters and digits only, so they are safe in paths, URLs and SQL. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9]{12,40}$/;
/** Segment, stage and note ids (keys of the root maps). */
export const ENTITY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Department keys: readable slugs such as `sales` or `fae`. */
export const DEPARTMENT_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function isBoardId(value: unknown): value is string {
  return typeof value === 'string' && BOARD_ID_PATTERN.test(value);
}

export function newBoardId(): string {
  return randomId(16);
}

export function newEntityId(): string {
  return randomId(12);
}
