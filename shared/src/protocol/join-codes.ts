/**
 * Join codes: a short code per board that people type from the projector
 * (`K7R-4QX`) instead of a 100-character link. Digits and capitals without
 * the look-alikes 0/O, 1/I/L: 31 symbols, 6 of them, 31^6 ≈ 8.9e8 codes
 * (the arithmetic of guessing one is in docs/security.md "Join codes").
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

/** The page that takes a code: `/join`, or `/join?code=K7R-4QX` from the QR code. */
export const JOIN_PATH = '/join';

/**
 * The canonical code (upper case, no separator) of what someone typed, or
 * undefined when it cannot be a code. Case, spaces and hyphens do not count:
 * "k7r 4qx", "K7R-4QX" and "k7r4qx" are one code.
 */
export function normalizeJoinCode(typed: string): string | undefined {
  const plain = typed.replace(/[\s-]+/g, '').toUpperCase();
  if (plain.length !== JOIN_CODE_LENGTH) return undefined;
  for (const ch of plain) if (!JOIN_CODE_ALPHABET.includes(ch)) return undefined;
  return plain;
}

/** The way a code is shown and read aloud: two halves, `K7R-4QX`. */
export function formatJoinCode(code: string): string {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)}-${code.slice(half)}`;
}

/** The address of the join page for a code (what the QR code holds when no link is known). */
export function joinCodeUrl(address: string, code: string): string {
  return `${address}${JOIN_PATH}?code=${encodeURIComponent(code)}`;
}

/** `GET/POST/PATCH /api/boards/:id/join-code`: the board's code and whether it admits people now. */
export interface JoinCodeState {
  /** Shown form (`K7R-4QX`); null when the board has none yet, or it is closed and the reader is no facilitator. */
  code: string | null;
  open: boolean;
  /** Where people reach this server (`http://192.168.1.20:8080`): PUBLIC_URL or the request's own origin. */
  address: string;
}

/** `POST /api/join-codes/lookup`: what the join form shows before anyone joins (as `GET /api/boards/:id` does for a link). */
export interface JoinCodeLookupResponse {
  id: string;
  title: string;
  language: 'en' | 'it';
  departments: { key: string; name: string; color: string }[];
}

/** `POST /api/join-codes/join`: a personal session, as a participant of the code's board (`JoinResponse` plus the board). */
export interface JoinCodeJoinResponse {
  boardId: string;
  memberId: string;
  /** Personal token: use it from now on. */
  session: string;
  /** Always participant: a code admits no other role. */
  role: 'facilitator' | 'participant' | 'viewer';
}
