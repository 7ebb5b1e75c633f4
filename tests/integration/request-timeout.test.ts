import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/in-process-server.js';

/**
 * Slowloris on the body: headers arrive at once, then the body trickles in a
 * byte at a time. The whole request must finish within REQUEST_TIMEOUT_MS
 * (30 s by default, docs/security.md "Limits"); here 1 s, so the test is quick.
 */
const TIMEOUT_MS = 1_000;
const fixture = useTestServer({ REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) });

/** Sends a POST whose body of `length` bytes arrives one byte every `everyMs`; resolves with what the server said and when it hung up. */
function trickle(baseUrl: string, length: number, everyMs: number): Promise<{ response: string; elapsedMs: number }> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(Number(url.port), url.hostname);
    let response = '';
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < length && socket.writable) socket.write(sent++ === 0 ? '{' : ' ');
    }, everyMs);
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => (response += chunk.toString()));
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ response, elapsedMs: performance.now() - started });
    });
    socket.write(
      `POST /api/boards HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`,
    );
  });
}

describe('request timeout (REQUEST_TIMEOUT_MS)', () => {
  it('cuts off a body that trickles in slower than allowed, at about the timeout', async () => {
    // 100 bytes at one per 50 ms would take 5 s.
    const { response, elapsedMs } = await trickle(fixture.server.url, 100, 50);
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
    expect(elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS * 0.9);
    // Node checks its connections every tenth of the timeout: the cut comes within about 10% of it.
    expect(elapsedMs).toBeLessThan(TIMEOUT_MS * 1.5);
  });

  it('serves a slow body that still ends within the timeout', async () => {
    // 8 bytes at one per 50 ms: done in about 0.4 s. `{` and spaces are not valid JSON: the app answers 400.
    const { response } = await trickle(fixture.server.url, 8, 50);
    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    expect(response).toContain('request body is not valid JSON');
  });

  it('defaults to the documented 30 s', async () => {
    const { readConfig } = await import('../../server/src/config.js');
    expect(readConfig({}).requestTimeoutMs).toBe(30_000);
    expect(fixture.server.http.requestTimeout).toBe(TIMEOUT_MS);
  });
});
