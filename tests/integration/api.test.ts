import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_PATTERN } from '../../shared/src/index.js';
import { createBoard } from '../support/clients.js';
import { startTestServer } from '../support/in-process-server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'tabella-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tabella test shell</title>');
  server = await startTestServer({ STATIC_DIR: staticDir });
});
afterAll(() => server.close());

const post = (body: unknown, raw?: string) =>
  fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  });

describe('POST /api/boards', () => {
  it('creates a board and returns three links whose tokens are unguessable and distinct', async () => {
    const res = await post({ title: '  Workshop di visione ', template: 'vision-workshop', language: 'it' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; links: Record<string, string> };
    expect(Object.keys(body.links).sort()).toEqual(['facilitator', 'participant', 'viewer']);
    const tokens = Object.values(body.links).map((link) => {
      const url = new URL(link);
      expect(url.origin).toBe(server.url);
      expect(url.pathname).toBe(`/b/${body.id}`);
      return url.hash.replace('#token=', '');
    });
    for (const token of tokens) expect(token).toMatch(TOKEN_PATTERN); // 43 base64url chars = 256 bits
    expect(new Set(tokens).size).toBe(3);
    const info = await fetch(`${server.url}/api/boards/${body.id}?token=${tokens[0]}`);
    const infoBody = (await info.json()) as { departments: { key: string; name: string }[] };
    expect(infoBody).toMatchObject({ id: body.id, title: 'Workshop di visione', language: 'it', role: 'facilitator' });
    // The join form can offer the departments before joining, in the board's language.
    expect(infoBody.departments).toHaveLength(10);
    expect(infoBody.departments[0]).toEqual({ key: 'sales', name: 'Vendite', color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
  });

  it('stores tokens hashed, never in clear', async () => {
    const board = await createBoard(server.url);
    const rows = await server.store.getTokens(board.id);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(Buffer.from(row.hash).toString('base64url')).not.toBe(board.tokens[row.role]);
      expect(row.hash.byteLength).toBe(32);
    }
  });

  it.each([
    [{ title: '', template: 'blank', language: 'en' }, 'title'],
    [{ title: 'x'.repeat(121), template: 'blank', language: 'en' }, 'title'],
    [{ title: 'ok', template: 'kanban', language: 'en' }, 'template'],
    [{ title: 'ok', template: 'blank', language: 'fr' }, 'language'],
    [{ title: 'ok', template: 'blank', language: 'en', phase: 'vote' }, 'phase'],
    [{}, 'title'],
    [[1, 2], 'body'],
  ])('refuses %j with 400 and a message naming %s', async (body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: string };
    expect(json.error).toContain(field);
  });

  it('answers malformed JSON and huge bodies with JSON errors', async () => {
    const bad = await post(undefined, '{"title": ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'request body is not valid JSON', code: 'invalid-request' });
    const board = await createBoard(server.url);
    const huge = await fetch(`${server.url}/api/boards/${board.id}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: board.tokens.participant, name: 'x'.repeat(2 * 1024 * 1024), department: '' }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ error: 'request body too large', code: 'body-too-large' });
  });
});

describe('GET /api/boards/:id', () => {
  it('tells each token its role', async () => {
    const board = await createBoard(server.url, { title: 'Roles', template: 'blank', language: 'en' });
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      const res = await fetch(`${server.url}/api/boards/${board.id}?token=${board.tokens[role]}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id: board.id, title: 'Roles', language: 'en', role, departments: [] });
    }
  });

  it('one 401 for an unknown board and for a missing or wrong token; 400 for a bad id', async () => {
    // Issue 6 supersedes issue 2's 404/401 split: a refusal must not tell whether the board exists.
    const board = await createBoard(server.url);
    const refused = { error: 'invalid token or unknown board', code: 'access-refused' };
    const unknown = await fetch(`${server.url}/api/boards/ZZZZZZZZZZZZZZZZ?token=${board.tokens.viewer}`);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(refused);
    const missing = await fetch(`${server.url}/api/boards/${board.id}`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual(refused);
    const wrong = await fetch(`${server.url}/api/boards/${board.id}?token=${'B'.repeat(43)}`);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(refused);
    const badId = await fetch(`${server.url}/api/boards/..%2F..%2Fetc?token=x`);
    expect(badId.status).toBe(400);
    expect(await badId.json()).toEqual({ error: 'invalid board id', code: 'invalid-board-id' });
  });

  it('reports the live title when the board is open', async () => {
    const { connectMember } = await import('../support/clients.js');
    const board = await createBoard(server.url, { title: 'Before', template: 'blank', language: 'en' });
    const c = await connectMember(server.url, board, 'facilitator', 'F', '');
    await c.synced;
    c.doc.getMap('meta').set('title', 'After');
    const { vi } = await import('vitest');
    await vi.waitFor(async () => {
      const res = await fetch(`${server.url}/api/boards/${board.id}?token=${board.tokens.viewer}`);
      expect(((await res.json()) as { title: string }).title).toBe('After');
    });
    c.destroy();
  });
});

describe('HTTP basics', () => {
  it('GET /healthz answers 200', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it('serves the client for / and /b/<id> with security headers', async () => {
    for (const path of ['/', '/b/abcdefabcdef12']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Tabella test shell');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('unknown API paths get a JSON 404', async () => {
    const res = await fetch(`${server.url}/api/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no such API endpoint', code: 'no-such-endpoint' });
  });
});
