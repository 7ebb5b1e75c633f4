// Adds a note to the first stage of a Tabella board, using only yjs, y-websocket and ws.
// Usage: node docs/examples/add-note.mjs ws://localhost:8080/sync <boardId> <token>
/* eslint-disable no-console -- a command-line example reports on stdout/stderr */
/* global console, setTimeout, clearTimeout */
import process from 'node:process';
import { getRandomValues } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random entity id: 12 characters matching ^[A-Za-z0-9_-]{1,64}$. */
export function newId(length = 12) {
  let id = '';
  while (id.length < length) {
    for (const b of getRandomValues(new Uint8Array(length))) {
      if (b < 248 && id.length < length) id += ALPHABET[b % 62];
    }
  }
  return id;
}

/** Segments in order, each with its stages in order (sorted by `order`, then key). */
export function listStages(doc) {
  const sorted = (map, keep = () => true) => [...map.entries()]
    .filter(([, v]) => v instanceof Y.Map && Number.isFinite(v.get('order')) && keep(v))
    .sort(([ka, a], [kb, b]) => a.get('order') - b.get('order') || (ka < kb ? -1 : ka > kb ? 1 : 0));
  return sorted(doc.getMap('segments')).map(([id, seg]) => ({
    id,
    name: seg.get('name'),
    stages: sorted(doc.getMap('stages'), (s) => s.get('segmentId') === id)
      .map(([stageId, s]) => ({ id: stageId, name: s.get('name'), buyerStep: s.get('buyerStep') ?? '' })),
  }));
}

/** Adds a note as the last one of `stageId`, in one transaction; returns its id. */
export function buildNote(doc, stageId, text, author) {
  const stages = doc.getMap('stages');
  const notes = doc.getMap('notes');
  if (!(stages.get(stageId) instanceof Y.Map)) throw new Error(`no stage ${stageId}`);
  const clean = text.trim();
  if (clean.length > 1000) throw new Error('note text is longer than 1000 characters');
  let last = 0;
  notes.forEach((n) => {
    if (n instanceof Y.Map && n.get('stageId') === stageId && Number.isFinite(n.get('order'))) {
      last = Math.max(last, n.get('order'));
    }
  });
  const id = newId();
  const now = Date.now();
  doc.transact(() => {
    const note = new Y.Map();
    notes.set(id, note); // integrate first, then fill: one transaction, one update
    note.set('stageId', stageId);
    note.set('order', last + 1);
    note.set('text', clean);
    note.set('kind', 'action'); // 'action' | 'best practice' | 'question'
    note.set('authorId', author.id); // ^[A-Za-z0-9_-]{1,64}$
    note.set('authorName', author.name); // at most 60 characters
    note.set('authorDepartment', author.department ?? ''); // a department key or ''
    note.set('owners', []); // department keys
    note.set('createdAt', now);
    note.set('updatedAt', now);
  });
  return id;
}

async function main([url, boardId, token]) {
  if (!url || !boardId || !token) throw new Error('usage: add-note.mjs <ws://host:port/sync> <boardId> <token>');
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, boardId, doc, { params: { token }, WebSocketPolyfill: WebSocket });
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no sync within 10 s')), 10_000);
      provider.on('sync', (synced) => synced && (clearTimeout(timer), resolve()));
      // 4400-4499 are final refusals (bad id, bad token, unknown board): the provider gives up.
      provider.on('closed', ({ code, reason }) => (clearTimeout(timer), reject(new Error(`refused: ${code} ${reason}`))));
    });
    const segments = listStages(doc);
    for (const segment of segments) {
      console.log(segment.name);
      for (const stage of segment.stages) console.log(`  ${stage.name}  (buyer: ${stage.buyerStep})`);
    }
    const first = segments.flatMap((s) => s.stages)[0];
    if (!first) throw new Error('the board has no stages');
    const id = buildNote(doc, first.id, 'Added from add-note.mjs', { id: 'script', name: 'Script', department: '' });
    console.log(`added note ${id} to "${first.name}"`);
    // Let the update leave before closing. (A viewer's updates are dropped by the server.)
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    provider.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (err) => { console.error(err.message); process.exit(1); },
  );
}
