import { describe, expect, it } from 'vitest';
import { CREATE_KEY_REQUIRED, CREATE_KEY_WRONG } from '../../shared/src/index.js';
import { createBoard } from '../support/clients.js';
import { realisticBoard, restoreBody } from '../support/crafted-backups.js';
import { useTestServer } from '../support/in-process-server.js';

const KEY = 'correct horse battery staple';
const newBoard = { title: 'Workshop', template: 'blank', language: 'en' };

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('CREATE_KEY', () => {
  const fixture = useTestServer({ CREATE_KEY: KEY });

  it('CK1: creating a board needs the key, in the X-Create-Key header or the createKey field', async () => {
    const { url } = fixture.server;
    const none = await post(url, newBoard);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: expect.stringMatching(/create key/), code: CREATE_KEY_REQUIRED });
    const wrong = await post(url, newBoard, { 'x-create-key': 'guess' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ error: 'wrong create key', code: CREATE_KEY_WRONG });
    expect((await post(url, { ...newBoard, createKey: 'guess' })).status).toBe(403);
    expect((await post(url, newBoard, { 'x-create-key': KEY })).status).toBe(201);
    expect((await post(url, { ...newBoard, createKey: KEY })).status).toBe(201);
  });

  it('CK2: restoring needs it too, for small uploads and for large ones read by the restore worker', async () => {
    const { url } = fixture.server;
    const small = JSON.parse(restoreBody(realisticBoard(3))) as Record<string, unknown>;
    expect((await post(url, small)).status).toBe(401);
    expect((await post(url, small, { 'x-create-key': KEY })).status).toBe(201);
    // Over 64 KiB the body is parsed only by the worker, which hands back the field for checking.
    const large = JSON.parse(restoreBody(realisticBoard(300))) as Record<string, unknown>;
    expect(JSON.stringify(large).length).toBeGreaterThan(64 * 1024);
    const noKey = await post(url, large);
    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as { code: string }).code).toBe(CREATE_KEY_REQUIRED);
    expect((await post(url, { ...large, createKey: 'guess' })).status).toBe(403);
    expect((await post(url, { ...large, createKey: KEY })).status).toBe(201);
    expect((await post(url, large, { 'x-create-key': 'guess' })).status).toBe(403);
  }, 60_000);

  it('CK3: joining and everything else needs no create key', async () => {
    const { url } = fixture.server;
    const res = await post(url, newBoard, { 'x-create-key': KEY });
    const created = (await res.json()) as { id: string; links: Record<string, string> };
    const token = new URL(created.links.participant!).hash.replace('#token=', '');
    const join = await fetch(`${url}/api/boards/${created.id}/join`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: 'Pia', department: '' }),
    });
    expect(join.status).toBe(201);
  });
});

describe('MIN_FREE_DISK_MB', () => {
  // More than any disk has: the data directory is always "low".
  const fixture = useTestServer({ MIN_FREE_DISK_MB: String(1024 ** 4) });

  it('DQ1: below the minimum free space, creating and restoring answer 507 with a clear message', async () => {
    const { url } = fixture.server;
    for (const body of [newBoard, JSON.parse(restoreBody(realisticBoard(3)))]) {
      const res = await post(url, body);
      expect(res.status).toBe(507);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/running out of disk space.*MIN_FREE_DISK_MB/), code: 'low-disk' });
    }
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});

describe('MIN_FREE_DISK_MB default', () => {
  const fixture = useTestServer();
  it('DQ2: with the default minimum (256 MiB) boards are created', async () => {
    await expect(createBoard(fixture.server.url)).resolves.toMatchObject({ id: expect.any(String) });
  });
});
