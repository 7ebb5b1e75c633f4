import { describe, expect, it } from 'vitest';
import { decodeBusMessage, encodeBusMessage, type BusMessage } from '../../server/src/cluster/bus-messages.js';
import { seededRandom } from '../support/random.js';

const samples: BusMessage[] = [
  { kind: 'update', node: 'node-a', doc: '', seq: 123_456, owners: [[42, 'member1'], [7, 'm2']], update: new Uint8Array([1, 2, 3]) },
  { kind: 'update', node: 'b', doc: 'private/m1', seq: 1, owners: [], update: new Uint8Array() },
  { kind: 'presence', node: 'b', doc: '', update: new Uint8Array([9, 9]) },
  { kind: 'presence-query', node: 'c', doc: 'private/x' },
  { kind: 'access', node: 'd' },
];

describe('bus messages', () => {
  it('round-trip every kind', () => {
    for (const message of samples) expect(decodeBusMessage(encodeBusMessage(message))).toEqual(message);
  });

  it('a truncated, corrupted or random message decodes to undefined or a message, never throws (seeded)', () => {
    const rnd = seededRandom(11);
    for (const message of samples) {
      const bytes = encodeBusMessage(message);
      for (let cut = 0; cut < bytes.length; cut++) expect(() => decodeBusMessage(bytes.slice(0, cut))).not.toThrow();
      for (let i = 0; i < 500; i++) {
        const copy = bytes.slice();
        copy[Math.floor(rnd() * copy.length)] = Math.floor(rnd() * 256);
        expect(() => decodeBusMessage(copy)).not.toThrow();
      }
    }
    for (let i = 0; i < 2_000; i++) {
      const random = Uint8Array.from({ length: Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256));
      expect(() => decodeBusMessage(random)).not.toThrow();
    }
  });

  it('another version is ignored', () => {
    const bytes = encodeBusMessage(samples[4]!);
    bytes[0] = 2;
    expect(decodeBusMessage(bytes)).toBeUndefined();
  });
});
