/**
 * Websocket close codes. y-websocket 3.x stops reconnecting on 4400-4499, so
 * those are final refusals (isFinalClose); the others are transient and the
 * provider retries.
 */
export const CLOSE = {
  /** Board id does not match BOARD_ID_PATTERN, or the path is not /sync/<id>. */
  badRequest: 4400,
  /**
   * No access: the token is missing or wrong, or there is no such board (the two
   * are one refusal, see ACCESS_REFUSED); also a removed member, a shared link
   * used where a session is needed ("join first").
   */
  unauthorized: 4401,
  /** An update was refused (not allowed for this person, role or phase); resync with a fresh doc. */
  forbidden: 4403,
  /** A message exceeded the size limit. */
  tooLarge: 4413,
  /** A message could not be decoded. */
  malformed: 4422,
  /** The member's role or identity changed; reconnect to get the new one. */
  reconnect: 4001,
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
  /** Unexpected server failure; the provider retries. */
  internalError: 1011,
  /**
   * The server cannot take this now (a reader too slow for what it is sent,
   * a board whose unsaved changes are at their bound): reconnect later, and
   * resync. Transient, so the provider retries with backoff.
   */
  tryAgainLater: 1013,
} as const;

/** A close after which the stock provider never reconnects by itself (4400-4499). */
export function isFinalClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}
