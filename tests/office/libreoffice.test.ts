import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  buildRoadmap, initializeBoard, localOrigin, readBoard, systemOrigin, upsertMember, type Roadmap,
} from '../../shared/src/index.js';
import { renderExport } from '../../server/src/exports/render.js';
import { convertToPdf } from '../support/libreoffice.js';
import { runRoadmapScenario } from '../support/roadmap-scenario.js';
import { scenario } from '../support/seed-demo.js';

/**
 * The Word, PowerPoint and Excel exports must open in a real office suite,
 * not only in our own readers: LibreOffice (headless) converts each to PDF,
 * and the PDF's text (read by pdf.js, independent of both) holds the board.
 * Set OFFICE_OUT to keep the files and PDFs (then `pdftoppm -png` to look).
 */
const work = mkdtempSync(join(tmpdir(), 'tabella-office-'));
const out = process.env.OFFICE_OUT ?? work;
const FILES = ['roadmap.docx', 'roadmap.pptx', 'roadmap.xlsx'] as const;

afterAll(() => rmSync(work, { recursive: true, force: true }));

function exampleBoard(language: 'en' | 'it') {
  const doc = new Y.Doc();
  const system = systemOrigin('office-test');
  const title = language === 'it' ? 'Workshop di visione: qualità & velocità' : 'Vision workshop: quality & speed';
  initializeBoard(doc, { title, template: 'vision-workshop', language }, system, Date.UTC(2025, 2, 12, 8));
  scenario.participants.forEach((p, i) => {
    upsertMember(doc, `p${i}`, { name: p.name, department: p.department, role: i === 0 ? 'facilitator' : 'participant', joinedAt: 1, removed: false }, system);
  });
  const facilitator = { id: 'p0', name: scenario.participants[0]!.name, department: scenario.participants[0]!.department };
  const s = runRoadmapScenario(doc, language, facilitator, localOrigin('p0'), ['p1', 'p2', 'p3']);
  return { doc, s, roadmap: buildRoadmap(readBoard(doc)) };
}

/** One LibreOffice run converts every file (its start is the slow part); its own profile folder, so nothing is shared. */
async function pdfText(path: string): Promise<{ text: string; pages: number; ratio: number }> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, isEvalSupported: false }).promise;
  const [, , width, height] = (await pdf.getPage(1)).view as [number, number, number, number];
  let text = '';
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { text, pages, ratio: width / height };
}

/** Wrapping and hyphenation split texts anywhere: compare without whitespace. */
const squash = (s: string): string => s.replace(/\s+/g, '');

function accepted(roadmap: Roadmap): string[] {
  return roadmap.segments.flatMap((s) => s.stages.flatMap((t) => t.actions.map((a) => a.text)));
}

describe.each(['en', 'it'] as const)('LibreOffice opens the office exports (%s)', (language) => {
  const { doc, s, roadmap } = exampleBoard(language);
  // Made once, by the first test that needs it.
  let converted: Promise<{ result: { code: number | null; output: string }; pdfs: string[] }> | undefined;
  const conversion = () => (converted ??= (async () => {
    const state = Y.encodeStateAsUpdate(doc);
    const paths: string[] = [];
    for (const file of FILES) {
      // One base name per file: LibreOffice names each PDF after its source, so roadmap.docx and roadmap.pptx would collide.
      const path = join(out, `${language}-${file.replace('.', '-')}.${file.split('.')[1]}`);
      writeFileSync(path, (await renderExport(file, state)).body);
      paths.push(path);
    }
    const result = await convertToPdf(paths, out, work);
    return { result, pdfs: FILES.map((file) => join(out, `${language}-${file.replace('.', '-')}.pdf`)) };
  })());

  it.each(FILES.map((file, i) => [file, i] as const))('%s converts to PDF and its text holds every accepted action', async (file, i) => {
    const { result, pdfs } = await conversion();
    expect(result.code, result.output).toBe(0);
    const pdf = pdfs[i]!;
    expect(existsSync(pdf), `${file}: ${result.output}`).toBe(true);
    const { text, pages, ratio } = await pdfText(pdf);
    expect(pages).toBeGreaterThan(0);
    // The PDF is this file's: the deck's pages are 16:9 slides, the booklet's A4 upright.
    if (file === 'roadmap.pptx') expect(ratio).toBeCloseTo(16 / 9, 1);
    if (file === 'roadmap.docx') expect(ratio).toBeCloseTo(210 / 297, 1);
    const all = squash(text);
    const missing = accepted(roadmap).filter((action) => !all.includes(squash(action)));
    expect(missing, `${file}: actions missing from LibreOffice's rendering`).toEqual([]);
    for (const segment of roadmap.segments) expect(all, segment.name).toContain(squash(segment.name));
    // The foreword's first sentence, as typed (accents and all).
    expect(all).toContain(squash(s.texts.foreword.split(':')[0]!));
  });
});
