import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { PEOPLE_PER_TICK, RoomPresence } from '../../server/src/sync/room-presence.js';

/** An awareness update carrying `count` people's cursors (client ids 1..count). */
function cursors(count: number, clock = 1): Uint8Array {
  const source = new awarenessProtocol.Awareness(new Y.Doc());
  const ids: number[] = [];
  for (let id = 1; id <= count; id++) {
    source.states.set(id, { cursor: { x: id, y: clock } });
    source.meta.set(id, { clock, lastUpdated: Date.now() });
    ids.push(id);
  }
  const update = awarenessProtocol.encodeAwarenessUpdate(source, ids);
  source.destroy();
  return update;
}

describe('presence tick', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function presenceOf(people: number) {
    const sent: Uint8Array[] = [];
    const presence = new RoomPresence(new Y.Doc(), { maxPresence: 1_000, tickMs: 50 }, (m) => sent.push(m));
    presence.applyRemote(cursors(people));
    return { presence, sent };
  }

  it(`is tickMs on a board of up to ${PEOPLE_PER_TICK} people`, () => {
    const { presence, sent } = presenceOf(PEOPLE_PER_TICK);
    vi.advanceTimersByTime(49);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(1);
    presence.destroy();
  });

  it('grows in proportion beyond that: 300 people get one message per 150 ms', () => {
    const { presence, sent } = presenceOf(300);
    vi.advanceTimersByTime(149);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(1);
    // The next round of changes waits as long.
    presence.applyRemote(cursors(300, 2));
    vi.advanceTimersByTime(149);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(2);
    presence.destroy();
  });
});
