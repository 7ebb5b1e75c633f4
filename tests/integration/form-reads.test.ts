import { describe, expect, it, vi } from 'vitest';
import { createBoard, joinBoard } from '../support/clients.js';
import { useTestServer } from '../support/in-process-server.js';

const fixture = useTestServer();

describe('reading a form on an idle board (issue 10)', () => {
  it('FR1: GET /api/boards/:id/form loads no room and writes nothing to the store, however often it is read', async () => {
    const { server } = fixture;
    const board = await createBoard(server.url, { title: 'Idle board', template: 'vision-workshop', language: 'en' });
    const { session } = await joinBoard(server.url, board.id, board.tokens.facilitator, 'Fede');
    const res = await fetch(`${server.url}/api/boards/${board.id}/follow-up-links/feedback?token=${session}`, { method: 'POST' });
    const token = new URL(((await res.json()) as { link: string }).link).hash.replace('#token=', '');
    expect(await server.rooms.peek(board.id)).toBeUndefined();

    const writes = (['appendUpdate', 'compact', 'deleteDoc', 'createBoard'] as const).map((m) => vi.spyOn(server.store, m));
    for (let i = 0; i < 5; i++) {
      const form = await fetch(`${server.url}/api/boards/${board.id}/form?token=${token}`);
      expect(form.status).toBe(200);
      expect(await form.json()).toMatchObject({ kind: 'feedback', title: 'Idle board', language: 'en' });
    }
    expect(server.rooms.loadedCount).toBe(0);
    for (const spy of writes) expect(spy).not.toHaveBeenCalled();
    for (const spy of writes) spy.mockRestore();
  });
});
