import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as Y from 'yjs';
import { addNote, localOrigin, readBoard, type NoteKind } from '../../shared/src/index.js';

interface Scenario {
  participants: { name: string; department: string }[];
  sampleNotes: { segment: string; stage: number; kind: string; text: { en: string; it: string }; owner: string | null }[];
  segments: { key: string }[];
}

export const scenario = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/vision-workshop.json', import.meta.url)), 'utf8'),
) as Scenario;

/**
 * Adds the scenario's sample notes to a board made from the vision-workshop
 * template, each written by one of the scenario's participants.
 */
export function seedSampleNotes(doc: Y.Doc, language: 'en' | 'it'): string[] {
  const board = readBoard(doc);
  return scenario.sampleNotes.map((sample, i) => {
    const segment = board.segments[scenario.segments.findIndex((s) => s.key === sample.segment)];
    const stage = segment?.stages[sample.stage];
    if (!stage) throw new Error(`sample note ${i} points to a missing stage`);
    const person = scenario.participants[(i * 7) % scenario.participants.length]!;
    const authorId = `p${(i * 7) % scenario.participants.length}`;
    return addNote(
      doc,
      { stageId: stage.id, text: sample.text[language], kind: sample.kind as NoteKind, owners: sample.owner ? [sample.owner] : [] },
      { id: authorId, name: person.name, department: person.department },
      localOrigin(authorId),
    );
  });
}
