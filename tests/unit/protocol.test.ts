import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import {
  CLOSE, MESSAGE, draftsRoom, encodeSaved, encodeStorage, isFinalClose, parseRoom, readSaved, readStorage,
} from '../../shared/src/index.js';

/** Reads a frame as the client's provider does: its type, then the body with `read`. */
function frame<T>(bytes: Uint8Array, read: (d: decoding.Decoder) => T): { type: number; body: T; rest: number } {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  return { type, body: read(decoder), rest: bytes.byteLength - decoder.pos };
}

describe('acknowledgement messages (docs/protocol.md, "Saved and storage messages")', () => {
  it('saved (100) carries every client id with its clock, and nothing else', () => {
    const clocks = new Map([[1, 0], [2 ** 32 + 7, 123_456], [42, 1]]);
    expect(frame(encodeSaved(clocks), readSaved)).toEqual({ type: 100, body: clocks, rest: 0 });
    expect(MESSAGE.saved).toBe(100);
  });

  it('storage (101) says 1 while failing and 0 once over', () => {
    expect(frame(encodeStorage(true), readStorage)).toEqual({ type: 101, body: true, rest: 0 });
    expect(frame(encodeStorage(false), readStorage)).toEqual({ type: 101, body: false, rest: 0 });
    expect([...encodeStorage(true)]).toEqual([101, 1]);
  });
});

describe('close codes', () => {
  it('4400-4499 are final (the stock provider stops), the others transient', () => {
    for (const code of [CLOSE.badRequest, CLOSE.unauthorized, CLOSE.forbidden, CLOSE.tooLarge, CLOSE.malformed]) {
      expect(isFinalClose(code)).toBe(true);
    }
    for (const code of [CLOSE.reconnect, CLOSE.goingAway, CLOSE.internalError, CLOSE.tryAgainLater, 1006, 4399, 4500]) {
      expect(isFinalClose(code)).toBe(false);
    }
  });
});

describe('sync rooms', () => {
  const id = 'abcdefghijkl';
  it('reads back the board and drafts rooms the client opens', () => {
    expect(parseRoom(id)).toEqual({ boardId: id, drafts: false });
    expect(parseRoom(draftsRoom(id))).toEqual({ boardId: id, drafts: true });
  });

  it('names nothing else', () => {
    for (const room of ['', 'short', `${id}/`, `${id}/public`, `${id}/private/x`, `${id}/private/`, `../${id}`]) {
      expect(parseRoom(room)).toBeUndefined();
    }
  });
});
