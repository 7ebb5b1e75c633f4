import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_REFUSED, CLOSE } from '../../shared/src/index.js';
import type { BoardStore } from '../../server/src/store/board-store.js';
import { SqliteBoardStore } from '../../server/src/store/sqlite-store.js';
import { createBoard, joinBoard } from '../support/clients.js';
import { startTestServer } from '../support/in-process-server.js';
import { rawSocket } from '../support/raw-socket.js';

/**
 * "A wrong token is refused without revealing whether the board exists"
 * (issue 6, which supersedes issue 2's 404 for unknown boards). For every route
 * and socket that takes a board id and a credential, an unknown board and a
 * missing or wrong token get byte-identical answers, and the server does the
 * same work for both.
 */

/** Records which store methods are called while `recording` is on. */
function recordingStore(inner: BoardStore): BoardStore & { calls: string[]; recording: boolean } {
  const state = { calls: [] as string[], recording: false };
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'calls') return state.calls;
      if (prop === 'recording') return state.recording;
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (state.recording) state.calls.push(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
    set(_target, prop, value) {
      if (prop !== 'recording') return false;
      state.recording = value as boolean;
      return true;
    },
  }) as BoardStore & { calls: string[]; recording: boolean };
}

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
const store = recordingStore(new SqliteBoardStore(join(mkdtempSync(join(tmpdir(), 'tabella-refusal-')), 'tabella.sqlite')));
/** A board that exists, a facilitator of it, and a board id that does not exist. */
let board: Awaited<ReturnType<typeof createBoard>>;
let facilitator: Awaited<ReturnType<typeof joinBoard>>;
const UNKNOWN = 'Zq7UnknownBoard0';
const WRONG = 'W'.repeat(43);

beforeAll(async () => {
  server = await startTestServer({}, { store });
  board = await createBoard(server.url);
  facilitator = await joinBoard(server.url, board.id, board.tokens.facilitator, 'Fabia', 'sales');
});
afterAll(async () => {
  await server.close();
});

interface Route {
  method: string;
  path: string;
  body?: unknown;
  /** The route reads its token from the body (join), not from the header. */
  tokenInBody?: boolean;
}

/** Every API route that takes a board id (`:id` is filled in per request). */
const routes = (): Route[] => [
  { method: 'GET', path: '' },
  { method: 'POST', path: '/join', body: { name: 'Mallory', department: '' }, tokenInBody: true },
  { method: 'POST', path: '/links/participant' },
  { method: 'GET', path: '/members' },
  { method: 'PATCH', path: '/members/me', body: { name: 'Mallory' } },
  { method: 'PATCH', path: `/members/${facilitator.memberId}`, body: { role: 'viewer' } },
  { method: 'DELETE', path: `/members/${facilitator.memberId}` },
  { method: 'POST', path: '/follow-up-links/commitment' },
  { method: 'POST', path: '/follow-up-links/feedback' },
  { method: 'GET', path: '/form' },
  { method: 'POST', path: '/commitments', body: { stageId: 'stage0000001', department: 'sales', text: 'x' } },
  { method: 'POST', path: '/feedback', body: { stageId: 'stage0000001', outcome: 'worked' } },
  { method: 'POST', path: '/versions', body: { name: 'Day 1' } },
  { method: 'GET', path: '/versions' },
  { method: 'POST', path: '/versions/version00001/copy' },
  ...['roadmap.pdf', 'roadmap.md', 'roadmap.csv', 'board.json', 'feedback.csv'].map((file) => ({ method: 'GET', path: `/export/${file}` })),
];

/** The whole answer as the caller sees it: status, headers (but the date) and the body's bytes. */
async function answer(route: Route, boardId: string, token: string | undefined) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined && !route.tokenInBody) headers.authorization = `Bearer ${token}`;
  const body = route.tokenInBody ? { ...(route.body as object), token: token ?? '' } : route.body;
  const res = await fetch(`${server.url}/api/boards/${boardId}${route.path}`, {
    method: route.method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const bytes = Buffer.from(await res.arrayBuffer()).toString('base64');
  const kept = [...res.headers].filter(([name]) => name !== 'date');
  return { status: res.status, headers: kept, bytes };
}

describe('an unknown board and a wrong token are one refusal', () => {
  it('HTTP: every route answers an unknown board exactly as a wrong or missing token', async () => {
    const refusal = Buffer.from(JSON.stringify({ error: ACCESS_REFUSED, code: 'access-refused' })).toString('base64');
    for (const route of routes()) {
      const label = `${route.method} /api/boards/:id${route.path}`;
      const wrong = await answer(route, board.id, WRONG);
      expect(wrong.status, label).toBe(401);
      expect(wrong.bytes, label).toBe(refusal);
      // Someone holding real tokens of one board probes another id; or guesses both.
      const probes = [
        await answer(route, UNKNOWN, board.tokens.facilitator),
        await answer(route, UNKNOWN, board.tokens.participant),
        await answer(route, UNKNOWN, facilitator.session),
        await answer(route, UNKNOWN, WRONG),
      ];
      if (!route.tokenInBody) probes.push(await answer(route, board.id, undefined), await answer(route, UNKNOWN, undefined));
      for (const probe of probes) expect(probe, label).toEqual(wrong);
    }
  });

  it('websocket: the same close code and reason, on the board and on the drafts room', async () => {
    const closeOf = async (path: string) => (await rawSocket(server.url, path)).closed;
    const refused = { code: CLOSE.unauthorized, reason: ACCESS_REFUSED };
    for (const room of ['', '/private']) {
      const closes = [
        await closeOf(`/sync/${board.id}${room}?token=${WRONG}`),
        await closeOf(`/sync/${board.id}${room}`),
        await closeOf(`/sync/${UNKNOWN}${room}?token=${board.tokens.viewer}`),
        await closeOf(`/sync/${UNKNOWN}${room}?token=${facilitator.session}`),
        await closeOf(`/sync/${UNKNOWN}${room}?token=${WRONG}`),
        await closeOf(`/sync/${UNKNOWN}${room}`),
      ];
      expect(closes).toEqual(Array(closes.length).fill(refused));
    }
    // Checking the id's form reveals nothing about which boards exist, so it keeps its own code.
    expect(await closeOf(`/sync/..%2Fetc?token=${WRONG}`)).toEqual({ code: CLOSE.badRequest, reason: 'invalid board id' });
  });

  it('the server does the same work for both: the same store look-ups, in the same order', async () => {
    const lookups = async (boardId: string, token: string) => {
      store.calls.length = 0;
      store.recording = true;
      const res = await fetch(`${server.url}/api/boards/${boardId}?token=${token}`);
      store.recording = false;
      expect(res.status).toBe(401);
      return [...store.calls];
    };
    // A 43-character token goes all the way: links, follow-up links, sessions.
    const wrong = await lookups(board.id, WRONG);
    expect(wrong).toEqual(['getBoard', 'getTokens', 'getFollowUpLinks', 'getMemberBySession']);
    expect(await lookups(UNKNOWN, WRONG)).toEqual(wrong);
    expect(await lookups(UNKNOWN, facilitator.session)).toEqual(wrong);
    // A token of another shape stops after the link tokens, board or no board.
    const short = await lookups(board.id, 'short');
    expect(short).toEqual(['getBoard', 'getTokens']);
    expect(await lookups(UNKNOWN, 'short')).toEqual(short);
  });
});
