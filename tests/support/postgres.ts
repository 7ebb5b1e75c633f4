import { execFile as execFileCb, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.js';

const execFile = promisify(execFileCb);

/** Debian's PostgreSQL 15 (tests/support/ensure-services.mjs installs it); PG_BIN overrides. */
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A throwaway PostgreSQL cluster of one test file, on a free port, in a temp folder. */
export interface PostgresCluster {
  /** postgres://… of a database of this cluster (`postgres` when none is named). */
  url(database?: string): string;
  /** A new empty database; resolves to its URL. */
  createDatabase(): Promise<string>;
  /** Stops PostgreSQL (fast shutdown), keeping its data. */
  stop(): Promise<void>;
  /** Starts it again on the same port (after stop or kill: crash recovery then). */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** kill -9 of the postmaster and its backends: what a crash of the machine leaves. */
  kill(): void;
  /** Stops it and removes its folder. Also done when the process exits. */
  destroy(): Promise<void>;
}

const isRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user. */
function asPostgres(): { uid?: number; gid?: number } {
  return isRoot ? postgresUser() : {};
}


/**
 * initdb (--no-sync: that only skips flushing initdb's own files), then the
 * postmaster as a child of this process (not daemonised by pg_ctl: the
 * container's init does not reap, and a dead postmaster left as a zombie would
 * block the next start). Durability settings stay PostgreSQL's defaults
 * (fsync on, synchronous_commit on) so kill -9 tests mean what they say.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'tabella-pg-'));
  const user = asPostgres();
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
  const data = join(dir, 'data');
  await execFile(join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '--no-instructions', '-E', 'UTF8', '--locale=C'], {
    ...user,
    cwd: dir,
  });
  const port = await freePort();
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let postmaster: ChildProcess | undefined;
  let databases = 0;
  let destroyed = false;

  const start = async () => {
    if (postmaster) throw new Error('PostgreSQL is already running');
    let output = '';
    const child = spawn(join(BIN, 'postgres'), [
      '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'synchronous_commit=on',
    ], { ...user, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    postmaster = child;
    child.once('exit', () => {
      if (postmaster === child) postmaster = undefined;
    });
    // Ready when a connection succeeds (crash recovery after kill() comes first).
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`PostgreSQL did not start:\n${output}`);
      const client = new pg.Client({ connectionString: url() });
      try {
        await client.connect();
        await client.end();
        return;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline) throw new Error(`PostgreSQL did not start within 30 s:\n${output}`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const exited = (child: ChildProcess) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const stop = async () => {
    const child = postmaster;
    if (!child) return;
    child.kill('SIGINT'); // fast shutdown: sessions are ended, a checkpoint is written
    await exited(child);
  };
  const kill = () => {
    const child = postmaster;
    if (!child?.pid) return;
    const backends = childPids(child.pid);
    child.kill('SIGKILL');
    for (const pid of backends) signal(pid);
    // They must be gone (or zombies, detached from shared memory) before a new start.
    const deadline = Date.now() + 5_000;
    while (backends.some(running) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    postmaster = undefined;
  };
  const cleanUp = () => {
    if (destroyed) return;
    destroyed = true;
    kill();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  await start();

  return {
    url,
    async createDatabase() {
      const name = `t${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
    start,
    async restart() {
      await stop();
      await start();
    },
    kill,
    async destroy() {
      if (destroyed) return;
      await stop();
      process.off('exit', cleanUp);
      cleanUp();
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no `postgres` user: install PostgreSQL (node tests/support/ensure-services.mjs)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Alive and not a zombie (a zombie holds no shared memory). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

function signal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
