import * as Y from 'yjs';
import { buildRoadmap, readBoard, type ExportFile, type OpenNotesChoice } from '../../../shared/src/index.js';
import { renderBoardJson } from './board-json.js';
import { defaultDelimiter, renderCsv, renderFeedbackCsv, type CsvDelimiter } from './csv.js';
import { renderMarkdown } from './markdown.js';
import { renderDocx } from './docx.js';
import { renderPdf } from './pdf.js';
import { renderPptx } from './pptx.js';
import { renderXlsx } from './xlsx.js';
import { applyInSlices } from '../sync/sliced-apply.js';

const CONTENT_TYPES: Record<ExportFile, string> = {
  'roadmap.pdf': 'application/pdf',
  'roadmap.md': 'text/markdown; charset=utf-8',
  'roadmap.csv': 'text/csv; charset=utf-8',
  'roadmap.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'roadmap.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'roadmap.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'board.json': 'application/json; charset=utf-8',
  'feedback.csv': 'text/csv; charset=utf-8',
};

export interface RenderedExport {
  title: string;
  contentType: string;
  body: Buffer;
}

export interface ExportOptions {
  now?: number;
  /** CSV only; defaults to the board language's spreadsheet separator. */
  delimiter?: CsvDelimiter;
  /** Booklets (PDF, Markdown, Word) only: whether they list the notes still to decide (default `include`). */
  open?: OpenNotesChoice;
}

/** Renders one export from a board state (the board as stored, or a saved version: boards/stored-board.ts). */
export async function renderExport(file: ExportFile, state: Uint8Array, options: ExportOptions = {}): Promise<RenderedExport> {
  const now = options.now ?? Date.now();
  const doc = new Y.Doc();
  try {
    // Applied in slices: a large board's state would hold the loop for its whole apply.
    await applyInSlices(doc, [state], null);
    const snapshot = readBoard(doc);
    const title = snapshot.meta.title;
    const contentType = CONTENT_TYPES[file];
    if (file === 'board.json') return { title, contentType, body: Buffer.from(renderBoardJson(state, snapshot, now)) };
    if (file === 'feedback.csv') {
      return { title, contentType, body: Buffer.from(renderFeedbackCsv(snapshot, options.delimiter ?? defaultDelimiter(snapshot.meta.language))) };
    }
    const roadmap = buildRoadmap(snapshot, { now });
    if (file === 'roadmap.md') return { title, contentType, body: Buffer.from(renderMarkdown(roadmap, { open: options.open })) };
    if (file === 'roadmap.csv') {
      return { title, contentType, body: Buffer.from(renderCsv(roadmap, options.delimiter ?? defaultDelimiter(roadmap.language))) };
    }
    if (file === 'roadmap.docx') return { title, contentType, body: await renderDocx(roadmap, { open: options.open }) };
    if (file === 'roadmap.pptx') return { title, contentType, body: await renderPptx(roadmap) };
    if (file === 'roadmap.xlsx') return { title, contentType, body: await renderXlsx(roadmap) };
    return { title, contentType, body: await renderPdf(roadmap, { open: options.open }) };
  } finally {
    doc.destroy();
  }
}
