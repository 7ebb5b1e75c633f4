import { describe, expect, it, vi } from 'vitest';
import { createBoard } from '../support/clients.js';
import { useTestServer } from '../support/in-process-server.js';
import { rawFrames } from '../support/raw-frames.js';

/**
 * Messages that arrive before a socket is authorized and its board loaded are
 * held and replayed in order; they are bounded in count and in bytes, so an
 * anonymous socket cannot make the server hold 256 messages of up to
 * MAX_MESSAGE_BYTES each while its token is being checked.
 */
const fixture = useTestServer();

describe('before a socket is ready', () => {
  it('more than 4 MiB sent before the board is authorized closes the socket (1008)', async () => {
    const board = await createBoard(fixture.server.url);
    // Hold the token check until the frames are in, as a slow store would.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const store = fixture.server.store;
    const getBoard = store.getBoard.bind(store);
    const spy = vi.spyOn(store, 'getBoard').mockImplementation(async (id) => {
      await held;
      return getBoard(id);
    });
    try {
      const raw = await rawFrames(fixture.server.url, `/sync/${board.id}?token=not-checked-yet`);
      expect(raw.status).toContain('101');
      await vi.waitFor(() => expect(spy).toHaveBeenCalled());
      for (let i = 0; i < 5; i++) raw.frame(2, new Uint8Array(1024 * 1024));
      expect(await raw.closed).toBe(1008);
    } finally {
      release();
      spy.mockRestore();
    }
  });
});
