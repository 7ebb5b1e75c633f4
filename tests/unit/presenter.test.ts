import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { presenterOf } from '../../client/src/board-screen/usePresentation.js';

const view = { x: 100, y: 200, scale: 0.5 };

/** An awareness holding the given remote states (client ids 1, 2, …), seen from our own client. */
function room(states: object[]): Awareness {
  const awareness = new Awareness(new Y.Doc());
  states.forEach((s, i) => awareness.states.set(1000 + i, s));
  return awareness;
}
const person = (id: string, role: string, withView = true) => ({
  user: { id, name: `Name ${id}`, role }, ...(withView ? { viewport: view } : {}),
});

describe('whom a presenting screen follows', () => {
  it('a viewer on the projector follows the facilitator who last brought everyone, else any facilitator', () => {
    const a = room([person('p1', 'participant'), person('f1', 'facilitator'), person('f2', 'facilitator')]);
    expect(presenterOf(a, { id: 'v', facilitator: false }, 'f2')).toEqual({ id: 'f2', name: 'Name f2' });
    expect(presenterOf(a, { id: 'v', facilitator: false }, undefined)).toEqual({ id: 'f1', name: 'Name f1' });
  });

  it('never a participant, nor someone who publishes no view', () => {
    const a = room([person('p1', 'participant'), person('f1', 'facilitator', false)]);
    expect(presenterOf(a, { id: 'v', facilitator: false }, 'f1')).toBeUndefined();
  });

  it('a facilitator presenting follows their own other tab, and drives alone otherwise', () => {
    const other = room([person('f2', 'facilitator'), person('f1', 'facilitator')]);
    expect(presenterOf(other, { id: 'f1', facilitator: true }, 'f2')).toEqual({ id: 'f1', name: 'Name f1' });
    const alone = room([person('f2', 'facilitator')]);
    expect(presenterOf(alone, { id: 'f1', facilitator: true }, 'f2')).toBeUndefined();
  });
});
