import type { FollowUpKind } from '../../../shared/src/index.js';
import type { BoardRow, JoinCodeRow, MemberRow, StoredUpdate, TokenRow, VersionRow } from './board-store.js';

/**
 * Everything one board holds in a store, row for row: what `npm run migrate`
 * reads from SQLite and writes to PostgreSQL (server/src/migrate.ts).
 */
export interface BoardDump {
  board: BoardRow & { accessEpoch: number };
  tokens: TokenRow[];
  members: MemberRow[];
  followUpLinks: { kind: FollowUpKind; hash: Uint8Array; createdAt: number }[];
  /** Each with its state. */
  versions: (VersionRow & { state: Uint8Array })[];
  joinCode: JoinCodeRow | undefined;
  /** Every document with stored updates, its updates in append (seq) order. */
  docs: { doc: string; updates: StoredUpdate[] }[];
}

/** Rows a dump holds, by kind (the migration's summary). */
export function dumpCounts(dump: BoardDump): Record<'tokens' | 'members' | 'followUpLinks' | 'versions' | 'joinCodes' | 'docs' | 'updates', number> {
  return {
    tokens: dump.tokens.length,
    members: dump.members.length,
    followUpLinks: dump.followUpLinks.length,
    versions: dump.versions.length,
    joinCodes: dump.joinCode ? 1 : 0,
    docs: dump.docs.length,
    updates: dump.docs.reduce((n, d) => n + d.updates.length, 0),
  };
}
