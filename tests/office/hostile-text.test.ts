import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../server/src/exports/render.js';
import { convertToPdf } from '../support/libreoffice.js';
import { hostileBoard, OFFICE_FILES } from '../support/hostile-board.js';

/**
 * A board whose every user text mixes characters XML 1.0 forbids with tricky
 * legal ones (support/hostile-board.ts; tests/unit/export-hostile-text.test.ts
 * checks every XML part of 30 such boards): its Word, PowerPoint and Excel
 * files must still open in a real office suite. LibreOffice (headless, its own
 * profile) converts each to PDF, and pdf.js finds the board's title, company
 * and note markers in it. Before xml-text.ts, LibreOffice refused such files
 * (a control character in pptxgenjs's app.xml, in exceljs's shared strings).
 */
const SEED = 1000;
const work = mkdtempSync(join(tmpdir(), 'tabella-hostile-office-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function pdfText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
  }
  await pdf.destroy();
  return text.replace(/\s+/g, '');
}

describe('LibreOffice opens the office exports of a board whose texts are hostile to XML', () => {
  const board = hostileBoard(SEED);
  // One base name per file (LibreOffice names each PDF after its source); one conversion run for the three.
  const name = (file: string): string => `hostile-${SEED}-${file.replace('.', '-')}`;
  /** The markers (of the title, the company, the notes) each file holds, read from its XML: what LibreOffice must show. */
  const held = new Map<string, string[]>();
  let converted: Promise<{ code: number | null; output: string }> | undefined;
  const conversion = () => (converted ??= (async () => {
    const paths: string[] = [];
    for (const file of OFFICE_FILES) {
      const path = join(work, `${name(file)}.${file.split('.')[1]}`);
      const body = (await renderExport(file, board.state)).body;
      writeFileSync(path, body);
      paths.push(path);
      const xml = Object.entries(unzipSync(new Uint8Array(body))).filter(([part]) => /^(word|ppt|xl)\/.*\.xml$/.test(part)).map(([, bytes]) => strFromU8(bytes)).join('');
      held.set(file, board.fields.filter((f) => ['title', 'company', 'note text'].includes(f.place) && xml.includes(f.marker)).map((f) => f.marker));
    }
    return convertToPdf(paths, work, work);
  })());

  it.each(OFFICE_FILES)('%s converts to PDF and shows the title, the company and the notes', async (file) => {
    const result = await conversion();
    expect(result.code, result.output).toBe(0);
    const pdf = join(work, `${name(file)}.pdf`);
    expect(existsSync(pdf), `${file}: ${result.output}`).toBe(true);
    const text = await pdfText(pdf);
    const wanted = held.get(file)!;
    expect(wanted.length, file).toBeGreaterThan(5);
    expect(wanted.filter((m) => !text.includes(m)), `${file}: markers missing from LibreOffice's rendering`).toEqual([]);
  });
});
