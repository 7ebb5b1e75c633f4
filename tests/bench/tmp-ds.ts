import * as Y from 'yjs';
import { addNote, initializeBoard, localOrigin, readBoard, systemOrigin } from '../../shared/src/index.js';
import { rawUpdate } from '../support/yjs-bytes.js';
import { StagingReplica } from '../../server/src/sync/staging-replica.js';
import { PARTICIPANT_LIMITS, boundUpdate } from '../../server/src/sync/update-bounds.js';
const board = new Y.Doc();
initializeBoard(board, { title: 'Bench', template: 'vision-workshop', language: 'en' }, systemOrigin('bench'));
const stageId = readBoard(board).segments[0]!.stages[0]!.id;
const m = { id: 'm1', name: 'A', department: 'sales' };
const a = new Y.Doc(); Y.applyUpdate(a, Y.encodeStateAsUpdate(board));
a.transact(() => { for (let i = 0; i < 600; i++) addNote(a, { stageId, text: `Note ${i}` }, m, localOrigin(m.id)); });
Y.applyUpdate(board, Y.encodeStateAsUpdate(a));
const staging = new StagingReplica(board);
staging.stage(new Uint8Array([0, 0]), () => ({ ok: true }));
const state = Y.getState(board.store, a.clientID);
const u = rawUpdate([], [{ client: a.clientID, ranges: Array.from({ length: 80_000 }, (): [number, number] => [0, state]) }]);
for (let r = 0; r < 3; r++) {
let t = performance.now();
const b = boundUpdate(u, PARTICIPANT_LIMITS);
const tb = performance.now() - t; t = performance.now();
if (!b.ok) throw new Error(b.reason);
const s = staging.stage(b.update, () => ({ ok: false, rule: 'R4', reason: 'x' }));
const ts = performance.now() - t; t = performance.now();
staging.stage(new Uint8Array([0, 0]), () => ({ ok: true }));
console.log(`bound ${tb.toFixed(1)} (${u.length} -> ${b.update.length} B) stage ${ts.toFixed(1)} ${JSON.stringify(s.ok)} rebuild ${(performance.now() - t).toFixed(1)}`);
}
