import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { addNote, initializeBoard, localOrigin, readBoard, systemOrigin } from '../../shared/src/index.js';

/** The body of POST /api/boards that restores `state`. */
export function restoreBody(state: Uint8Array, title?: string): string {
  const backup = { format: 'tabella-board', version: 1, exportedAt: new Date().toISOString(), board: Buffer.from(state).toString('base64') };
  return JSON.stringify(title === undefined ? { backup } : { backup, title });
}

/** A real vision-workshop board with `notes` notes by 60 authors, as its export encodes it. */
export function realisticBoard(notes: number): Uint8Array {
  const doc = new Y.Doc();
  initializeBoard(doc, { title: 'Big workshop', template: 'vision-workshop', language: 'en' }, systemOrigin('create'));
  const stages = readBoard(doc).segments.flatMap((s) => s.stages);
  for (let i = 0; i < notes; i++) {
    const who = i % 60;
    const author = { id: `member${String(who).padStart(6, '0')}`, name: `Person ${who}`, department: 'sales' };
    addNote(doc, { stageId: stages[i % stages.length]!.id, text: `Note ${i}: a customer-visible step with a realistic amount of text in it.` }, author, localOrigin(author.id));
  }
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/**
 * A board whose delete set repeats one range over all of one client's
 * `structs` structs `repeats` times. Yjs applies ranges one by one, walking
 * the structs each covers: cost structs x repeats (the 0.85 MiB upload that
 * held the server 7 s was of this kind).
 */
export function repeatedDeleteRanges(structs: number, repeats: number): Uint8Array {
  const doc = new Y.Doc();
  initializeBoard(doc, { title: 'Crafted', template: 'blank', language: 'en' }, systemOrigin('create'));
  const junk = new Y.Doc();
  junk.clientID = 4242;
  // One struct per key: map entries never merge.
  junk.transact(() => {
    const meta = junk.getMap('meta');
    for (let i = 0; i < structs; i++) meta.set(`k${i}`, i);
  });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(junk));
  const clean = Y.encodeStateAsUpdate(doc);
  // The state ends with an empty delete set (one varint 0): replace it.
  const e = encoding.createEncoder();
  encoding.writeUint8Array(e, clean.subarray(0, clean.length - 1));
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, junk.clientID);
  encoding.writeVarUint(e, repeats);
  for (let i = 0; i < repeats; i++) {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, structs);
  }
  return encoding.toUint8Array(e);
}

/** A valid board title plus `items` tiny map entries from as many structs: hundreds of thousands of items. */
export function manyTinyItems(items: number): Uint8Array {
  const doc = new Y.Doc();
  initializeBoard(doc, { title: 'Crafted', template: 'blank', language: 'en' }, systemOrigin('create'));
  doc.transact(() => {
    const meta = doc.getMap('meta');
    for (let i = 0; i < items; i++) meta.set(`x${i}`, 0);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** A state whose structs depend on content it does not hold (Yjs would keep them pending). */
export function missingDependencies(): Uint8Array {
  const a = new Y.Doc();
  initializeBoard(a, { title: 'Crafted', template: 'blank', language: 'en' }, systemOrigin('create'));
  const before = Y.encodeStateVector(a);
  a.getMap('meta').set('title', 'later');
  const later = Y.encodeStateAsUpdate(a, before);
  a.destroy();
  return later;
}
