import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { damaged, isDamage, quickCheck, refuseEmptyFile } from './database-check.js';
import type { FollowUpKind, Role } from '../../../shared/src/index.js';
import {
  MAIN_DOC, type BoardRow, type BoardStore, type JoinCodeRow, type MemberPatch, type MemberRow, type TokenRow, type VersionRow,
} from './board-store.js';

export type Durability = 'full' | 'normal';

/**
 * SQLite adapter (better-sqlite3, WAL). Calls are synchronous underneath, so each
 * promise resolves only after the statement has committed.
 *
 * Durability: with `synchronous=FULL` (default) a commit survives power loss;
 * `NORMAL` survives a process crash (kill -9) but may lose the last commits on
 * power loss, in exchange for fewer fsyncs. See README "Configuration".
 */
export class SqliteBoardStore implements BoardStore {
  private readonly db: Database.Database;
  private readonly stmt;

  constructor(file: string, durability: Durability = 'full') {
    this.db = open(file);
    this.db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
    this.stmt = {
      insertBoard: this.db.prepare('INSERT INTO boards (id, created_at) VALUES (?, ?)'),
      insertToken: this.db.prepare('INSERT INTO tokens (board_id, role, hash) VALUES (?, ?, ?)'),
      getBoard: this.db.prepare<[string], { id: string; created_at: number }>(
        'SELECT id, created_at FROM boards WHERE id = ?',
      ),
      getTokens: this.db.prepare<[string], { role: Role; hash: Buffer }>(
        'SELECT role, hash FROM tokens WHERE board_id = ?',
      ),
      replaceToken: this.db.prepare('UPDATE tokens SET hash = ? WHERE board_id = ? AND role = ?'),
      append: this.db.prepare('INSERT INTO updates (board_id, doc, data) VALUES (?, ?, ?)'),
      load: this.db.prepare<[string, string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE board_id = ? AND doc = ? ORDER BY seq',
      ),
      deleteUpTo: this.db.prepare('DELETE FROM updates WHERE board_id = ? AND doc = ? AND seq <= ?'),
      deleteDoc: this.db.prepare('DELETE FROM updates WHERE board_id = ? AND doc = ?'),
      listDocs: this.db.prepare<[string], { doc: string }>('SELECT DISTINCT doc FROM updates WHERE board_id = ? ORDER BY doc'),
      insertMember: this.db.prepare(
        'INSERT INTO members (board_id, id, name, department, role, session_hash, joined_at, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      getMember: this.db.prepare<[string, string], MemberDbRow>('SELECT * FROM members WHERE board_id = ? AND id = ?'),
      getMemberBySession: this.db.prepare<[string, Buffer], MemberDbRow>(
        'SELECT * FROM members WHERE board_id = ? AND session_hash = ?',
      ),
      listMembers: this.db.prepare<[string], MemberDbRow>('SELECT * FROM members WHERE board_id = ? ORDER BY joined_at, id'),
      updateMember: this.db.prepare(
        'UPDATE members SET name = ?, department = ?, role = ?, removed = ? WHERE board_id = ? AND id = ?',
      ),
      setLink: this.db.prepare(
        'INSERT INTO follow_up_links (board_id, kind, hash, created_at) VALUES (?, ?, ?, ?) '
          + 'ON CONFLICT (board_id, kind) DO UPDATE SET hash = excluded.hash, created_at = excluded.created_at',
      ),
      getLinks: this.db.prepare<[string], { kind: FollowUpKind; hash: Buffer }>(
        'SELECT kind, hash FROM follow_up_links WHERE board_id = ?',
      ),
      setJoinCode: this.db.prepare(
        'INSERT INTO join_codes (board_id, code, open, created_at) VALUES (?, ?, 1, ?) '
          + 'ON CONFLICT (board_id) DO UPDATE SET code = excluded.code, open = 1, created_at = excluded.created_at',
      ),
      getJoinCode: this.db.prepare<[string], { code: string; open: number; created_at: number }>(
        'SELECT code, open, created_at FROM join_codes WHERE board_id = ?',
      ),
      findJoinCode: this.db.prepare<[string], { board_id: string; open: number }>(
        'SELECT board_id, open FROM join_codes WHERE code = ?',
      ),
      setJoinCodeOpen: this.db.prepare('UPDATE join_codes SET open = ? WHERE board_id = ?'),
      addVersion: this.db.prepare('INSERT INTO versions (board_id, id, name, created_at, state) VALUES (?, ?, ?, ?, ?)'),
      listVersions: this.db.prepare<[string], { id: string; name: string; created_at: number }>(
        'SELECT id, name, created_at FROM versions WHERE board_id = ? ORDER BY created_at DESC, id',
      ),
      getVersion: this.db.prepare<[string, string], { id: string; name: string; created_at: number; state: Buffer }>(
        'SELECT id, name, created_at, state FROM versions WHERE board_id = ? AND id = ?',
      ),
    };
  }

  async createBoard(board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.stmt.insertBoard.run(board.id, board.createdAt);
      for (const token of tokens) this.stmt.insertToken.run(board.id, token.role, Buffer.from(token.hash));
      this.stmt.append.run(board.id, MAIN_DOC, Buffer.from(initialState));
    })();
  }

  async getBoard(id: string): Promise<BoardRow | undefined> {
    const row = this.stmt.getBoard.get(id);
    return row ? { id: row.id, createdAt: row.created_at } : undefined;
  }

  async getTokens(id: string): Promise<TokenRow[]> {
    return this.stmt.getTokens.all(id).map((r) => ({ role: r.role, hash: new Uint8Array(r.hash) }));
  }

  async replaceToken(id: string, token: TokenRow): Promise<void> {
    this.stmt.replaceToken.run(Buffer.from(token.hash), id, token.role);
  }

  async appendUpdate(id: string, update: Uint8Array, doc = MAIN_DOC): Promise<number> {
    const data = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
    return Number(this.stmt.append.run(id, doc, data).lastInsertRowid);
  }

  async loadUpdates(id: string, doc = MAIN_DOC): Promise<{ updates: Uint8Array[]; lastSeq: number }> {
    const rows = this.stmt.load.all(id, doc);
    return {
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : 0,
    };
  }

  async compact(id: string, state: Uint8Array, upTo: number, doc = MAIN_DOC): Promise<void> {
    this.db.transaction(() => {
      this.stmt.deleteUpTo.run(id, doc, upTo);
      // The snapshot gets a fresh seq greater than every remaining row. Rows
      // appended after `upTo` are replayed after it; re-applying is a no-op.
      this.stmt.append.run(id, doc, Buffer.from(state));
    })();
  }

  async listDocs(id: string): Promise<string[]> {
    return this.stmt.listDocs.all(id).map((r) => r.doc);
  }

  async deleteDoc(id: string, doc: string): Promise<void> {
    this.stmt.deleteDoc.run(id, doc);
  }

  async addMember(boardId: string, m: MemberRow): Promise<void> {
    this.stmt.insertMember.run(boardId, m.id, m.name, m.department, m.role, Buffer.from(m.sessionHash), m.joinedAt, m.removed ? 1 : 0);
  }

  async getMember(boardId: string, memberId: string): Promise<MemberRow | undefined> {
    const row = this.stmt.getMember.get(boardId, memberId);
    return row && fromDb(row);
  }

  async getMemberBySession(boardId: string, sessionHash: Uint8Array): Promise<MemberRow | undefined> {
    const row = this.stmt.getMemberBySession.get(boardId, Buffer.from(sessionHash));
    return row && fromDb(row);
  }

  async listMembers(boardId: string): Promise<MemberRow[]> {
    return this.stmt.listMembers.all(boardId).map(fromDb);
  }

  async updateMember(boardId: string, memberId: string, patch: MemberPatch): Promise<MemberRow | undefined> {
    return this.db.transaction(() => {
      const row = this.stmt.getMember.get(boardId, memberId);
      if (!row) return undefined;
      const next = { ...fromDb(row), ...patch };
      this.stmt.updateMember.run(next.name, next.department, next.role, next.removed ? 1 : 0, boardId, memberId);
      return next;
    })();
  }

  async setFollowUpLink(boardId: string, kind: FollowUpKind, hash: Uint8Array, now: number): Promise<void> {
    this.stmt.setLink.run(boardId, kind, Buffer.from(hash), now);
  }

  async getFollowUpLinks(boardId: string): Promise<{ kind: FollowUpKind; hash: Uint8Array }[]> {
    return this.stmt.getLinks.all(boardId).map((r) => ({ kind: r.kind, hash: new Uint8Array(r.hash) }));
  }

  async setJoinCode(boardId: string, code: string, now: number): Promise<void> {
    this.stmt.setJoinCode.run(boardId, code, now);
  }

  async getJoinCode(boardId: string): Promise<JoinCodeRow | undefined> {
    const row = this.stmt.getJoinCode.get(boardId);
    return row && { code: row.code, open: row.open === 1, createdAt: row.created_at };
  }

  async findJoinCode(code: string): Promise<{ boardId: string; open: boolean } | undefined> {
    const row = this.stmt.findJoinCode.get(code);
    return row && { boardId: row.board_id, open: row.open === 1 };
  }

  async setJoinCodeOpen(boardId: string, open: boolean): Promise<boolean> {
    return this.stmt.setJoinCodeOpen.run(open ? 1 : 0, boardId).changes > 0;
  }

  async addVersion(boardId: string, v: VersionRow, state: Uint8Array): Promise<void> {
    this.stmt.addVersion.run(boardId, v.id, v.name, v.createdAt, Buffer.from(state));
  }

  async listVersions(boardId: string): Promise<VersionRow[]> {
    return this.stmt.listVersions.all(boardId).map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }

  async getVersion(boardId: string, id: string): Promise<(VersionRow & { state: Uint8Array }) | undefined> {
    const r = this.stmt.getVersion.get(boardId, id);
    return r && { id: r.id, name: r.name, createdAt: r.created_at, state: new Uint8Array(r.state) };
  }

  /** Consistent online copy of the database (used by the backup command). */
  async backup(destination: string): Promise<void> {
    await this.db.backup(destination);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/**
 * Opens the database, refusing (DatabaseRefused) an empty file and one that is
 * not a database or has damaged pages, before anything is written to it.
 */
function open(file: string): Database.Database {
  if (file === ':memory:') {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    return db;
  }
  mkdirSync(dirname(file), { recursive: true });
  refuseEmptyFile(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    quickCheck(db, file);
    return db;
  } catch (error) {
    db.close();
    if (isDamage(error)) throw damaged(file, [error instanceof Error ? error.message : String(error)]);
    throw error;
  }
}

interface MemberDbRow {
  id: string;
  name: string;
  department: string;
  role: Role;
  session_hash: Buffer;
  joined_at: number;
  removed: number;
}

function fromDb(row: MemberDbRow): MemberRow {
  return {
    id: row.id,
    name: row.name,
    department: row.department,
    role: row.role,
    sessionHash: new Uint8Array(row.session_hash),
    joinedAt: row.joined_at,
    removed: row.removed === 1,
  };
}

/**
 * Schema migrations, tracked in `PRAGMA user_version`. Each step runs once, in
 * a transaction, so a database from any earlier release opens correctly.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE boards (
     id TEXT PRIMARY KEY,
     created_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE tokens (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'viewer')),
     hash BLOB NOT NULL,
     PRIMARY KEY (board_id, role)
   ) STRICT;
   CREATE TABLE updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     data BLOB NOT NULL
   ) STRICT;
   CREATE INDEX updates_by_board ON updates (board_id, seq);`,
  `ALTER TABLE updates ADD COLUMN doc TEXT NOT NULL DEFAULT '';
   DROP INDEX updates_by_board;
   CREATE INDEX updates_by_doc ON updates (board_id, doc, seq);
   CREATE TABLE members (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     id TEXT NOT NULL,
     name TEXT NOT NULL,
     department TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'viewer')),
     session_hash BLOB NOT NULL,
     joined_at INTEGER NOT NULL,
     removed INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (board_id, id)
   ) STRICT;
   CREATE UNIQUE INDEX members_by_session ON members (board_id, session_hash);`,
  `CREATE TABLE follow_up_links (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('commitment', 'feedback')),
     hash BLOB NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (board_id, kind)
   ) STRICT;
   CREATE TABLE versions (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     id TEXT NOT NULL,
     name TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     state BLOB NOT NULL,
     PRIMARY KEY (board_id, id)
   ) STRICT;`,
  `CREATE TABLE join_codes (
     board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
     code TEXT NOT NULL UNIQUE,
     open INTEGER NOT NULL,
     created_at INTEGER NOT NULL
   ) STRICT;`,
];

function migrate(db: Database.Database): void {
  // Databases created before migrations were tracked have the first schema.
  let version = db.pragma('user_version', { simple: true }) as number;
  const hasBoards = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'boards'").get();
  if (version === 0 && hasBoards) version = 1;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
