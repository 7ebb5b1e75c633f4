import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dumpCounts } from './store/board-dump.js';
import { PgBoardStore } from './store/postgres-store.js';
import { SqliteBoardStore } from './store/sqlite-store.js';

const USAGE = 'Usage: npm run migrate -- --from ./data/tabella.sqlite --to postgres://user:password@host:5432/tabella\n'
  + '(--to defaults to $DATABASE_URL)\n';

/**
 * `npm run migrate -- --from <SQLite file> --to <PostgreSQL URL>`: copies
 * every board with every row it owns (tokens, members, follow-up links,
 * versions, join code, every document's updates in order) from SQLite to
 * PostgreSQL, each board in one PostgreSQL transaction. Boards already in
 * PostgreSQL are skipped, so running it again changes nothing, and a run cut
 * short is finished by running it again. The SQLite file is only read (its
 * schema is brought up to date first, as the server would at start).
 * Stop the server first: changes made during the copy would not follow.
 */
async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } }).values;
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const to = args.to ?? process.env.DATABASE_URL;
  if (!args.from) usage('--from is missing');
  if (!to) usage('--to is missing and DATABASE_URL is not set');
  if (!/^postgres(ql)?:\/\/\S+$/.test(to)) usage('--to must be a postgres:// or postgresql:// URL');
  const from = resolve(args.from);
  // SqliteBoardStore would create a missing file: a typo must not look like an empty database.
  if (!existsSync(from)) {
    process.stderr.write(`No SQLite database at ${from}.\n`);
    process.exit(1);
  }

  const source = new SqliteBoardStore(from);
  const target = await PgBoardStore.open(to);
  let copied = 0;
  let skipped = 0;
  const failed: string[] = [];
  const totals: Record<string, number> = {};
  try {
    for (const id of await source.boardIds()) {
      const dump = await source.dumpBoard(id);
      if (!dump) continue;
      try {
        if (!(await target.importBoard(dump))) {
          skipped++;
          process.stdout.write(`skipped ${id}: already in PostgreSQL\n`);
          continue;
        }
      } catch (error) {
        failed.push(id);
        process.stderr.write(`failed  ${id}: ${error instanceof Error ? error.message : String(error)} (nothing of it was written)\n`);
        continue;
      }
      copied++;
      const counts = dumpCounts(dump);
      for (const [k, n] of Object.entries(counts)) totals[k] = (totals[k] ?? 0) + n;
      process.stdout.write(`copied  ${id}: ${describe(counts)}\n`);
    }
  } finally {
    await target.close();
    await source.close();
  }
  process.stdout.write(`Migrated ${copied} board(s)${copied ? ` (${describe(totals)})` : ''}, skipped ${skipped} already there, ${failed.length} failed.\n`);
  if (failed.length > 0) {
    process.stderr.write(`Boards not copied: ${failed.join(', ')}. Fix the cause and run the command again: copied boards are skipped.\n`);
    process.exit(1);
  }
}

function describe(counts: Record<string, number>): string {
  return Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ');
}

function usage(problem: string): never {
  process.stderr.write(`${problem}\n${USAGE}`);
  process.exit(2);
}

main().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
