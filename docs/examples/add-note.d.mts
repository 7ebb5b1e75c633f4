// Types for add-note.mjs, so TypeScript tests can import the example.
import type * as Y from 'yjs';

export function newId(length?: number): string;
export function listStages(doc: Y.Doc): {
  id: string;
  name: unknown;
  stages: { id: string; name: unknown; buyerStep: unknown }[];
}[];
export function buildNote(
  doc: Y.Doc,
  stageId: string,
  text: string,
  author: { id: string; name: string; department?: string },
): string;
