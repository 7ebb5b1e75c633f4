import { afterAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createBoard } from '../support/clients.js';
import { startTestServer, type TestServer } from '../support/in-process-server.js';
import { tryUpgrade } from '../support/upgrade.js';

/**
 * TRUSTED_PROXIES (docs/scaling.md "The client's address behind the balancer"):
 * X-Forwarded-For names the client, for HTTP and websocket limits alike, only
 * when the peer is a trusted proxy, and only the hops appended by trusted
 * proxies count. Tests connect from loopback and play the balancer.
 */
const servers: TestServer[] = [];
const sockets: WebSocket[] = [];

afterAll(async () => {
  for (const ws of sockets) ws.terminate();
  for (const s of servers) await s.close();
});

async function serverWith(env: Record<string, string>): Promise<{ url: string; path: string }> {
  const server = await startTestServer(env);
  servers.push(server);
  const board = await createBoard(server.url);
  return { url: server.url, path: `/sync/${board.id}?token=${board.tokens.viewer}` };
}

/** Upgrade statuses of websockets opened one after another, each with the given X-Forwarded-For (kept open). */
async function open(url: string, path: string, forwardedFor: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const header of forwardedFor) {
    const { status, ws } = await tryUpgrade(url, path, { 'x-forwarded-for': header });
    sockets.push(ws);
    statuses.push(status);
  }
  return statuses;
}

describe('the client address behind a trusted proxy', () => {
  it('TP1: websockets count by the forwarded address when the peer is trusted (loopback by default)', async () => {
    const { url, path } = await serverWith({ MAX_CONNECTIONS_PER_IP: '2' });
    expect(await open(url, path, ['198.51.100.1', '198.51.100.1', '198.51.100.1', '198.51.100.2'])).toEqual([101, 101, 429, 101]);
  });

  it('TP2: what a client writes into X-Forwarded-For itself is not believed: only the hop the proxy appended counts', async () => {
    const { url, path } = await serverWith({ MAX_CONNECTIONS_PER_IP: '2' });
    // A proxy appends the address it saw; everything left of it came from the client.
    const statuses = await open(url, path, ['10.1.1.1, 198.51.100.3', '10.1.1.2, 198.51.100.3', '10.1.1.3, 198.51.100.3']);
    expect(statuses).toEqual([101, 101, 429]);
  });

  it('TP3: from a peer that is not a trusted proxy the header is ignored, for websockets and HTTP alike', async () => {
    const { url, path } = await serverWith({ MAX_CONNECTIONS_PER_IP: '2', TRUSTED_PROXIES: '10.0.0.5', CREATES_PER_MINUTE: '1' });
    expect(await open(url, path, ['198.51.100.4', '198.51.100.5', '198.51.100.6'])).toEqual([101, 101, 429]);
    // Counted as this machine itself (loopback), which HTTP limits never apply to: three creations pass a limit of one.
    const created = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.70' },
        body: JSON.stringify({ title: 'Workshop', template: 'blank', language: 'en' }),
      });
      created.push(res.status);
    }
    expect(created).toEqual([201, 201, 201]);
  });

  it('TP4: with the balancer trusted, HTTP limits count each forwarded client', async () => {
    const { url } = await serverWith({ TRUSTED_PROXIES: 'loopback, 10.0.0.0/8', CREATES_PER_MINUTE: '1' });
    const create = (client: string) => fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ title: 'Workshop', template: 'blank', language: 'en' }),
    }).then((r) => r.status);
    // 10.0.0.9 is a second, trusted proxy hop: the client is the address before it.
    expect([await create('198.51.100.8, 10.0.0.9'), await create('198.51.100.8'), await create('198.51.100.9')]).toEqual([201, 429, 201]);
  });
});
