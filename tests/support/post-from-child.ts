import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const POST = `
import { readFileSync } from 'node:fs';
const [url, file] = process.argv.slice(1);
const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: readFileSync(file) });
process.stdout.write(JSON.stringify({ status: res.status, body: await res.json() }));
`;

/**
 * A JSON body written to a file now and POSTed later from another process,
 * so that a test measuring a server's responsiveness does not also measure
 * its own work of encoding and sending megabytes.
 */
export function bodyFile(body: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tabella-post-')), 'body.json');
  writeFileSync(file, body);
  return file;
}

export async function postFromChild(url: string, file: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', POST, url, file], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout) as { status: number; body: Record<string, unknown> };
}

const PROBE = `
import { readFileSync } from 'node:fs';
const [url, pid] = process.argv.slice(1);
// utime + stime of the server's main thread (its tid is its pid), in ms (clock ticks of 10 ms).
const cpu = () => {
  const fields = readFileSync('/proc/' + pid + '/task/' + pid + '/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
let stop = false, max = 0, busy = 0, count = 0;
process.stdin.on('data', () => { stop = true; });
// The first requests set up the client (undici, the connection): not the server's time.
for (let i = 0; i < 20; i++) await (await fetch(url)).arrayBuffer();
process.stdout.write('ready\\n');
while (!stop) {
  const t = performance.now();
  const c = cpu();
  await (await fetch(url)).arrayBuffer();
  max = Math.max(max, performance.now() - t);
  busy = Math.max(busy, cpu() - c);
  count++;
  await new Promise((r) => setTimeout(r, 5));
}
process.stdout.write(JSON.stringify({ max, busy, count }) + '\\n');
process.exit(0);
`;

/** What a probe saw while the work ran. */
export interface Responsiveness<T> {
  result: T;
  /** The slowest answer (wall time: includes waiting for a CPU on a busy machine). */
  slowestMs: number;
  /**
   * The most CPU time the server's main thread spent while one request waited
   * for its answer: a stall of that thread (work done on it instead of
   * answering), told apart from other processes taking the machine's cores.
   */
  stallMs: number;
  requests: number;
}

/**
 * Another process asks `url` (a cheap endpoint) of the server process `pid`
 * over and over while `work` runs (Linux: reads /proc).
 */
export async function responsiveness<T>(url: string, pid: number, work: () => Promise<T>): Promise<Responsiveness<T>> {
  const probe = spawn(process.execPath, ['--input-type=module', '-e', PROBE, url, String(pid)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  probe.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    probe.stdout.on('data', () => out.includes('ready\n') && resolve());
    probe.once('exit', () => reject(new Error('the probe exited early')));
  });
  const result = await work();
  const exited = new Promise<void>((resolve) => probe.once('exit', () => resolve()));
  probe.stdin.end('stop\n');
  await exited;
  const { max, busy, count } = JSON.parse(out.split('\n')[1]!) as { max: number; busy: number; count: number };
  return { result, slowestMs: max, stallMs: busy, requests: count };
}
