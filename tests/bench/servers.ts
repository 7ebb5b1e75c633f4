import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/free-port.js';

const TABELLA_MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
const REFERENCE_MAIN = fileURLToPath(new URL('../../node_modules/y-websocket-reference/bin/server.cjs', import.meta.url));
const PROBE = fileURLToPath(new URL('./probe.cjs', import.meta.url));

export type ServerKind = 'tabella' | 'reference';

/** Kernel clock ticks per second (USER_HZ), the unit of CPU times in /proc/<pid>/stat: 100 on Linux. */
const CLOCK_TICKS = 100;

/** What the probe preloaded into the server reports (see probe.cjs). */
export interface ProbeStats {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  rss: number;
  peakRss: number;
  cpuMicros: number;
  loopDelay: { p50: number; p99: number; max: number; mean: number };
}

/**
 * One benchmarked server as a separate process, with the stats probe
 * preloaded and an IPC channel to ask it. Tabella is the built server
 * (`npm run build`); the reference is y-websocket 2.1.0's bin/server.cjs.
 */
export class BenchServer {
  url = '';
  private child: ChildProcess | undefined;
  private output = '';
  private dataDir: string | undefined;
  private nextProbe = 1;

  constructor(readonly kind: ServerKind, private readonly env: Record<string, string> = {}) {}

  get pid(): number {
    return this.child?.pid ?? -1;
  }

  get logs(): string {
    return this.output;
  }

  async start(timeoutMs = 20_000): Promise<string> {
    // BENCH_SERVER_NODE_ARGS: extra flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const common = ['--expose-gc', '--require', PROBE, ...extra];
    let args: string[];
    let env: Record<string, string | undefined>;
    let ready: RegExp;
    if (this.kind === 'tabella') {
      this.dataDir = mkdtempSync(join(tmpdir(), 'tabella-bench-'));
      args = [...common, TABELLA_MAIN];
      env = {
        ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: this.dataDir, LOG_LEVEL: 'info',
        // The harness opens every simulated person's socket from 127.0.0.1.
        MAX_CONNECTIONS_PER_IP: '5000', ...this.env,
      };
      ready = /"url":"(http:\/\/[^"]+)"/;
    } else {
      // The reference prints the port it was given, so it gets a free one.
      const port = await freePort();
      args = [...common, REFERENCE_MAIN];
      env = { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...this.env };
      ready = new RegExp(`running at '127\\.0\\.0\\.1' on port (${port})`);
    }
    // The harness's own NODE_OPTIONS (a larger heap for hundreds of clients) are not the server's.
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.kind} server did not start:\n${this.output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
        const match = ready.exec(this.output);
        if (match) {
          clearTimeout(timer);
          resolve(this.kind === 'tabella' ? match[1]! : `http://127.0.0.1:${match[1]}`);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.kind} server exited with ${code}:\n${this.output}`));
      });
    });
    return this.url;
  }

  /**
   * Stats of the server process. CPU time and peak RSS come from the kernel
   * (/proc/<pid>/stat and status), which answers even when the server's event
   * loop is saturated; heap and event-loop delay come from the probe inside it
   * (`gc` runs a full GC first). A probe that gets no answer within
   * `timeoutMs` leaves those NaN (shown as n/a) instead of failing the run:
   * a server too busy to answer is a result, not a harness error.
   */
  async probe(options: { gc?: boolean; resetLoop?: boolean; timeoutMs?: number } = {}): Promise<ProbeStats> {
    const inside = await this.probeInside(options).catch((): undefined => undefined);
    const os = this.osStats();
    if (inside) return { ...inside, cpuMicros: os.cpuMicros, peakRss: os.peakRss };
    const nan = NaN;
    return {
      heapUsed: nan, heapTotal: nan, external: nan, arrayBuffers: nan, rss: os.rss, peakRss: os.peakRss,
      cpuMicros: os.cpuMicros, loopDelay: { p50: nan, p99: nan, max: nan, mean: nan },
    };
  }

  /** CPU (user + system) and memory of the server process, from the kernel. */
  private osStats(): { cpuMicros: number; rss: number; peakRss: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
    return { cpuMicros: processCpuMicros(this.pid), rss: kb('VmRSS'), peakRss: kb('VmHWM') };
  }

  private probeInside(options: { gc?: boolean; resetLoop?: boolean; timeoutMs?: number }): Promise<ProbeStats> {
    const child = this.child;
    if (!child?.connected) return Promise.reject(new Error(`${this.kind} server is not running`));
    const id = this.nextProbe++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`${this.kind} probe timed out`));
      }, options.timeoutMs ?? 15_000);
      const onMessage = (msg: unknown) => {
        if (typeof msg === 'object' && msg !== null && (msg as { probe?: number }).probe === id) {
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(msg as ProbeStats);
        }
      };
      child.on('message', onMessage);
      child.send({ probe: id, gc: options.gc, resetLoop: options.resetLoop });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * CPU time (user + system) of process `pid` from /proc/<pid>/stat, in µs;
 * `reaped` adds that of its children it has waited for (a postmaster's ended
 * backends). 0 for a process that is gone.
 */
export function processCpuMicros(pid: number, options: { reaped?: boolean } = {}): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime, stime, cutime, cstime: fields 14 to 17 of stat.
  const ticks = Number(fields[11]) + Number(fields[12]) + (options.reaped ? Number(fields[13]) + Number(fields[14]) : 0);
  return (ticks / CLOCK_TICKS) * 1e6;
}

