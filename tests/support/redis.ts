import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';


/**
 * A throwaway Redis (Debian's redis-server) on a free port in a temp folder,
 * nothing persisted. `kill` and `restart` make an outage; `killClients`
 * cuts connections with CLIENT KILL, as Redis does itself to a subscriber
 * that falls behind (the messages in flight are lost).
 */
export class TestRedis {
  port = 0;
  private child: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'tabella-redis-'));

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    const child = spawn('redis-server', [
      '--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir,
      '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning',
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`redis-server exited:\n${output}`);
      if (await this.answers()) return;
      if (Date.now() > deadline) throw new Error(`redis-server did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** SIGKILL: Redis is gone, with every message in flight. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  /** Kills every client connection whose name starts with `namePrefix` (ours are `tabella-<node>`); resolves to how many. */
  async killClients(namePrefix: string): Promise<number> {
    const admin = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await admin.connect();
      const list = (await admin.client('LIST')) as string;
      const ids = list.split('\n').filter((line) => / name=(\S+)/.exec(line)?.[1]?.startsWith(namePrefix))
        .map((line) => /(?:^| )id=(\d+)/.exec(line)?.[1]).filter((id): id is string => id !== undefined);
      for (const id of ids) await admin.client('KILL', 'ID', id);
      return ids.length;
    } finally {
      admin.disconnect();
    }
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async answers(): Promise<boolean> {
    const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      return (await probe.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      probe.disconnect();
    }
  }
}
