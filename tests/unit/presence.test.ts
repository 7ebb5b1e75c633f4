import { describe, expect, it } from 'vitest';
import { PRESENCE_NAME_MAX, readPresence } from '../../shared/src/index.js';

const valid = {
  user: { id: 'u_1-a', name: 'Giulia', department: 'sales', color: '#1D4ED8', role: 'participant' },
  cursor: { x: 10.5, y: -3 },
};

function withUser(patch: Record<string, unknown>) {
  return { ...valid, user: { ...valid.user, ...patch } };
}

describe('readPresence', () => {
  it('accepts a valid state and copies only known fields', () => {
    const state = readPresence({ ...valid, extra: 1, user: { ...valid.user, token: 'secret' } });
    expect(state).toEqual(valid);
    expect(readPresence(withUser({ department: '', role: 'viewer' }))!.user.department).toBe('');
  });

  it.each([
    ['null', null],
    ['a string', 'hi'],
    ['no user', { cursor: null }],
    ['user null', { user: null, cursor: null }],
    ['missing id', withUser({ id: undefined })],
    ['bad id', withUser({ id: 'a b' })],
    ['numeric id', withUser({ id: 7 })],
    ['long name', withUser({ name: 'x'.repeat(PRESENCE_NAME_MAX + 1) })],
    ['name not a string', withUser({ name: ['x'] })],
    ['bad department', withUser({ department: 'Sales Dept' })],
    ['missing department', withUser({ department: undefined })],
    ['bad colour', withUser({ color: 'red' })],
    ['short colour', withUser({ color: '#fff' })],
    ['unknown role', withUser({ role: 'admin' })],
    ['missing role', withUser({ role: undefined })],
  ])('rejects %s', (_label, state) => {
    expect(readPresence(state)).toBeUndefined();
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['strings', { x: '1', y: '2' }],
    ['infinite', { x: Infinity, y: 0 }],
    ['NaN', { x: 0, y: Number.NaN }],
  ])('turns a %s cursor into null', (_label, cursor) => {
    expect(readPresence({ ...valid, cursor })!.cursor).toBeNull();
  });
});
