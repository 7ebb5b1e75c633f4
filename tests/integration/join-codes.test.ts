import { describe, expect, it } from 'vitest';
import {
  JOIN_CODE_ALPHABET, autoAssignGroups, normalizeJoinCode, readBoard, systemOrigin, type JoinCodeJoinResponse, type JoinCodeLookupResponse, type JoinCodeState,
} from '../../shared/src/index.js';
import { createBoard, joinBoard } from '../support/clients.js';
import { startTestServer, storedDoc, useTestServer } from '../support/in-process-server.js';

/** The server trusts X-Forwarded-For from loopback (a local proxy): each test speaks from its own address. */
const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
});
const bearer = (session: string) => ({ authorization: `Bearer ${session}` });
const from = (address: string) => ({ 'x-forwarded-for': address });

async function facilitatorBoard(url: string) {
  const board = await createBoard(url);
  const { session } = await joinBoard(url, board.id, board.tokens.facilitator, 'Fay', 'sales');
  return { board, session };
}

async function newCode(url: string, boardId: string, session: string): Promise<JoinCodeState> {
  const res = await fetch(`${url}/api/boards/${boardId}/join-code`, json('POST', {}, bearer(session)));
  expect(res.status).toBe(201);
  return (await res.json()) as JoinCodeState;
}

const setOpen = (url: string, boardId: string, session: string, open: boolean) =>
  fetch(`${url}/api/boards/${boardId}/join-code`, json('PATCH', { open }, bearer(session)));
const lookup = (url: string, code: string, address = '198.51.100.1') =>
  fetch(`${url}/api/join-codes/lookup`, json('POST', { code }, from(address)));
const joinWithCode = (url: string, code: string, name: string, address = '198.51.100.1', department = 'sales') =>
  fetch(`${url}/api/join-codes/join`, json('POST', { code, name, department }, from(address)));

describe('join codes', () => {
  const fixture = useTestServer({ JOIN_CODE_FAILURES_PER_MINUTE: '10' });

  it('JC1: a facilitator issues a code; typed in any case with or without the hyphen it joins as a participant', async () => {
    const { url } = fixture.server;
    const { board, session } = await facilitatorBoard(url);
    const state = await newCode(url, board.id, session);
    expect(state.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{3}-[${JOIN_CODE_ALPHABET}]{3}$`));
    expect(state).toMatchObject({ open: true, address: url });
    const typed = ` ${state.code!.replace('-', ' ').toLowerCase()} `;
    const found = await lookup(url, typed);
    expect(found.status).toBe(200);
    expect((await found.json()) as JoinCodeLookupResponse).toMatchObject({
      id: board.id, title: 'Test workshop', language: 'en', departments: expect.arrayContaining([expect.objectContaining({ key: 'sales' })]),
    });
    const res = await joinWithCode(url, state.code!.replace('-', '').toLowerCase(), 'Ada');
    expect(res.status).toBe(201);
    const joined = (await res.json()) as JoinCodeJoinResponse;
    expect(joined).toMatchObject({ boardId: board.id, role: 'participant' });
    // The session is a member's, exactly like one from the participant link.
    const info = await (await fetch(`${url}/api/boards/${board.id}`, { headers: bearer(joined.session) })).json() as Record<string, unknown>;
    expect(info).toMatchObject({ role: 'participant', memberId: joined.memberId, name: 'Ada', department: 'sales' });
    // The same checks as a link join: a name is taken once.
    const again = await joinWithCode(url, state.code!, 'ada');
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'name-taken' });
  });

  it('JC2: a wrong code is a 404 that says so; malformed input is refused the same way', async () => {
    const { url } = fixture.server;
    const { board, session } = await facilitatorBoard(url);
    const { code } = await newCode(url, board.id, session);
    const other = code!.replace(/^./, (c) => (c === '2' ? '3' : '2'));
    for (const wrong of [other, 'K7R', 'O0O-1IL']) {
      const res = await lookup(url, wrong, '198.51.100.2');
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ code: 'join-code-unknown', error: 'no workshop has this join code: check it on the screen' });
    }
  });

  it('JC3: closing joining refuses the code with its own message while the participant link still works; reopening restores it', async () => {
    const { url } = fixture.server;
    const { board, session } = await facilitatorBoard(url);
    const { code } = await newCode(url, board.id, session);
    const closed = await setOpen(url, board.id, session, false);
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ code, open: false });
    for (const res of [await lookup(url, code!, '198.51.100.3'), await joinWithCode(url, code!, 'Bea', '198.51.100.3')]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ code: 'joining-closed', error: 'joining with this code is closed: ask the facilitator' });
    }
    expect((await joinBoard(url, board.id, board.tokens.participant, 'Bea', 'sales')).role).toBe('participant');
    // Others who can open the board no longer see a closed code; the facilitator does.
    const asViewer = await (await fetch(`${url}/api/boards/${board.id}/join-code?token=${board.tokens.viewer}`)).json() as JoinCodeState;
    expect(asViewer).toMatchObject({ code: null, open: false });
    expect(await setOpen(url, board.id, session, true).then((r) => r.json())).toMatchObject({ code, open: true });
    expect((await joinWithCode(url, code!, 'Cy', '198.51.100.3')).status).toBe(201);
  });

  it('JC4: a new code replaces the old one, which then finds nothing', async () => {
    const { url } = fixture.server;
    const { board, session } = await facilitatorBoard(url);
    const first = await newCode(url, board.id, session);
    const second = await newCode(url, board.id, session);
    expect(second.code).not.toBe(first.code);
    expect((await lookup(url, first.code!, '198.51.100.4')).status).toBe(404);
    expect((await lookup(url, second.code!, '198.51.100.4')).status).toBe(200);
    const read = await (await fetch(`${url}/api/boards/${board.id}/join-code`, { headers: bearer(session) })).json() as JoinCodeState;
    expect(read).toMatchObject({ code: second.code, open: true });
  });

  it('JC5: only a facilitator in person issues, closes and reopens; links, participants and strangers are refused', async () => {
    const { url } = fixture.server;
    const { board, session } = await facilitatorBoard(url);
    const { code } = await newCode(url, board.id, session);
    const participant = await joinBoard(url, board.id, board.tokens.participant, 'Pat', 'sales');
    const attempts: [Record<string, string>, number][] = [
      [bearer(participant.session), 403], [bearer(board.tokens.participant), 403], [bearer(board.tokens.facilitator), 403], [{}, 401],
    ];
    for (const [headers, status] of attempts) {
      expect((await fetch(`${url}/api/boards/${board.id}/join-code`, json('POST', {}, headers))).status).toBe(status);
      expect((await fetch(`${url}/api/boards/${board.id}/join-code`, json('PATCH', { open: false }, headers))).status).toBe(status);
    }
    expect((await fetch(`${url}/api/boards/${board.id}/join-code`)).status).toBe(401);
    const read = await (await fetch(`${url}/api/boards/${board.id}/join-code`, { headers: bearer(participant.session) })).json() as JoinCodeState;
    expect(read).toMatchObject({ code, open: true });
    expect((await setOpen(url, board.id, session, 'no' as unknown as boolean)).status).toBe(400);
  });

  it('JC6: wrong codes from one address hit 429 with Retry-After after the burst, even for the right code; others are not affected', async () => {
    const { url } = fixture.server;
    const { board, session } = await facilitatorBoard(url);
    const { code } = await newCode(url, board.id, session);
    // Right codes cost nothing: a room behind one NAT address can all type theirs.
    for (let i = 0; i < 15; i++) expect((await lookup(url, code!, '203.0.113.50')).status).toBe(200);
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => lookup(url, `ZZZ-ZZ${JOIN_CODE_ALPHABET[i]}`, '203.0.113.50')));
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 404).length).toBe(10);
    expect(statuses.filter((s) => s === 429).length).toBe(2);
    const refused = await lookup(url, code!, '203.0.113.50');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ code: 'rate-limited', error: expect.stringMatching(/^too many wrong join codes from your address/) });
    expect((await joinWithCode(url, code!, 'Late', '203.0.113.50')).status).toBe(429);
    expect((await lookup(url, code!, '203.0.113.51')).status).toBe(200);
  });

  it('JC8: once breakout groups are made, someone joining by code (or link) goes to the smallest group', async () => {
    const { server } = fixture;
    const { board, session } = await facilitatorBoard(server.url);
    const { code } = await newCode(server.url, board.id, session);
    const early = await Promise.all(['A1', 'A2', 'A3', 'A4'].map((name) => joinBoard(server.url, board.id, board.tokens.participant, name, 'sales')));
    const segments = await server.rooms.withRoom(board.id, (room) => {
      autoAssignGroups(room.doc, early.map((m) => m.memberId), systemOrigin('test'));
      return readBoard(room.doc).segments.map((s) => s.id);
    });
    expect(segments).toHaveLength(3); // 2, 1, 1
    const late = (await (await joinWithCode(server.url, code!, 'Late Lia', '198.51.100.8')).json()) as JoinCodeJoinResponse;
    const later = await joinBoard(server.url, board.id, board.tokens.participant, 'Later Leo', 'sales');
    const groups = readBoard(await storedDoc(server, board.id)).groups;
    expect(groups.get(late.memberId)).toBe(segments[1]);
    expect(groups.get(later.memberId)).toBe(segments[2]);
  });
});

describe('a join code after a restart', () => {
  it('JC7: keeps working, and a closed one stays closed', async () => {
    const first = await startTestServer();
    const { board, session } = await facilitatorBoard(first.url);
    const { code } = await newCode(first.url, board.id, session);
    await first.close();
    const second = await startTestServer({ DATA_DIR: first.dataDir });
    try {
      expect(normalizeJoinCode(code!)).toBeDefined();
      const res = await joinWithCode(second.url, code!, 'After restart');
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ boardId: board.id, role: 'participant' });
      expect((await setOpen(second.url, board.id, session, false)).status).toBe(200);
    } finally {
      await second.close();
    }
    const third = await startTestServer({ DATA_DIR: first.dataDir });
    try {
      expect((await lookup(third.url, code!)).status).toBe(403);
    } finally {
      await third.close();
    }
  });
});
