import { describe, expect, it } from 'vitest';
import { createBoard } from '../support/clients.js';
import { useTestServer } from '../support/in-process-server.js';

/**
 * The server trusts X-Forwarded-For from loopback (a local proxy), so a test
 * can speak as any client address; each test uses its own.
 */
const from = (address: string, init: RequestInit & { json?: unknown } = {}): RequestInit => ({
  method: 'POST',
  ...init,
  headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...init.headers },
  body: init.json === undefined ? init.body : JSON.stringify(init.json),
});

async function expectRateLimited(res: Response, what: RegExp): Promise<void> {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(await res.json()).toEqual({ error: expect.stringMatching(what), code: 'rate-limited', params: { seconds: Number(res.headers.get('retry-after')) } });
}

describe('per-address rate limits with the default settings', () => {
  const fixture = useTestServer();
  const newBoard = { title: 'Workshop', template: 'blank', language: 'en' };

  it('RL1: 60 people joining within a minute from one NAT address all get in', async () => {
    const { url } = fixture.server;
    const board = await createBoard(url);
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => fetch(
      `${url}/api/boards/${board.id}/join`,
      from('198.51.100.7', { json: { token: board.tokens.participant, name: `Person ${i}`, department: 'sales' } }),
    )));
    expect(answers.map((r) => r.status)).toEqual(Array(60).fill(201));
  });

  it('RL2: 200 board creations in a burst from one address are cut off with 429 and Retry-After; another address still creates', async () => {
    const { url } = fixture.server;
    const answers = await Promise.all(Array.from({ length: 200 }, () => fetch(`${url}/api/boards`, from('203.0.113.9', { json: newBoard }))));
    const created = answers.filter((r) => r.status === 201).length;
    expect(created).toBeGreaterThanOrEqual(30);
    expect(created).toBeLessThanOrEqual(32); // the burst, plus what refilled while the burst was served
    await expectRateLimited(answers.find((r) => r.status === 429)!, /^too many board creations from your address: try again in \d+ s$/);
    expect((await fetch(`${url}/api/boards`, from('203.0.113.10', { json: newBoard }))).status).toBe(201);
  });

  it('RL4: requests from this machine itself (no proxy header) are not limited: the operator, scripts, benches', async () => {
    const { url } = fixture.server;
    const answers = await Promise.all(Array.from({ length: 40 }, () =>
      fetch(`${url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(newBoard) })));
    expect(answers.map((r) => r.status)).toEqual(Array(40).fill(201));
  });
});

describe('per-address rate limits, set low', () => {
  const fixture = useTestServer({ RESTORES_PER_MINUTE: '2', JOINS_PER_MINUTE: '3', FORM_POSTS_PER_MINUTE: '3' });

  it('RL3: restores, joins, commitment and feedback posts each get 429 past their limit, refused or not', async () => {
    const { url } = fixture.server;
    const board = await createBoard(url);
    const restore = { backup: { format: 'tabella-board', version: 1, board: 'AAAA' } };
    for (let i = 0; i < 2; i++) expect((await fetch(`${url}/api/boards`, from('192.0.2.1', { json: restore }))).status).toBe(400);
    await expectRateLimited(await fetch(`${url}/api/boards`, from('192.0.2.1', { json: restore })), /too many restores/);
    // Creating from a template is another limit.
    expect((await fetch(`${url}/api/boards`, from('192.0.2.1', { json: { title: 'x', template: 'blank', language: 'en' } }))).status).toBe(201);

    const join = { token: 'wrong', name: 'Eve', department: 'sales' };
    for (let i = 0; i < 3; i++) expect((await fetch(`${url}/api/boards/${board.id}/join`, from('192.0.2.2', { json: join }))).status).toBe(401);
    await expectRateLimited(await fetch(`${url}/api/boards/${board.id}/join`, from('192.0.2.2', { json: join })), /too many joins/);

    // Commitments and feedback share one limit (both are the after-workshop forms).
    const post = (kind: string) => fetch(`${url}/api/boards/${board.id}/${kind}`, from('192.0.2.3', { json: {} }));
    expect((await post('commitments')).status).toBe(401);
    expect((await post('feedback')).status).toBe(401);
    expect((await post('feedback')).status).toBe(401);
    await expectRateLimited(await post('commitments'), /too many form posts/);
    await expectRateLimited(await post('feedback'), /too many form posts/);
  });
});
