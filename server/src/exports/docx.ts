import type { OpenNotesChoice, Roadmap } from '../../../shared/src/index.js';

/** roadmap.docx: placeholder until its renderer lands. */
export async function renderDocx(roadmap: Roadmap, options: { open?: OpenNotesChoice } = {}): Promise<Buffer> {
  void roadmap;
  void options;
  throw new Error('roadmap.docx is not implemented yet');
}
