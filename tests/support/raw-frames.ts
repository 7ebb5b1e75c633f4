import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * A websocket client written by hand on a TCP socket, to send frames no
 * library would produce (reserved bits, bad opcodes, broken UTF-8, endless
 * fragments). Resolves once the server answered the handshake.
 */
export interface RawFrames {
  socket: Socket;
  /** Status line of the handshake answer, e.g. "HTTP/1.1 101 Switching Protocols". */
  status: string;
  /** Sends one frame. `opcode`: 0 continuation, 1 text, 2 binary, 8 close, ...; `rsv`: bits 0-7 (RSV1-3). */
  frame(opcode: number, payload: Uint8Array, options?: { fin?: boolean; rsv?: number }): void;
  /** Resolves with the close code of the server's close frame (1006 when it dropped the connection without one). */
  closed: Promise<number>;
}

export function rawFrames(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<RawFrames> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    let handshakeDone = false;
    let closeCode: number | undefined;
    let resolveClosed: (code: number) => void = () => undefined;
    const closed = new Promise<number>((r) => (resolveClosed = r));
    socket.on('close', () => resolveClosed(closeCode ?? 1006));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!handshakeDone) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString();
        buffer = buffer.subarray(end + 4);
        handshakeDone = true;
        const status = head.split('\r\n')[0] ?? '';
        resolve({ socket, status, frame, closed });
      }
      // Look for a close frame from the server (unmasked): opcode 8, code in the first 2 payload bytes.
      while (buffer.length >= 2) {
        const opcode = buffer[0]! & 0x0f;
        let len = buffer[1]! & 0x7f;
        let offset = 2;
        if (len === 126) {
          if (buffer.length < 4) return;
          len = buffer.readUInt16BE(2);
          offset = 4;
        } else if (len === 127) {
          if (buffer.length < 10) return;
          len = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        if (buffer.length < offset + len) return;
        if (opcode === 8) {
          closeCode = len >= 2 ? buffer.readUInt16BE(offset) : 1005;
          resolveClosed(closeCode);
        }
        buffer = buffer.subarray(offset + len);
      }
    });
    socket.on('connect', () => {
      const key = randomBytes(16).toString('base64');
      const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
      // A `Host` among `headers` (a forged one) replaces the real one.
      const host = Object.keys(headers).some((k) => k.toLowerCase() === 'host') ? '' : `Host: ${url.host}\r\n`;
      socket.write(
        `GET ${path} HTTP/1.1\r\n${host}Upgrade: websocket\r\nConnection: Upgrade\r\n`
          + `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`,
      );
    });
    socket.once('close', () => {
      if (!handshakeDone) reject(new Error('closed during handshake'));
    });

    function frame(opcode: number, payload: Uint8Array, options: { fin?: boolean; rsv?: number } = {}): void {
      const fin = options.fin ?? true;
      const first = (fin ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | (opcode & 0x0f);
      const mask = randomBytes(4);
      let header: Buffer;
      if (payload.length < 126) header = Buffer.from([first, 0x80 | payload.length]);
      else if (payload.length < 65536) {
        header = Buffer.alloc(4);
        header[0] = first;
        header[1] = 0x80 | 126;
        header.writeUInt16BE(payload.length, 2);
      } else {
        header = Buffer.alloc(10);
        header[0] = first;
        header[1] = 0x80 | 127;
        header.writeBigUInt64BE(BigInt(payload.length), 2);
      }
      const masked = Buffer.from(payload);
      for (let i = 0; i < masked.length; i++) masked[i]! ^= mask[i % 4]!;
      if (socket.writable) socket.write(Buffer.concat([header, mask, masked]));
    }
  });
}
