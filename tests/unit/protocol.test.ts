import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import {
  CLOSE, JOIN_CODE_ALPHABET, MESSAGE, draftsRoom, encodeSaved, encodeStorage, formatJoinCode, isFinalClose, joinCodeUrl,
  normalizeJoinCode, parseRoom, readSaved, readStorage,
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

describe('join codes (docs/protocol.md, "Join codes")', () => {
  it('the alphabet has no look-alikes: 31 symbols without 0, O, 1, I, L', () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(31);
    for (const ch of '0O1IL') expect(JOIN_CODE_ALPHABET).not.toContain(ch);
  });

  it('typed codes are read whatever their case, spaces and hyphens; anything else is not a code', () => {
    for (const typed of ['K7R-4QX', 'k7r4qx', ' k7r 4qx ', 'K7R--4QX', 'k-7-r-4-q-x']) expect(normalizeJoinCode(typed)).toBe('K7R4QX');
    for (const typed of ['', 'K7R4Q', 'K7R4QXX', 'K7R-4Q0', 'O7R4QX', 'K7R_4QX', 'K7R4Qé']) expect(normalizeJoinCode(typed)).toBeUndefined();
  });

  it('codes are shown in two halves, and the join page holds them in its query', () => {
    expect(formatJoinCode('K7R4QX')).toBe('K7R-4QX');
    expect(joinCodeUrl('http://192.168.1.20:8080', 'K7R-4QX')).toBe('http://192.168.1.20:8080/join?code=K7R-4QX');
  });
});
