import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { CreateBoardResponse, Role } from '../../shared/src/index.js';

// Every stock provider adds a process 'exit' listener; tests open dozens.
process.setMaxListeners(200);

/** Creates a board through the real HTTP API. */
export async function createBoard(
  baseUrl: string,
  body: { title: string; template: 'vision-workshop' | 'blank'; language: 'en' | 'it'; phase?: 'setup' | 'brainstorm' | 'server-default' } = {
    title: 'Test workshop',
    template: 'vision-workshop',
    language: 'en',
  },
): Promise<{ id: string; tokens: Record<Role, string>; links: Record<Role, string> }> {
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // Tests write notes straight away: their boards start in the brainstorm unless they ask
    // otherwise; 'server-default' sends no phase, like the home page's create form.
    body: JSON.stringify(body.phase === 'server-default' ? { ...body, phase: undefined } : { phase: 'brainstorm', ...body }),
  });
  if (res.status !== 201) throw new Error(`create board failed: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as CreateBoardResponse;
  const tokens = Object.fromEntries(
    Object.entries(created.links).map(([role, link]) => [role, new URL(link).hash.replace('#token=', '')]),
  ) as Record<Role, string>;
  return { id: created.id, links: created.links, tokens };
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: { code: number; reason: string }[];
  synced: Promise<void>;
  destroy(): void;
}

/**
 * A stock y-websocket provider, exactly as a third party would use it. With
 * `doc`, on that doc (kept on destroy): how a browser moves to another node
 * with everything it has.
 */
export function connect(
  baseUrl: string, boardId: string, token: string,
  options: { connect?: boolean; doc?: Y.Doc; params?: Record<string, string> } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, boardId, doc, {
    params: { token, ...options.params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) resolve();
    });
  });
  return {
    doc,
    provider,
    closes,
    synced,
    destroy() {
      provider.destroy();
      if (!options.doc) doc.destroy();
    },
  };
}

/** Joins through a facilitator or participant link: a personal session for one person. */
export async function joinBoard(
  baseUrl: string, boardId: string, linkToken: string, name: string, department = '',
): Promise<{ memberId: string; session: string; role: Role }> {
  const res = await fetch(`${baseUrl}/api/boards/${boardId}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: linkToken, name, department }),
  });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { memberId: string; session: string; role: Role };
}

export interface Member extends TestClient {
  memberId: string;
  session: string;
  /** The author stamp the server expects on this member's notes. */
  author: { id: string; name: string; department: string };
}

/** Joins as a facilitator or participant and connects with the personal session. */
export async function connectMember(
  baseUrl: string,
  board: { id: string; tokens: Record<Role, string> },
  role: 'facilitator' | 'participant',
  name: string,
  department = 'sales',
): Promise<Member> {
  const { memberId, session } = await joinBoard(baseUrl, board.id, board.tokens[role], name, department);
  const client = connect(baseUrl, board.id, session);
  return Object.assign(client, { memberId, session, author: { id: memberId, name, department } });
}
