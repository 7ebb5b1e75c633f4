import type { OpenNotesChoice, Roadmap } from '../../../shared/src/index.js';

/** roadmap.xlsx: placeholder until its renderer lands. */
export async function renderXlsx(roadmap: Roadmap, options: { open?: OpenNotesChoice } = {}): Promise<Buffer> {
  void roadmap;
  void options;
  throw new Error('roadmap.xlsx is not implemented yet');
}
