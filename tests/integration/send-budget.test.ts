import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type { Socket } from 'node:net';
import { createBoard } from '../support/clients.js';
import { rawWriter } from '../support/raw-writer.js';
import { ServerProcess } from '../support/server-process.js';

/**
 * Issue #10, sync answers: sockets that ask for the board and never read
 * must not grow the server's memory without bound. The built server runs as
 * its own process (`npm run build:server`), so its memory is its own: the
 * test reads the peak resident size (VmHWM, reset through clear_refs) from
 * /proc. Budgets are small here: 2 MiB per socket, 8 MiB per address.
 */
const SOCKETS = 48;
const REQUESTS = 10;
const server = new ServerProcess(undefined, {
  SEND_BUFFER_BYTES: String(2 * 1024 * 1024),
  SEND_BUFFER_BYTES_PER_IP: String(8 * 1024 * 1024),
  PING_INTERVAL_MS: '4000',
});
const sockets: WebSocket[] = [];

beforeAll(async () => {
  await server.start();
});
afterAll(async () => {
  for (const ws of sockets) ws.terminate();
  await server.stop();
  rmSync(server.dataDir, { recursive: true, force: true });
});

function memoryKb(field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
  return Number(match![1]);
}

/** Sync step 1 with a state vector that is not empty (client 424242 at clock 1): never the cached answer. */
const STEP1 = new Uint8Array([0, 0, 5, 1, 0xb2, 0xf2, 0x19, 1]);

/** A viewer socket that sends `REQUESTS` sync requests and never reads (its TCP socket is paused). */
async function neverReads(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  sockets.push(ws);
  ws.on('error', () => undefined);
  await new Promise((resolve) => ws.once('open', resolve));
  (ws as unknown as { _socket: Socket })._socket.pause();
  for (let i = 0; i < REQUESTS; i++) ws.send(STEP1);
  return ws;
}

const dropped = (logs: string) => (logs.match(/"msg":"(no pong, dropping connection|slow reader, closing|send budget exhausted[^"]*)"/g) ?? []).length;

describe('sync answers to sockets that never read (issue #10)', () => {
  it(`${SOCKETS} sockets x ${REQUESTS} requests on a 3 MB board: peak memory stays bounded, and every socket is dropped`, { timeout: 60_000 }, async () => {
    const board = await createBoard(server.url);
    // ~3.3 MB of notes, stored (acknowledged) before the attack.
    // A facilitator fills it: 250 notes a message is past what one participant may send at once.
    const writer = await rawWriter(server.url, board.id, board.tokens.facilitator);
    for (let i = 0; i < 12; i++) {
      const clock = writer.send(250);
      await vi.waitFor(() => expect(writer.received.acked).toBe(clock), { timeout: 10_000 });
    }
    const url = `${server.url.replace(/^http/, 'ws')}/sync/${board.id}?token=${board.tokens.viewer}`;

    const before = memoryKb('VmRSS');
    writeFileSync(`/proc/${server.pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
    const attackers = await Promise.all(Array.from({ length: SOCKETS }, () => neverReads(url)));
    // Every socket is refused (1013) or dropped for not answering pings: none is left holding an answer.
    await vi.waitFor(() => expect(dropped(server.logs)).toBeGreaterThanOrEqual(SOCKETS), { timeout: 30_000, interval: 200 });
    const peakMb = (memoryKb('VmHWM') - before) / 1024;
    console.log(`peak growth ${peakMb.toFixed(1)} MB`);
    expect(peakMb).toBeLessThan(64);
    for (const ws of attackers) (ws as unknown as { _socket: Socket })._socket.resume();
    writer.socket.close();
  });
});
