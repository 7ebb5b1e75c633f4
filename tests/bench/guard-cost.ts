/**
 * Cost of the server's per-update permission check on a realistic board (600
 * notes by 60 participants; NOTES=2000 for a big one): bounding the update,
 * applying it to the staging replica and judging the effect, compared with
 * applying the approved result to the live doc. Also the heap the replica
 * adds to a loaded board. `npm run bench:guard`.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import {
  addNote, checkChanges, initializeBoard, localOrigin, moveNote, readBoard, systemOrigin, updateNote, upsertMember,
} from '../../shared/src/index.js';
import { StagingReplica } from '../../server/src/sync/staging-replica.js';
import { PARTICIPANT_LIMITS, boundUpdate } from '../../server/src/sync/update-bounds.js';
import { scenario } from '../support/seed-demo.js';

const NOTES = Number(process.env.NOTES ?? 600);
const ROUNDS = Number(process.env.ROUNDS ?? 2000);

const board = new Y.Doc();
initializeBoard(board, { title: 'Bench', template: 'vision-workshop', language: 'en' }, systemOrigin('bench'));
const members = scenario.participants.map((p, i) => ({ id: `m${i}`, name: p.name, department: p.department }));
for (const m of members) upsertMember(board, m.id, { ...m, role: 'participant', joinedAt: 0, removed: false }, systemOrigin('bench'));
const stages = readBoard(board).segments.flatMap((s) => s.stages);
const noteIds: { id: string; author: (typeof members)[number] }[] = [];
// Each person writes on their own replica (their own Yjs client), as in a room; then the replicas go.
const devices: Y.Doc[] = members.map(() => {
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(board));
  return device;
});
for (let i = 0; i < NOTES; i++) {
  const author = members[i % members.length]!;
  const device = devices[i % members.length]!;
  noteIds.push({ id: addNote(device, { stageId: stages[i % stages.length]!.id, text: `Note ${i}: an action someone proposed` }, author, localOrigin(author.id)), author });
}
for (const device of devices) Y.applyUpdate(board, Y.encodeStateAsUpdate(device));
for (const device of devices) device.destroy();
devices.length = 0;

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
const staging = new StagingReplica(board);

// Each participant keeps a replica, as their browser does.
const replica = new Y.Doc();
Y.applyUpdate(replica, Y.encodeStateAsUpdate(board));

async function measure(label: string, make: (i: number) => { update: Uint8Array; actor: (typeof members)[number] }, rounds = ROUNDS) {
  let guardMs = 0;
  let applyMs = 0;
  let rebuildMs = 0;
  let longestSliceMs = 0;
  let refused = 0;
  let bytes = 0;
  for (let i = 0; i < rounds; i++) {
    const { update, actor } = make(i);
    bytes += update.byteLength;
    const t0 = performance.now();
    const member = { role: 'participant' as const, memberId: actor.id, name: actor.name, department: actor.department };
    const bounded = boundUpdate(update, PARTICIPANT_LIMITS);
    const staged = bounded.ok
      ? staging.stage(bounded.update, (changes, before, after) => checkChanges(before, after, member, changes))
      : { ok: false as const };
    const t1 = performance.now();
    if (staged.ok !== true) {
      refused++;
      // The room rebuilds the dropped copy in slices, one task each: timed apart (all slices, and the longest).
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      await staging.whenReady();
      loop.disable();
      rebuildMs += performance.now() - t1;
      longestSliceMs = Math.max(longestSliceMs, loop.max / 1e6);
    } else if (staged.update) {
      Y.applyUpdate(board, staged.update);
      applyMs += performance.now() - t1;
    }
    guardMs += t1 - t0;
  }
  const per = (ms: number) => `${((ms / rounds) * 1000).toFixed(0)} µs`;
  const last = refused > 0 ? `rebuild ${(rebuildMs / refused).toFixed(0)} ms in slices, longest ${longestSliceMs.toFixed(0)} ms` : per(applyMs);
  console.log(`| ${NOTES} notes | ${label} | ${rounds} | ${(bytes / rounds).toFixed(0)} B | ${per(guardMs)} | ${last} |`);
}

/** The update a browser's provider would send for `change`: the transaction's own update. */
function capture(change: () => void): Uint8Array {
  let out: Uint8Array | undefined;
  const grab = (update: Uint8Array) => {
    out = out ? Y.mergeUpdates([out, update]) : update;
  };
  replica.on('update', grab);
  change();
  replica.off('update', grab);
  if (!out) throw new Error('change produced no update');
  return out;
}

console.log(`Board: ${NOTES} notes, ${members.length} members, ${stages.length} stages; doc ${Y.encodeStateAsUpdate(board).byteLength} bytes`);
const heapBoard = heapMb();
await staging.whenReady();
const heapWithReplica = heapMb();
console.log(`Heap: ${heapBoard.toFixed(1)} MB with the board loaded; ${heapWithReplica.toFixed(1)} MB with its staging replica (+${(heapWithReplica - heapBoard).toFixed(1)} MB)${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for exact figures)'}`);
console.log('| board | update | count | avg size | check (bound + stage + rules) | live apply (or rebuild after a refusal) |');
console.log('| --- | --- | --- | --- | --- | --- |');
await measure('edit own note text', (i) => {
  const { id, author } = noteIds[i % noteIds.length]!;
  return { update: capture(() => updateNote(replica, id, { text: `edited ${i}` }, localOrigin(author.id))), actor: author };
});
await measure('move own note to another stage', (i) => {
  const { id, author } = noteIds[(i * 7) % noteIds.length]!;
  return { update: capture(() => moveNote(replica, id, stages[(i * 3) % stages.length]!.id, 0, localOrigin(author.id))), actor: author };
});
await measure('add a note', (i) => {
  const author = members[i % members.length]!;
  return { update: capture(() => addNote(replica, { stageId: stages[i % stages.length]!.id, text: `new ${i}` }, author, localOrigin(author.id))), actor: author };
});
await measure('forged edit of another\'s note (refused)', (i) => {
  const { id } = noteIds[i % noteIds.length]!;
  const intruder = members[(i + 1) % members.length]!;
  // Made on a scratch replica so the refused edit does not stay in the honest one.
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(board));
  let update: Uint8Array | undefined;
  copy.on('update', (u: Uint8Array) => (update = u));
  (copy.getMap('notes').get(id) as Y.Map<unknown>).set('text', 'forged');
  return { update: update!, actor: intruder };
}, Math.min(ROUNDS, 50));
