import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));

/**
 * The built server (`npm run build`) as a real child process on port 0, for tests
 * that need a separate process: kill -9 and restart, browser tests.
 */
export class ServerProcess {
  url = '';
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    readonly dataDir = mkdtempSync(join(tmpdir(), 'tabella-test-')),
    private readonly env: Record<string, string> = {},
  ) {}

  /** Starts the server and resolves once it printed its URL. Reuses the port on restart. */
  async start(timeoutMs = 15_000): Promise<string> {
    const port = this.url ? new URL(this.url).port : '0';
    const child = spawn(process.execPath, ['--enable-source-maps', MAIN], {
      env: { ...process.env, PORT: port, HOST: '127.0.0.1', DATA_DIR: this.dataDir, LOG_LEVEL: 'info', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${this.output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /"url":"(https?:\/\/[^"]+)"/.exec(this.output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${this.output}`));
      });
    });
    return this.url;
  }

  get logs(): string {
    return this.output;
  }

  /** The running server's process id (for `prlimit`, signals). */
  get pid(): number {
    const child = this.child;
    if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) throw new Error('the server is not running');
    return child.pid;
  }

  /** SIGKILL: no flush, no goodbye; what survives is what was committed. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: the graceful stop (drain); resolves to the exit code. */
  async stop(): Promise<number | null> {
    return this.signal('SIGTERM');
  }

  /**
   * Sends a signal without waiting (SIGTERM to watch the drain, SIGSTOP and
   * SIGCONT for a hung node); `exited` resolves once the process has ended.
   */
  send(signal: NodeJS.Signals): { exited: Promise<number | null> } {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) throw new Error('the server is not running');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return { exited };
  }

  private async signal(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    return this.send(signal).exited;
  }
}
