import type pg from 'pg';
import type { Logger } from 'pino';

/**
 * PostgreSQL schema migrations, in order; `schema_migrations` records the
 * ones applied. The tables mirror SQLite's (sqlite-store.ts) plus `doc_heads`:
 * each document's highest seq, which never goes back (seqs are per document,
 * gap-free, see BoardStore). Timestamps are milliseconds (BIGINT).
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE boards (
     id TEXT PRIMARY KEY,
     created_at BIGINT NOT NULL,
     access_epoch INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE tokens (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'viewer')),
     hash BYTEA NOT NULL,
     PRIMARY KEY (board_id, role)
   );
   CREATE TABLE doc_heads (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     doc TEXT NOT NULL,
     seq BIGINT NOT NULL,
     PRIMARY KEY (board_id, doc)
   );
   CREATE TABLE updates (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     doc TEXT NOT NULL,
     seq BIGINT NOT NULL,
     data BYTEA NOT NULL,
     PRIMARY KEY (board_id, doc, seq)
   );
   CREATE TABLE members (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     id TEXT NOT NULL,
     name TEXT NOT NULL,
     department TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'viewer')),
     session_hash BYTEA NOT NULL,
     joined_at BIGINT NOT NULL,
     removed BOOLEAN NOT NULL DEFAULT FALSE,
     PRIMARY KEY (board_id, id)
   );
   CREATE UNIQUE INDEX members_by_session ON members (board_id, session_hash);
   CREATE TABLE follow_up_links (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('commitment', 'feedback')),
     hash BYTEA NOT NULL,
     created_at BIGINT NOT NULL,
     PRIMARY KEY (board_id, kind)
   );
   CREATE TABLE versions (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     id TEXT NOT NULL,
     name TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     state BYTEA NOT NULL,
     PRIMARY KEY (board_id, id)
   );
   CREATE TABLE join_codes (
     board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
     code TEXT NOT NULL UNIQUE,
     open BOOLEAN NOT NULL,
     created_at BIGINT NOT NULL
   );`,
];

/** Session-level advisory lock key that serialises migrations across nodes ("tabella-migrate"). */
const MIGRATION_LOCK = 0x7461626d6967;

/**
 * Applies the missing migrations, each in its own transaction, holding an
 * advisory lock: nodes starting together on an empty database wait for the
 * first one, then find the schema made and apply nothing.
 */
export async function migrate(pool: pg.Pool, log?: Logger): Promise<void> {
  const client = await checkOut(pool);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
      const current = rows[0]?.version ?? 0;
      if (current > MIGRATIONS.length) {
        throw new Error(`the database schema is at version ${current}, newer than this Tabella knows (${MIGRATIONS.length}): upgrade Tabella`);
      }
      for (let v = current; v < MIGRATIONS.length; v++) {
        await client.query('BEGIN');
        try {
          await client.query(MIGRATIONS[v]!);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        log?.info({ version: v + 1 }, 'postgres schema migrated');
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/**
 * A client of the pool for several statements. The pool listens for errors
 * of idle clients only: one checked out has a listener too, or a connection
 * lost between two statements would be an uncaught 'error' that ends the
 * process. The statement in progress rejects either way.
 */
export async function checkOut(pool: pg.Pool): Promise<pg.PoolClient & { release(destroy?: Error | boolean): void }> {
  const client = await pool.connect();
  const ignore = () => undefined;
  client.on('error', ignore);
  const release = client.release.bind(client);
  client.release = (destroy?: Error | boolean) => {
    client.off('error', ignore);
    release(destroy);
  };
  return client;
}
