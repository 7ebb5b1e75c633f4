import type { Role } from '../../../shared/src/index.js';

/** A board's row: what exists outside the Y.Doc. */
export interface BoardRow {
  id: string;
  createdAt: number;
}

/** A hashed access token and the role it grants on one board. */
export interface TokenRow {
  role: Role;
  /** SHA-256 of the token; tokens themselves are never stored. */
  hash: Uint8Array;
}

/**
 * Persistence seam. Rooms and the HTTP API talk only to this interface; the
 * SQLite adapter is the default and the contract suite in
 * tests/integration/board-store.contract.test.ts runs against every adapter.
 * Methods are async so a networked database can implement it unchanged.
 *
 * Invariants every adapter keeps:
 * - `appendUpdate` is durable when its promise resolves (survives kill -9).
 * - `loadUpdates` returns every appended update not yet compacted, in append order.
 * - `compact(id, state, upTo)` atomically replaces the updates with seq <= upTo by
 *   `state`; updates appended after `upTo` are kept (applying an update twice is
 *   harmless in Yjs, so `state` may already contain them).
 */
export interface BoardStore {
  createBoard(board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): Promise<void>;
  getBoard(id: string): Promise<BoardRow | undefined>;
  getTokens(id: string): Promise<TokenRow[]>;
  /** Appends one update; resolves to its sequence number. */
  appendUpdate(id: string, update: Uint8Array): Promise<number>;
  loadUpdates(id: string): Promise<{ updates: Uint8Array[]; lastSeq: number }>;
  compact(id: string, state: Uint8Array, upTo: number): Promise<void>;
  close(): Promise<void>;
}
