import type { FollowUpKind, Role } from '../../../shared/src/index.js';

/** A board's row: what exists outside the Y.Doc. */
export interface BoardRow {
  id: string;
  createdAt: number;
}

/** A hashed link token and the role it grants on one board. */
export interface TokenRow {
  role: Role;
  /** SHA-256 of the token; tokens themselves are never stored. */
  hash: Uint8Array;
}

/** One person on a board: who they said they are, and their personal session. */
export interface MemberRow {
  id: string;
  name: string;
  /** Department key or ''. */
  department: string;
  role: Role;
  /** SHA-256 of the member's session token. */
  sessionHash: Uint8Array;
  joinedAt: number;
  removed: boolean;
}

export type MemberPatch = Partial<Pick<MemberRow, 'name' | 'department' | 'role' | 'removed'>>;

/** A named snapshot of a board ("end of day 1"). */
export interface VersionRow {
  id: string;
  name: string;
  createdAt: number;
}

/**
 * A board's short join code (`K7R4QX`, shown `K7R-4QX`) and whether it
 * admits people now. Stored in the clear: the facilitator's screen shows it
 * again, and it only ever admits a participant while `open` (docs/security.md
 * "Join codes").
 */
export interface JoinCodeRow {
  /** Canonical form: upper case, no separator. Unique across boards. */
  code: string;
  open: boolean;
  createdAt: number;
}

/** One stored update and its sequence number. */
export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
}

/** A document's head: the highest sequence number appended to it. */
export interface DocHead {
  boardId: string;
  doc: string;
  head: number;
}

/** Name of a board's main document. Other documents of a board (drafts) have other names. */
export const MAIN_DOC = '';

/**
 * Persistence seam. Rooms and the HTTP API talk only to this interface; the
 * SQLite adapter is the default and the contract suite in
 * tests/integration/board-store.contract.test.ts runs against every adapter.
 * Methods are async so a networked database can implement it unchanged.
 *
 * A board has a main document (`MAIN_DOC`) and may have named side documents
 * (each participant's private drafts); updates are kept per document.
 *
 * Invariants every adapter keeps:
 * - `appendUpdate` is durable when its promise resolves (survives kill -9).
 * - `loadUpdates` returns every appended update not yet compacted, in append order.
 * - `compact(id, state, upTo)` atomically replaces the updates with seq <= upTo by
 *   `state`; updates appended after `upTo` are kept (applying an update twice is
 *   harmless in Yjs, so `state` may already contain them).
 * - `appendUpdate` returns a seq greater than every seq of that document so far.
 * - when `seqPerDoc` is true (stores several nodes share), each document's
 *   seqs are 1, 2, 3… with no gaps, assigned in commit order: once seq s is
 *   committed, every seq below s of that document is committed too, and
 *   `compact(…, upTo)` stores its snapshot under seq `upTo`. A node that holds
 *   s but not s - 1 knows it missed an update and reads it back.
 * - a member's session hash is unique on its board.
 * - a join code belongs to at most one board; a board has at most one code.
 */
export interface BoardStore {
  /** See the invariants above: true for a store several nodes share (PostgreSQL). */
  readonly seqPerDoc: boolean;
  createBoard(board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): Promise<void>;
  getBoard(id: string): Promise<BoardRow | undefined>;
  getTokens(id: string): Promise<TokenRow[]>;
  /** Replaces the link token of one role (the old link stops working). */
  replaceToken(id: string, token: TokenRow): Promise<void>;
  /** Appends one update; resolves to its sequence number. */
  appendUpdate(id: string, update: Uint8Array, doc?: string): Promise<number>;
  loadUpdates(id: string, doc?: string): Promise<{ updates: Uint8Array[]; lastSeq: number }>;
  compact(id: string, state: Uint8Array, upTo: number, doc?: string): Promise<void>;
  /**
   * The stored updates of one document with seq > `after`, in seq order, and
   * the document's head (the highest seq ever appended to it, 0 if none), read
   * in one snapshot: every update with seq <= head is in the answer or was
   * compacted into a snapshot that is (a node catching up reads this).
   */
  loadUpdatesAfter(id: string, after: number, doc?: string): Promise<{ updates: StoredUpdate[]; head: number }>;
  /**
   * For these boards: each document's head seq, and each board's access
   * epoch, a counter that every change to who may do what bumps
   * (`updateMember`, `replaceToken`, `setFollowUpLink`). Nodes poll it to
   * catch up without Redis (docs/scaling.md).
   */
  heads(boardIds: readonly string[]): Promise<{ docs: DocHead[]; epochs: { boardId: string; epoch: number }[] }>;
  /** Resolves when the store answers a trivial query; rejects when it cannot be reached (/healthz). */
  ping(): Promise<void>;
  /** Names of the board's documents that have stored updates, main included. */
  listDocs(id: string): Promise<string[]>;
  /** Removes every stored update of one document. */
  deleteDoc(id: string, doc: string): Promise<void>;
  addMember(boardId: string, member: MemberRow): Promise<void>;
  getMember(boardId: string, memberId: string): Promise<MemberRow | undefined>;
  /**
   * The member holding this session hash. A lookup by the SHA-256 of a
   * 256-bit random token: timing reveals nothing an attacker can use.
   */
  getMemberBySession(boardId: string, sessionHash: Uint8Array): Promise<MemberRow | undefined>;
  listMembers(boardId: string): Promise<MemberRow[]>;
  updateMember(boardId: string, memberId: string, patch: MemberPatch): Promise<MemberRow | undefined>;
  /** Creates or replaces (rotates) the board's link of that kind. */
  setFollowUpLink(boardId: string, kind: FollowUpKind, hash: Uint8Array, now: number): Promise<void>;
  getFollowUpLinks(boardId: string): Promise<{ kind: FollowUpKind; hash: Uint8Array }[]>;
  /**
   * Gives the board this code, open, replacing its previous one (which then
   * finds nothing). Rejects, changing nothing, when another board has the code.
   */
  setJoinCode(boardId: string, code: string, now: number): Promise<void>;
  getJoinCode(boardId: string): Promise<JoinCodeRow | undefined>;
  /** The board holding this canonical code, open or closed. */
  findJoinCode(code: string): Promise<{ boardId: string; open: boolean } | undefined>;
  /** Opens or closes joining by code; false when the board has no code. */
  setJoinCodeOpen(boardId: string, open: boolean): Promise<boolean>;
  addVersion(boardId: string, version: VersionRow, state: Uint8Array): Promise<void>;
  /** Newest first. */
  listVersions(boardId: string): Promise<VersionRow[]>;
  getVersion(boardId: string, id: string): Promise<(VersionRow & { state: Uint8Array }) | undefined>;
  close(): Promise<void>;
}
