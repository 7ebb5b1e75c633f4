import * as Y from 'yjs';
import { readBoard } from '../../shared/src/index.js';
import { connectMember, createBoard, type Member } from './clients.js';
import type { TestServer } from './in-process-server.js';
import { rawSocket } from './raw-socket.js';

/**
 * A board with an honest participant (Alice) and one with a modified client
 * (Mallory), for tests that send the raw bytes a hostile client would.
 */
export async function aliceAndMallory(fixture: { readonly server: TestServer; open: { destroy(): void }[] }) {
  const board = await createBoard(fixture.server.url);
  const alice = await connectMember(fixture.server.url, board, 'participant', 'Alice Verdi', 'sales');
  const mallory = await connectMember(fixture.server.url, board, 'participant', 'Mallory Neri', 'support');
  fixture.open.push(alice, mallory);
  await Promise.all([alice.synced, mallory.synced]);
  const stageId = readBoard(alice.doc).segments[0]!.stages[0]!.id;
  return { board, alice, mallory, stageId };
}

/**
 * Makes `change` on a private copy of `member`'s doc, written under
 * `clientID`, and returns just the update it produced. The id is set after
 * loading: Yjs picks a new one for a doc that receives its own id from elsewhere.
 */
export function craft(member: Member, change: (doc: Y.Doc) => void, clientID = member.doc.clientID + 1_000_003): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(member.doc));
  copy.clientID = clientID;
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

/** Sends `update` on a fresh socket with `member`'s session; resolves with how the server closed it. */
export async function sendAs(serverUrl: string, member: Member, boardId: string, update: Uint8Array) {
  const socket = await rawSocket(serverUrl, `/sync/${boardId}?token=${member.session}`);
  socket.sendUpdate(update);
  return socket.closed;
}
