import { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { roots } from '../../shared/src/index.js';
import { now } from './clock.js';
import type { LatencySink } from './latency.js';

// Every stock provider adds a process 'exit' listener; the bench opens hundreds.
process.setMaxListeners(2000);

/** Where a simulated person connects: Tabella (board + session) or the reference (room name). */
export interface Endpoint {
  kind: 'tabella' | 'reference';
  /** http://127.0.0.1:port */
  baseUrl: string;
  /** Board id (Tabella) or room name (reference). */
  room: string;
  /** Tabella session or viewer link token; unused by the reference. */
  token?: string;
}

/** Who the simulated person is: the author stamp of their notes and their presence. */
export interface Identity {
  id: string;
  name: string;
  department: string;
}

/** One simulated person's connection, whatever client drives it. */
export interface BenchClient {
  readonly index: number;
  readonly doc: Y.Doc;
  readonly identity: Identity;
  readonly synced: Promise<void>;
  readonly isSynced: boolean;
  /** Size of the sync answer (step 2) received, bytes. */
  readonly syncBytes: number;
  /** Close events seen (code, reason); a 4403 means the server refused a change. */
  readonly closes: { code: number; reason: string }[];
  setCursor(x: number, y: number): void;
  /**
   * Lean clients only: from now on, incoming updates are not applied but
   * searched for edit markers (see leanClient). Scenario 2's 600 people.
   */
  receiveOnly?(): void;
  destroy(): void;
}

const MARKER = /\[\[b:(\d+):(\d+)\]\]/;
const MARKERS = /\[\[b:(\d+):(\d+)\]\]/g;

/** Text of a benchmark edit: readable, plus the sender's index and sequence number. */
export function markedText(sender: number, seq: number): string {
  return `Bench edit ${seq} by ${sender} [[b:${sender}:${seq}]]`;
}

/**
 * Reports every remote note text change carrying a marker to the tracker.
 * Local changes (the sender's own) are skipped: the tracker measures sender
 * to each other receiver.
 */
function watchEdits(doc: Y.Doc, receiver: number, tracker: LatencySink | undefined): void {
  if (!tracker) return;
  roots(doc).notes.observeDeep((events, transaction) => {
    if (transaction.local) return;
    const at = now();
    for (const event of events) {
      if (!(event.target instanceof Y.Map) || event.target === roots(doc).notes) continue;
      if (!(event as Y.YMapEvent<unknown>).keysChanged.has('text')) continue;
      const match = MARKER.exec(String(event.target.get('text') ?? ''));
      if (match) tracker.arrived(Number(match[1]), Number(match[2]), receiver, at);
    }
  });
}

function wsBase(endpoint: Endpoint): string {
  return endpoint.baseUrl.replace(/^http/, 'ws');
}

/** The stock y-websocket 3.x provider, as a browser tab would use it. */
export function stockClient(endpoint: Endpoint, index: number, identity: Identity, tracker?: LatencySink): BenchClient {
  const doc = new Y.Doc();
  watchEdits(doc, index, tracker);
  const tabella = endpoint.kind === 'tabella';
  const provider = new WebsocketProvider(tabella ? `${wsBase(endpoint)}/sync` : wsBase(endpoint), endpoint.room, doc, {
    params: tabella && endpoint.token ? { token: endpoint.token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 1000,
  });
  provider.awareness.setLocalStateField('user', { ...identity, color: '#3366cc', role: 'participant' });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  let isSynced = false;
  const synced = new Promise<void>((resolve) => {
    provider.on('sync', (value: boolean) => {
      if (value) {
        isSynced = true;
        resolve();
      }
    });
  });
  return {
    index, doc, identity, synced, closes,
    get isSynced() {
      return isSynced;
    },
    syncBytes: 0, // the provider does not say; scenario 3 checks the notes instead
    setCursor(x, y) {
      provider.awareness.setLocalStateField('cursor', { x, y });
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * A lean client on y-protocols + ws: sync step 1/2, updates and its own
 * presence, nothing else. Incoming presence is counted, not decoded, so one
 * harness process can hold many hundreds of them. After `receiveOnly()` it
 * stops applying what it receives and finds the edit markers in the bytes
 * instead (edit text is stored as UTF-8 in the update, merged or not): the
 * moment the server's message arrives is the moment it is measured, and 600
 * clients no longer each apply 20 updates a second on two cores. Its own
 * edits still come from its doc; the rooms' hosts apply everything and check
 * at the end that every note shows its last edit (scenarios.ts).
 */
export function leanClient(
  endpoint: Endpoint, index: number, identity: Identity, tracker?: LatencySink,
  /** Idle mode: the sync answer is received but not applied, so 600 idle people cost the harness little memory. */
  options: { keepDoc?: boolean } = {},
): BenchClient {
  const keepDoc = options.keepDoc ?? true;
  const doc = new Y.Doc();
  watchEdits(doc, index, tracker);
  const url = endpoint.kind === 'tabella'
    ? `${wsBase(endpoint)}/sync/${endpoint.room}?token=${encodeURIComponent(endpoint.token ?? '')}`
    : `${wsBase(endpoint)}/${endpoint.room}`;
  const ws = new WebSocket(url);
  ws.binaryType = 'nodebuffer';
  const closes: { code: number; reason: string }[] = [];
  let isSynced = false;
  let syncBytes = 0;
  let resolveSynced: () => void = () => {};
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
  let awarenessClock = 0;
  const user = { ...identity, color: '#3366cc', role: 'participant' };
  const send = (message: Uint8Array) => {
    if (ws.readyState === ws.OPEN) ws.send(message);
  };
  const sendPresence = (cursor: { x: number; y: number } | null) => {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, doc.clientID);
    encoding.writeVarUint(inner, ++awarenessClock);
    encoding.writeVarString(inner, JSON.stringify({ user, cursor }));
    const outer = encoding.createEncoder();
    encoding.writeVarUint(outer, 1);
    encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
    send(encoding.toUint8Array(outer));
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === ws) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
    send(encoding.toUint8Array(encoder));
  };
  // Yjs encodes every transaction's update whenever a doc has an `update`
  // listener, remote ones included: 600 lean clients would re-encode each of
  // the ~12,000 updates they receive per second only to drop them. So the
  // listener is attached for the client's own (local) transactions only.
  const onBeforeTransaction = (transaction: Y.Transaction) => {
    if (transaction.local) doc.on('update', onUpdate);
  };
  const onAfterAllTransactions = () => doc.off('update', onUpdate);
  doc.on('beforeTransaction', onBeforeTransaction);
  doc.on('afterAllTransactions', onAfterAllTransactions);
  ws.on('open', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, doc);
    send(encoding.toUint8Array(encoder));
    sendPresence(null);
  });
  let receiveOnly = false;
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (decoding.readVarUint(decoder) !== 0) return; // presence and Tabella's extras: counted by ws, not decoded
    if (receiveOnly) {
      const at = now();
      for (const match of data.toString('latin1').matchAll(MARKERS)) {
        if (Number(match[1]) !== index) tracker?.arrived(Number(match[1]), Number(match[2]), index, at);
      }
      return;
    }
    if (!keepDoc) {
      if (decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2 && !isSynced) {
        syncBytes = decoding.readVarUint8Array(decoder).byteLength;
        isSynced = true;
        resolveSynced();
      }
      return;
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    const type = syncProtocol.readSyncMessage(decoder, encoder, doc, ws);
    if (encoding.length(encoder) > 1) send(encoding.toUint8Array(encoder));
    if (type === syncProtocol.messageYjsSyncStep2 && !isSynced) {
      syncBytes = data.byteLength;
      isSynced = true;
      resolveSynced();
    }
  });
  ws.on('close', (code, reason) => closes.push({ code, reason: reason.toString() }));
  ws.on('error', (error) => closes.push({ code: -1, reason: error.message }));
  return {
    index, doc, identity, synced, closes,
    get isSynced() {
      return isSynced;
    },
    get syncBytes() {
      return syncBytes;
    },
    setCursor(x, y) {
      sendPresence({ x, y });
    },
    receiveOnly() {
      receiveOnly = true;
    },
    destroy() {
      doc.off('beforeTransaction', onBeforeTransaction);
      doc.off('afterAllTransactions', onAfterAllTransactions);
      ws.close();
      doc.destroy();
    },
  };
}
