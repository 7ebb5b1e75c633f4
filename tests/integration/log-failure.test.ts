import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rawFrames } from '../support/raw-frames.js';

/**
 * Logging never takes the server down (docs/security.md "Storage trouble"):
 * the built server (`npm run build:server`) runs with its stdout on a file it
 * may not grow (`prlimit --fsize`, util-linux: writes past the limit fail with
 * EFBIG, as on a full disk), or on a pipe nobody reads any more (EPIPE).
 */
const MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function env(dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' };
}

/** One info line in the server's log: a websocket from a foreign origin is refused and logged. */
async function logLine(url: string): Promise<void> {
  const raw = await rawFrames(url, '/sync/AbCdEfGhIjKlMnOp', { Origin: 'http://elsewhere.example' });
  expect(raw.status).toContain('403');
  raw.socket.destroy();
}

async function healthy(url: string): Promise<void> {
  const res = await fetch(`${url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok', store: 'ok', draining: false });
}

function collect(child: ChildProcess): { text: string } {
  const out = { text: '' };
  child.stderr!.on('data', (chunk: Buffer) => (out.text += chunk.toString()));
  return out;
}

describe('a log destination that fails', () => {
  it('stdout on a file past its size limit (EFBIG): lines are dropped, the server keeps answering, and logging resumes once it can', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabella-log-'));
    const logFile = join(dir, 'server.log');
    // The limit applies to every file of the process: padding the log puts it
    // near the limit while the database, far smaller, stays well under it.
    const padding = 200_000;
    writeFileSync(logFile, `${'x'.repeat(padding - 1)}\n`);
    const limit = padding + 4_096;
    const fd = openSync(logFile, 'a');
    const child = spawn('prlimit', [`--fsize=${limit}:`, '--', process.execPath, MAIN], {
      env: env(join(dir, 'data')), stdio: ['ignore', fd, 'pipe'],
    });
    closeSync(fd);
    children.push(child);
    const stderr = collect(child);
    let exited: number | null | undefined;
    child.once('exit', (code) => (exited = code));
    const log = () => readFileSync(logFile, 'utf8').slice(padding);
    const url = await vi.waitFor(() => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(log());
      if (!match) throw new Error(`no start line yet; stderr: ${stderr.text}`);
      return match[1]!;
    }, { timeout: 15_000, interval: 50 });

    // Well past the limit: each line is ~150 bytes, 4 KiB of room.
    for (let i = 0; i < 100; i++) await logLine(url);
    expect(stderr.text).toContain('Tabella cannot write its log (EFBIG)');
    expect(statSync(logFile).size).toBeLessThanOrEqual(limit);
    expect(exited).toBeUndefined();
    await healthy(url);
    // Told once, not per line.
    expect(stderr.text.match(/cannot write its log/g)).toHaveLength(1);

    // Space again: the next line after the pause is written, and the loss is reported.
    execFileSync('prlimit', ['--pid', String(child.pid), '--fsize=unlimited:']);
    await vi.waitFor(async () => {
      await logLine(url);
      expect(stderr.text).toMatch(/can write its log again; \d+ log line\(s\) were dropped/);
    }, { timeout: 10_000, interval: 100 });
    expect(statSync(logFile).size).toBeGreaterThan(limit);
    expect(log()).toContain('websocket from a foreign origin refused');
    await healthy(url);
  });

  it('stdout on a pipe nobody reads any more (EPIPE): the server keeps answering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabella-log-'));
    const child = spawn(process.execPath, [MAIN], { env: env(dir), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const stderr = collect(child);
    let exited: number | null | undefined;
    child.once('exit', (code) => (exited = code));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error(`exited: ${stderr.text}`)));
    });
    // The reading end goes away: every later write to stdout fails with EPIPE.
    child.stdout!.destroy();
    await vi.waitFor(async () => {
      await logLine(url);
      expect(stderr.text).toContain('Tabella cannot write its log (EPIPE)');
    }, { timeout: 10_000, interval: 50 });
    for (let i = 0; i < 50; i++) await logLine(url);
    expect(exited).toBeUndefined();
    await healthy(url);
  });
});
