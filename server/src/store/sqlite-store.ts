import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Role } from '../../../shared/src/index.js';
import type { BoardRow, BoardStore, TokenRow } from './board-store.js';

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
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS boards (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS tokens (
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'viewer')),
        hash BLOB NOT NULL,
        PRIMARY KEY (board_id, role)
      ) STRICT;
      CREATE TABLE IF NOT EXISTS updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        data BLOB NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS updates_by_board ON updates (board_id, seq);
    `);
    this.stmt = {
      insertBoard: this.db.prepare('INSERT INTO boards (id, created_at) VALUES (?, ?)'),
      insertToken: this.db.prepare('INSERT INTO tokens (board_id, role, hash) VALUES (?, ?, ?)'),
      getBoard: this.db.prepare<[string], { id: string; created_at: number }>(
        'SELECT id, created_at FROM boards WHERE id = ?',
      ),
      getTokens: this.db.prepare<[string], { role: Role; hash: Buffer }>(
        'SELECT role, hash FROM tokens WHERE board_id = ?',
      ),
      append: this.db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)'),
      load: this.db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq',
      ),
      deleteUpTo: this.db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?'),
    };
  }

  async createBoard(board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.stmt.insertBoard.run(board.id, board.createdAt);
      for (const token of tokens) this.stmt.insertToken.run(board.id, token.role, Buffer.from(token.hash));
      this.stmt.append.run(board.id, Buffer.from(initialState));
    })();
  }

  async getBoard(id: string): Promise<BoardRow | undefined> {
    const row = this.stmt.getBoard.get(id);
    return row ? { id: row.id, createdAt: row.created_at } : undefined;
  }

  async getTokens(id: string): Promise<TokenRow[]> {
    return this.stmt.getTokens.all(id).map((r) => ({ role: r.role, hash: new Uint8Array(r.hash) }));
  }

  async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    return Number(this.stmt.append.run(id, Buffer.from(update.buffer, update.byteOffset, update.byteLength)).lastInsertRowid);
  }

  async loadUpdates(id: string): Promise<{ updates: Uint8Array[]; lastSeq: number }> {
    const rows = this.stmt.load.all(id);
    return {
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : 0,
    };
  }

  async compact(id: string, state: Uint8Array, upTo: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.deleteUpTo.run(id, upTo);
      // The snapshot gets a fresh seq greater than every remaining row. Rows
      // appended after `upTo` are replayed after it; re-applying is a no-op.
      this.stmt.append.run(id, Buffer.from(state));
    })();
  }

  /** Consistent online copy of the database (used by the backup command). */
  async backup(destination: string): Promise<void> {
    await this.db.backup(destination);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
