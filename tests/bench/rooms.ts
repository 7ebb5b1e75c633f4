import type * as Y from 'yjs';
import {
  addNote, initializeBoard, localOrigin, moveNote, readBoard, roots, systemOrigin, updateNote,
} from '../../shared/src/index.js';
import { createBoard, joinBoard } from '../support/clients.js';
import { scenario } from '../support/seed-demo.js';
import { leanClient, markedText, type BenchClient, type Endpoint, type Identity } from './clients.js';
import type { LatencySink } from './latency.js';

/**
 * Where a room is and how a new person gets in, as plain data so a client
 * worker thread can join people itself (scenario 3 times the join too).
 */
export type RoomSpec =
  | { kind: 'tabella'; baseUrl: string; boardId: string; participantToken: string }
  | { kind: 'reference'; baseUrl: string; room: string };

/** One board (Tabella) or room (reference) and how a new person gets in. */
export interface BenchRoom {
  /** Stays connected all along: keeps the room loaded (the reference drops a room's doc when its last socket leaves). */
  host: BenchClient;
  spec: RoomSpec;
  /** Joins person `i` (Tabella: POST /join as a participant) and says where to connect. */
  person(i: number): Promise<{ endpoint: Endpoint; identity: Identity }>;
  /** Tabella only: the participant link a browser opens. */
  participantLink?: () => Promise<string>;
  /**
   * Tabella only: one more host (a viewer) on another node of a cluster
   * (scenarios 8-10), which keeps the room loaded there and shows what that
   * node's people receive.
   */
  hostOn?: (baseUrl: string) => Promise<BenchClient>;
}

let roomCounter = 0;

/** Person `i` of the scenario's participants joins the room (Tabella: as a member, with a session). */
export async function joinPerson(spec: RoomSpec, i: number): Promise<{ endpoint: Endpoint; identity: Identity }> {
  const p = scenario.participants[i % scenario.participants.length]!;
  const name = `${p.name} ${Math.floor(i / scenario.participants.length) || ''}`.trim();
  if (spec.kind === 'tabella') {
    const { memberId, session } = await joinBoard(spec.baseUrl, spec.boardId, spec.participantToken, name, p.department);
    return {
      endpoint: { kind: 'tabella', baseUrl: spec.baseUrl, room: spec.boardId, token: session },
      identity: { id: memberId, name, department: p.department },
    };
  }
  return { endpoint: { kind: 'reference', baseUrl: spec.baseUrl, room: spec.room }, identity: { id: `p${i}`, name, department: p.department } };
}

export async function openRoom(kind: 'tabella' | 'reference', baseUrl: string): Promise<BenchRoom> {
  if (kind === 'tabella') {
    const board = await createBoard(baseUrl, { title: 'Bench workshop', template: 'vision-workshop', language: 'en' });
    const hostOn = async (url: string) => {
      const host = leanClient({ kind, baseUrl: url, room: board.id, token: board.tokens.viewer }, -1, { id: 'host', name: '', department: '' });
      await withDeadline(host.synced, 15_000, 'host sync');
      return host;
    };
    const spec: RoomSpec = { kind, baseUrl, boardId: board.id, participantToken: board.tokens.participant };
    return { host: await hostOn(baseUrl), spec, hostOn, participantLink: async () => board.links.participant, person: (i) => joinPerson(spec, i) };
  }
  // The reference has no API: a host initializes the same vision-workshop board in the room.
  const room = `bench-${process.pid}-${++roomCounter}`;
  const host = leanClient({ kind, baseUrl, room }, -1, { id: 'host', name: '', department: '' });
  await withDeadline(host.synced, 15_000, 'host sync');
  initializeBoard(host.doc, { title: 'Bench workshop', template: 'vision-workshop', language: 'en' }, systemOrigin('bench'));
  const spec: RoomSpec = { kind, baseUrl, room };
  return { host, spec, person: (i) => joinPerson(spec, i) };
}

export function stageIds(doc: Y.Doc): string[] {
  return readBoard(doc).segments.flatMap((s) => s.stages.map((st) => st.id));
}

/** Adds `count` notes by the client's person in one transaction; returns their ids. */
export function addOwnNotes(client: BenchClient, count: number, offset = 0): string[] {
  const stages = stageIds(client.doc);
  if (stages.length === 0) throw new Error('board has no stages (not synced?)');
  const ids: string[] = [];
  client.doc.transact(() => {
    for (let k = 0; k < count; k++) {
      const stageId = stages[(offset + k) % stages.length]!;
      ids.push(addNote(client.doc, { stageId, text: `Idea ${k} of ${client.identity.name}: what the customer needs next` }, client.identity, localOrigin(client.identity.id)));
    }
  }, localOrigin(client.identity.id));
  return ids;
}

/**
 * Seeds a room with `total` notes written by `writers` people (lean
 * clients, each adding its share in one transaction), waits until the host
 * holds them all, then disconnects the writers.
 */
export async function seedNotes(room: BenchRoom, total: number, writers: number, firstIndex: number): Promise<void> {
  const clients: BenchClient[] = [];
  for (let w = 0; w < writers; w++) {
    const { endpoint, identity } = await room.person(firstIndex + w);
    clients.push(leanClient(endpoint, firstIndex + w, identity));
  }
  await withDeadline(Promise.all(clients.map((c) => c.synced)), 30_000, 'seed writers sync');
  await waitFor(() => clients.every((c) => stageIds(c.doc).length > 0), 15_000, 'seed writers see the board');
  const before = roots(room.host.doc).notes.size;
  clients.forEach((c, w) => addOwnNotes(c, Math.floor(total / writers) + (w < total % writers ? 1 : 0), w));
  await waitFor(() => roots(room.host.doc).notes.size >= before + total, 60_000, `seeding ${total} notes`);
  const refused = clients.flatMap((c) => c.closes).filter((c) => c.code >= 4000);
  if (refused.length > 0) throw new Error(`seeding refused: ${JSON.stringify(refused[0])}`);
  for (const c of clients) c.destroy();
}

export interface WorkloadOptions {
  cursorHz: number;
  editEveryMs: number;
}

export interface Workload {
  stop(): void;
  /** Exceptions thrown by local operations (a bug in the harness or a refused op). */
  errors: string[];
  /** The text each edited note must end up with: its last edit's. */
  finalTexts: Map<string, string>;
}

/**
 * The workshop behaviour: every client moves its cursor at `cursorHz` and
 * every `editEveryMs` edits (even turns) or moves to another stage and
 * re-labels (odd turns) one of its own notes. Timers start at random phases,
 * as people do. `peers(c)` lists who must receive c's edits.
 */
export function startWorkload(
  clients: readonly BenchClient[], ownNotes: Map<BenchClient, string[]>, peers: (c: BenchClient) => number[],
  tracker: LatencySink, options: WorkloadOptions,
): Workload {
  const timers: NodeJS.Timeout[] = [];
  const errors: string[] = [];
  const finalTexts = new Map<string, string>();
  const seq = new Map<BenchClient, number>();
  for (const client of clients) {
    const notes = ownNotes.get(client) ?? [];
    const stages = stageIds(client.doc);
    let x = Math.random() * 2000;
    let y = Math.random() * 1000;
    const cursorMs = 1000 / options.cursorHz;
    const edit = () => {
      try {
        if (notes.length === 0) return;
        const n = (seq.get(client) ?? 0) + 1;
        seq.set(client, n);
        const id = notes[n % notes.length]!;
        const origin = localOrigin(client.identity.id);
        tracker.sending(client.index, n, peers(client));
        const text = markedText(client.index, n);
        finalTexts.set(id, text);
        if (n % 2 === 0) {
          updateNote(client.doc, id, { text }, origin);
        } else {
          const current = roots(client.doc).notes.get(id)?.get('stageId');
          const target = stages[(stages.indexOf(String(current)) + 1) % stages.length]!;
          const atEnd = [...roots(client.doc).notes.values()].filter((note) => note.get('stageId') === target).length;
          client.doc.transact(() => {
            moveNote(client.doc, id, target, atEnd, origin);
            updateNote(client.doc, id, { text }, origin);
          }, origin);
        }
      } catch (error) {
        errors.push(`client ${client.index}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const cursor = () => {
      x += (Math.random() - 0.5) * 40;
      y += (Math.random() - 0.5) * 40;
      client.setCursor(Math.round(x), Math.round(y));
    };
    timers.push(setTimeout(() => {
      cursor();
      timers.push(setInterval(cursor, cursorMs));
    }, Math.random() * cursorMs));
    timers.push(setTimeout(() => {
      edit();
      timers.push(setInterval(edit, options.editEveryMs));
    }, Math.random() * options.editEveryMs));
  }
  return {
    errors,
    finalTexts,
    stop() {
      for (const t of timers) clearTimeout(t);
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what} (${ms} ms)`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out: ${what} (${ms} ms)`);
    await sleep(20);
  }
}
