import { describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { JitteredReconnect } from '../../client/src/sync/jitteredReconnect.js';

describe('reconnect backoff with jitter', () => {
  it('spreads each delay over 0.5x-1.5x of a doubling delay capped at 5 s', () => {
    const low = new JitteredReconnect(() => 0);
    const high = new JitteredReconnect(() => 0.999999);
    const fake = { connect: () => undefined } as unknown as WebsocketProvider;
    const close = { code: 1006 } as CloseEvent;
    const lows: number[] = [];
    const highs: number[] = [];
    for (let i = 0; i < 6; i++) {
      lows.push(low.nextDelay());
      highs.push(high.nextDelay());
      expect(low.shouldReconnect(close, fake)).toBe(false); // we reconnect ourselves
      high.shouldReconnect(close, fake);
    }
    low.stop();
    high.stop();
    expect(lows).toEqual([200, 400, 800, 1600, 2500, 2500]);
    expect(highs).toEqual([600, 1200, 2400, 4800, 7500, 7500]);
  });

  it('leaves final refusals (4400-4499) final', () => {
    const r = new JitteredReconnect();
    const fake = { connect: () => { throw new Error('must not reconnect'); } } as unknown as WebsocketProvider;
    expect(r.shouldReconnect({ code: 4403 } as CloseEvent, fake)).toBe(false);
    expect(r.nextDelay()).toBeLessThanOrEqual(600);
  });
});
