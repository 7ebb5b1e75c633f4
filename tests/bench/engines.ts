import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { processCpuMicros } from './servers.js';

/** What the shared engines did over a measured window, per second (scenarios 8-10), for sizing them. */
export interface EngineUsage {
  /**
   * Rows appended to PostgreSQL's `updates` per second: growth of the sum of
   * `doc_heads.seq` (seqs are gap-free per document, so exact). A node merges
   * the updates of one tick into one row, so a row may carry several edits.
   */
  pgUpdatesPerSec: number;
  /** Transactions committed in the database per second (pg_stat_database.xact_commit, reads included; backends report about every second). */
  pgCommitsPerSec: number;
  /** Bytes Redis received / sent per second (INFO stats total_net_input_bytes / total_net_output_bytes). */
  redisInBytesPerSec: number;
  redisOutBytesPerSec: number;
  /** CPU of every PostgreSQL process (postmaster, backends, background workers), % of one core. */
  pgCpuPercent: number;
  /** CPU of redis-server (INFO cpu), % of one core. */
  redisCpuPercent: number;
}

/** The engines' counters at one moment. */
export interface EngineReading {
  at: number;
  updates: number;
  commits: number;
  redisIn: number;
  redisOut: number;
  pgCpuMicros: number;
  redisCpuMicros: number;
}

/**
 * Reads PostgreSQL's and Redis's own counters through one monitoring
 * connection each: what the nodes cost the engines, without touching them.
 */
export class EngineCounters {
  private readonly pg: pg.Client;
  private readonly redis: Redis;
  private postmasterPid = -1;

  constructor(databaseUrl: string, redisUrl: string) {
    this.pg = new pg.Client({ connectionString: databaseUrl });
    this.redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  }

  async open(): Promise<void> {
    await this.pg.connect();
    await this.redis.connect();
    const { rows } = await this.pg.query<{ data_directory: string }>('SHOW data_directory');
    // The first line of postmaster.pid is the postmaster's pid (the harness runs as root or as its owner).
    this.postmasterPid = Number(readFileSync(join(rows[0]!.data_directory, 'postmaster.pid'), 'utf8').split('\n')[0]);
  }

  async read(): Promise<EngineReading> {
    const { rows } = await this.pg.query<{ updates: string; commits: string; pids: number[] }>(`
      SELECT (SELECT coalesce(sum(seq), 0) FROM doc_heads) AS updates,
             (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) AS commits,
             (SELECT array_agg(pid) FROM pg_stat_activity) AS pids`);
    const row = rows[0]!;
    // The postmaster's reaped children count too: a backend that ended during the window.
    const pgCpuMicros = processCpuMicros(this.postmasterPid, { reaped: true })
      + row.pids.reduce((sum, pid) => sum + processCpuMicros(pid), 0);
    const stats = parseInfo(await this.redis.info('stats'));
    const cpu = parseInfo(await this.redis.info('cpu'));
    return {
      at: performance.now(), updates: Number(row.updates), commits: Number(row.commits),
      redisIn: stats.total_net_input_bytes!, redisOut: stats.total_net_output_bytes!, pgCpuMicros,
      redisCpuMicros: (cpu.used_cpu_user! + cpu.used_cpu_sys!) * 1e6,
    };
  }

  async close(): Promise<void> {
    await this.pg.end().catch(() => undefined);
    this.redis.disconnect();
  }
}

/** Rates between two readings. */
export function engineUsage(first: EngineReading, last: EngineReading): EngineUsage {
  const seconds = (last.at - first.at) / 1000;
  const rate = (a: number, b: number) => (b - a) / seconds;
  return {
    pgUpdatesPerSec: rate(first.updates, last.updates),
    pgCommitsPerSec: rate(first.commits, last.commits),
    redisInBytesPerSec: rate(first.redisIn, last.redisIn),
    redisOutBytesPerSec: rate(first.redisOut, last.redisOut),
    pgCpuPercent: (rate(first.pgCpuMicros, last.pgCpuMicros) / 1e6) * 100,
    redisCpuPercent: (rate(first.redisCpuMicros, last.redisCpuMicros) / 1e6) * 100,
  };
}

/** `key:value` lines of a Redis INFO section, numeric values only. */
function parseInfo(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\r\n')) {
    const [key, value] = line.split(':');
    if (key && value !== undefined && !Number.isNaN(Number(value))) out[key] = Number(value);
  }
  return out;
}
