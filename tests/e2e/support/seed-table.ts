import {
  addNote, castVote, configureVoting, localOrigin, proposeOwner, readBoard, setVotingOpen, type NoteKind,
} from '../../../shared/src/index.js';
import { connect, connectMember, createBoard } from '../../support/clients.js';

/** Italian texts with accents: searching without them must still find them. */
const TEXTS = [
  'Perché il cliente sceglie la qualità: raccontarlo nella prima visita',
  'Demo in città con il tecnico applicativo',
  'Listino aggiornato entro venerdì',
  'Chiamata di verifica dopo la consegna',
  'Più casi studio per il settore alimentare',
  'Revisione della pipeline con il marketing',
];
const KINDS: NoteKind[] = ['action', 'action', 'best practice', 'question'];
const PEOPLE = [
  { id: 'p1', name: 'Luca Bianchi', department: 'sales' },
  { id: 'p2', name: 'Chiara Conti', department: 'fae' },
  { id: 'p3', name: 'Nicolò Ferrara', department: 'shipping' },
];

/**
 * An Italian vision-workshop board with `count` notes spread over every stage
 * (written by the facilitator's client on behalf of three people), some dots
 * and owner proposals (a few contested), for the notes table's browser tests.
 */
export async function seedTableBoard(baseUrl: string, count: number) {
  const board = await createBoard(baseUrl, { title: 'Workshop di visione', template: 'vision-workshop', language: 'it' });
  const seeder = await connectMember(baseUrl, board, 'facilitator', 'Regia', 'sales');
  await seeder.synced;
  const origin = localOrigin(seeder.memberId);
  const { doc } = seeder;
  const stages = readBoard(doc).segments.flatMap((s) => s.stages);
  configureVoting(doc, { votesPerPerson: 20, capPerNote: null, hideResults: false }, origin);
  setVotingOpen(doc, true, origin);
  const ids: string[] = [];
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      // Stage i % 15: vary author and text by the round, so every stage gets all of them.
      const round = Math.floor(i / stages.length);
      const author = PEOPLE[round % PEOPLE.length]!;
      const id = addNote(doc, {
        stageId: stages[i % stages.length]!.id, text: `${TEXTS[round % TEXTS.length]} (${i + 1})`, kind: KINDS[round % KINDS.length],
      }, author, origin);
      ids.push(id);
      for (let v = 0; v < i % 4; v++) castVote(doc, id, `v${(i * 3 + v) % 60}`, origin);
      if (i % 5 === 0) {
        proposeOwner(doc, id, 'p1', 'sales', origin);
        proposeOwner(doc, id, 'p2', i % 10 === 0 ? 'fae' : 'sales', origin);
      }
    }
  }, origin);
  setVotingOpen(doc, false, origin);
  // Stored once a fresh connection receives every note.
  const check = connect(baseUrl, board.id, board.tokens.viewer);
  try {
    await check.synced;
    const deadline = Date.now() + 15_000;
    while (readBoard(check.doc).notesById.size < count) {
      if (Date.now() > deadline) throw new Error('the seeded notes did not reach the server');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    check.destroy();
    seeder.destroy();
  }
  return { board, ids };
}
