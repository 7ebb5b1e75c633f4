import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';

/**
 * A bare websocket speaking the y-websocket wire format by hand, for sending
 * exactly the bytes a modified client would send.
 */
export interface RawSocket {
  ws: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
  sendUpdate(update: Uint8Array): void;
  sendAwareness(update: Uint8Array): void;
  close(): void;
}

export async function rawSocket(baseUrl: string, path: string): Promise<RawSocket> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`);
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => reject(new Error('closed before open')));
  });
  const frame = (type: number, sub: number | undefined, payload: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    if (sub !== undefined) encoding.writeVarUint(encoder, sub);
    encoding.writeVarUint8Array(encoder, payload);
    return encoding.toUint8Array(encoder);
  };
  return {
    ws,
    closed,
    sendUpdate: (update) => ws.send(frame(0, 2, update)),
    sendAwareness: (update) => ws.send(frame(1, undefined, update)),
    close: () => ws.close(),
  };
}
