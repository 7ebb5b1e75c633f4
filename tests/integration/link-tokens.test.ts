import { describe, expect, it, vi } from 'vitest';
import { CLOSE } from '../../shared/src/index.js';
import { connect, createBoard, joinBoard } from '../support/clients.js';
import { useTestServer } from '../support/in-process-server.js';

/**
 * Link tokens are shared, so they only let people join and read what a viewer
 * could; every write is made by a personal session (docs/security.md
 * "Identity"). The facilitator link, above all, acts on nothing over HTTP.
 */
const fixture = useTestServer();
const JOIN_FIRST = 'join first: a shared link only lets people join (POST /api/boards/:id/join), then act with the personal session';

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${fixture.server.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.startsWith('application/json');
  return { status: res.status, body: json ? (JSON.parse(text) as unknown) : text };
}

async function workshop() {
  const board = await createBoard(fixture.server.url);
  const facilitator = await joinBoard(fixture.server.url, board.id, board.tokens.facilitator, 'Fabia', 'sales');
  const pia = await joinBoard(fixture.server.url, board.id, board.tokens.participant, 'Pia', 'support');
  const form = (await call('GET', `/boards/${board.id}/form`, facilitator.session)).body as {
    segments: { stages: { id: string }[] }[];
  };
  const stageId = form.segments[0]!.stages[0]!.id;
  const version = (await call('POST', `/boards/${board.id}/versions`, facilitator.session, { name: 'day 1' })).body as { id: string };
  return { board, facilitator, pia, stageId, versionId: version.id };
}

describe('the facilitator link only lets people join', () => {
  it('every facilitator action is refused with the link (403 join first) and changes nothing; the same with a session works', async () => {
    const { board, facilitator, pia, stageId, versionId } = await workshop();
    const id = board.id;
    const actions: [string, string, unknown?][] = [
      ['POST', `/boards/${id}/links/participant`],
      ['PATCH', `/boards/${id}/members/${pia.memberId}`, { role: 'viewer' }],
      ['POST', `/boards/${id}/follow-up-links/commitment`],
      ['POST', `/boards/${id}/versions`, { name: 'by link' }],
      ['GET', `/boards/${id}/versions`],
      ['POST', `/boards/${id}/versions/${versionId}/copy`],
      ['DELETE', `/boards/${id}/members/${pia.memberId}`],
    ];
    for (const [method, path, body] of actions) {
      expect(await call(method, path, board.tokens.facilitator, body), `${method} ${path}`).toEqual({ status: 403, body: { error: JOIN_FIRST, code: 'join-first' } });
    }
    expect(await call('POST', `/boards/${id}/commitments`, board.tokens.facilitator, { stageId, department: 'sales', text: 'We help' }))
      .toEqual({ status: 403, body: { error: 'this link cannot record commitments', code: 'wrong-form-link' } });
    expect(await call('POST', `/boards/${id}/feedback`, board.tokens.facilitator, { stageId, outcome: 'worked' }))
      .toEqual({ status: 403, body: { error: 'this link cannot send feedback', code: 'wrong-form-link' } });
    expect((await call('PATCH', `/boards/${id}/members/me`, board.tokens.facilitator, { name: 'Nobody' })).status).toBe(400);

    // Nothing changed: the participant link still admits, Pia is still a participant, one version.
    expect((await joinBoard(fixture.server.url, id, board.tokens.participant, 'Quinto')).role).toBe('participant');
    const members = (await call('GET', `/boards/${id}/members`, facilitator.session)).body as { members: { name: string; role: string; removed: boolean }[] };
    expect(members.members.find((m) => m.name === 'Pia')).toMatchObject({ role: 'participant', removed: false });
    expect(((await call('GET', `/boards/${id}/versions`, facilitator.session)).body as { versions: unknown[] }).versions).toHaveLength(1);

    // The same actions in person work.
    const statuses = [];
    for (const [method, path, body] of actions) statuses.push((await call(method, path, facilitator.session, body)).status);
    expect(statuses).toEqual([201, 200, 201, 201, 200, 201, 204]);
    expect((await call('POST', `/boards/${id}/commitments`, facilitator.session, { stageId, department: 'sales', text: 'We help' })).status).toBe(201);
    expect((await call('POST', `/boards/${id}/feedback`, facilitator.session, { stageId, outcome: 'worked' })).status).toBe(201);
  });

  it('the links still read what a viewer could: board info, members, the form, exports', async () => {
    const { board } = await workshop();
    for (const token of [board.tokens.facilitator, board.tokens.participant, board.tokens.viewer]) {
      for (const path of ['', '/members', '/form', '/export/roadmap.md']) {
        expect((await call('GET', `/boards/${board.id}${path}`, token)).status, path).toBe(200);
      }
    }
  });
});

describe('a replaced link', () => {
  it('closes the sockets opened with it (4401) and admits the new one; a member\'s socket stays', async () => {
    const { board, facilitator } = await workshop();
    const viewer = connect(fixture.server.url, board.id, board.tokens.viewer);
    const member = connect(fixture.server.url, board.id, facilitator.session);
    fixture.open.push(viewer, member);
    await Promise.all([viewer.synced, member.synced]);
    const res = await call('POST', `/boards/${board.id}/links/viewer`, facilitator.session);
    expect(res.status).toBe(201);
    await vi.waitFor(() => expect(viewer.closes).toEqual([{ code: CLOSE.unauthorized, reason: 'this link was replaced: ask the facilitator for the new one' }]));
    const fresh = connect(fixture.server.url, board.id, new URL((res.body as { link: string }).link).hash.replace('#token=', ''));
    fixture.open.push(fresh);
    await fresh.synced;
    expect(member.closes).toEqual([]);
    expect(member.provider.wsconnected).toBe(true);
  });
});
