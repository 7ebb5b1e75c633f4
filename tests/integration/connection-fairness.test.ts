import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createBoard } from '../support/clients.js';
import { useTestServer } from '../support/in-process-server.js';

/**
 * Issue #10: a few addresses holding every connection locked everyone else
 * out. Each client socket binds its own loopback address (127.0.0.0/8 is all
 * local on Linux), against a server with small limits: 20 in total, 20 per
 * address (so only the fair share stands between one address and the rest).
 */
const fixture = useTestServer({ MAX_CONNECTIONS: '20', MAX_CONNECTIONS_PER_IP: '20' });

/** Opens a websocket from `localAddress`; resolves with 101 or the HTTP status it was refused with. */
function open(url: string, localAddress: string): Promise<{ status: number; ws: WebSocket }> {
  const ws = new WebSocket(url, { localAddress });
  fixture.open.push({ destroy: () => ws.terminate() });
  ws.on('error', () => undefined);
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ status: 101, ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, ws });
      res.resume();
    });
  });
}

/** Opens sockets from one address until one is refused; returns how many were accepted and the refusal. */
async function greedy(url: string, address: string): Promise<{ accepted: number; refusal: number }> {
  for (let accepted = 0; ; accepted++) {
    const { status } = await open(url, address);
    if (status !== 101) return { accepted, refusal: status };
  }
}

describe('connection fairness (issue #10)', () => {
  it('greedy addresses get a shrinking share; a new address still gets in', async () => {
    const board = await createBoard(fixture.server.url);
    const url = `${fixture.server.url.replace(/^http/, 'ws')}/sync/${board.id}?token=${board.tokens.viewer}`;

    const first = await greedy(url, '127.0.0.2');
    const second = await greedy(url, '127.0.0.3');
    const third = await greedy(url, '127.0.0.4');
    // Each stops while the free slots are as many as it holds: 10 of 20, then 5 of 10, then 3 of 5.
    expect([first, second, third]).toEqual([
      { accepted: 10, refusal: 429 },
      { accepted: 5, refusal: 429 },
      { accepted: 3, refusal: 429 },
    ]);
    // Newcomers get in until the server is really full, then they are told so (503).
    for (const address of ['127.0.0.5', '127.0.0.6']) expect((await open(url, address)).status).toBe(101);
    expect((await open(url, '127.0.0.7')).status).toBe(503);
  });
});
