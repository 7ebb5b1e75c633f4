import { describe, expect, it } from 'vitest';
import { createBoard, joinBoard } from '../support/clients.js';
import { useTestServer } from '../support/in-process-server.js';

/**
 * Nobody appears under a colleague's name or in a department the board does
 * not have (docs/security.md "Identity"): joining and `PATCH members/me` are
 * checked alike, with a JSON error and a code the client translates.
 */
const fixture = useTestServer();

async function join(boardId: string, token: string, name: string, department: string) {
  const res = await fetch(`${fixture.server.url}/api/boards/${boardId}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, name, department }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function patchMe(boardId: string, session: string, patch: Record<string, string>) {
  const res = await fetch(`${fixture.server.url}/api/boards/${boardId}/members/me`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
    body: JSON.stringify(patch),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const NAME_TAKEN = { error: 'another member of this board already uses this name', code: 'name-taken' };
const UNKNOWN_DEPARTMENT = { error: 'department is not one of this board\'s departments', code: 'unknown-department' };

describe('member names and departments', () => {
  it('refuses a colleague\'s name on join, whatever its case and spacing (409)', async () => {
    const board = await createBoard(fixture.server.url);
    await joinBoard(fixture.server.url, board.id, board.tokens.participant, 'Anna Rossi', 'sales');
    for (const name of ['Anna Rossi', 'anna rossi', '  ANNA   Rossi ', 'Anna\u00a0Rossi']) {
      expect(await join(board.id, board.tokens.participant, name, 'support'), name).toEqual({ status: 409, body: NAME_TAKEN });
      expect(await join(board.id, board.tokens.facilitator, name, 'sales'), name).toEqual({ status: 409, body: NAME_TAKEN });
    }
    expect((await join(board.id, board.tokens.participant, 'Anna Rossi (tablet)', 'sales')).status).toBe(201);
  });

  it('refuses a department key the board does not have on join (400); none is fine', async () => {
    const board = await createBoard(fixture.server.url);
    expect(await join(board.id, board.tokens.participant, 'Bruno', 'astronauts')).toEqual({ status: 400, body: UNKNOWN_DEPARTMENT });
    expect((await join(board.id, board.tokens.participant, 'Bruno', '')).status).toBe(201);
  });

  it('PATCH members/me: refuses another member\'s name and an unknown department, keeps one\'s own name', async () => {
    const board = await createBoard(fixture.server.url);
    await joinBoard(fixture.server.url, board.id, board.tokens.participant, 'Anna Rossi', 'sales');
    const carlo = await joinBoard(fixture.server.url, board.id, board.tokens.participant, 'Carlo', 'support');
    expect(await patchMe(board.id, carlo.session, { name: 'anna  ROSSI' })).toEqual({ status: 409, body: NAME_TAKEN });
    expect(await patchMe(board.id, carlo.session, { department: 'astronauts' })).toEqual({ status: 400, body: UNKNOWN_DEPARTMENT });
    expect(await patchMe(board.id, carlo.session, { name: 'carlo', department: 'sales' })).toMatchObject({
      status: 200, body: { name: 'carlo', department: 'sales' },
    });
    const members = (await (await fetch(`${fixture.server.url}/api/boards/${board.id}/members`, {
      headers: { authorization: `Bearer ${carlo.session}` },
    })).json()) as { members: { name: string; department: string }[] };
    expect(members.members.map((m) => [m.name, m.department])).toEqual([['Anna Rossi', 'sales'], ['carlo', 'sales']]);
  });

  it('two people asking for the same free name at once: one gets it', async () => {
    const board = await createBoard(fixture.server.url);
    const answers = await Promise.all(Array.from({ length: 5 }, () => join(board.id, board.tokens.participant, 'Dora', 'sales')));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });
});
