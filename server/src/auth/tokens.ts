import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { TOKEN_BYTES, TOKEN_PATTERN, type Role } from '../../../shared/src/index.js';
import type { TokenRow } from '../store/board-store.js';

/** A fresh access token: 256 random bits, base64url. Only its hash is stored. */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashToken(token: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(token, 'utf8').digest());
}

/**
 * The role a token grants, or undefined. Compares the hash against every stored
 * hash with timingSafeEqual (no early exit), so timing reveals nothing about
 * which role, if any, nearly matched.
 */
export function roleForToken(token: unknown, rows: TokenRow[]): Role | undefined {
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return undefined;
  const hash = hashToken(token);
  let found: Role | undefined;
  for (const row of rows) {
    if (row.hash.byteLength === hash.byteLength && timingSafeEqual(row.hash, hash)) found = row.role;
  }
  return found;
}
