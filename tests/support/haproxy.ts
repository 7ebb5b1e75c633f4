import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

const HAPROXY = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';
/** The configuration operators use (docs/scaling.md); tests run it, only addresses changed. */
const CONFIG = fileURLToPath(new URL('../../docs/deploy/haproxy.cfg', import.meta.url));

/**
 * docs/deploy/haproxy.cfg with its `bind :80` on a free loopback port and its
 * `server nodeN <address>` lines pointing at `nodes` ('127.0.0.1:port'), one
 * for one: the file must declare exactly as many servers as the test runs, so
 * that nothing but addresses differs from what operators deploy.
 */
export function testConfig(port: number, nodes: readonly string[]): string {
  const text = readFileSync(CONFIG, 'utf8');
  const binds = text.match(/^\s*bind :80$/gm) ?? [];
  if (binds.length !== 1) throw new Error(`${CONFIG}: expected one "bind :80" line, found ${binds.length}`);
  const servers = text.match(/^\s*server node\d+ \S+$/gm) ?? [];
  if (servers.length !== nodes.length) throw new Error(`${CONFIG} declares ${servers.length} servers, the test runs ${nodes.length} nodes`);
  let next = 0;
  return text
    .replace(/^(\s*)bind :80$/m, `$1bind 127.0.0.1:${port}`)
    .replace(/^(\s*server node\d+) \S+$/gm, (_line, head: string) => `${head} ${nodes[next++]!}`);
}

/** Debian's HAProxy, in the foreground, in a temp folder, on a free port, in front of `nodes`. */
export class Haproxy {
  private output = '';

  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    private readonly dir: string,
  ) {
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /** `port`: chosen beforehand when the nodes must know the public URL (PUBLIC_URL) before HAProxy starts. */
  static async start(nodes: readonly string[], port?: number, timeoutMs = 10_000): Promise<Haproxy> {
    const dir = mkdtempSync(join(tmpdir(), 'tabella-haproxy-'));
    port ??= await freePort();
    const config = join(dir, 'haproxy.cfg');
    writeFileSync(config, testConfig(port, nodes));
    // -db: stay in the foreground, log to stdout; -W not needed for a single process.
    const child = spawn(HAPROXY, ['-db', '-f', config], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const proxy = new Haproxy(`http://127.0.0.1:${port}`, child, dir);
    const exited = new Promise<never>((_resolve, reject) =>
      child.once('exit', (code) => reject(new Error(`haproxy exited with ${code}:\n${proxy.output}`))),
    );
    exited.catch(() => undefined);
    const deadline = Date.now() + timeoutMs;
    // Ready once it answers on its port (any status: the nodes may be down on purpose).
    for (;;) {
      const answered = await Promise.race([fetch(`${proxy.url}/healthz`).then(() => true, () => false), exited]);
      if (answered) return proxy;
      if (Date.now() > deadline) {
        await proxy.stop();
        throw new Error(`haproxy did not answer on ${proxy.url}:\n${proxy.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Its log: requests (which node served each) and server state changes ("node2 is DOWN"). */
  get logs(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
