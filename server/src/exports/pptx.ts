import type { OpenNotesChoice, Roadmap } from '../../../shared/src/index.js';

/** roadmap.pptx: placeholder until its renderer lands. */
export async function renderPptx(roadmap: Roadmap, options: { open?: OpenNotesChoice } = {}): Promise<Buffer> {
  void roadmap;
  void options;
  throw new Error('roadmap.pptx is not implemented yet');
}
