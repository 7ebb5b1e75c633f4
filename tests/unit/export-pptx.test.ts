/**
 * roadmap.pptx, read back with fflate and fast-xml-parser (not pptxgenjs):
 * its content (every segment, stage, accepted action, responsible
 * department, commitment, the foreword), its order, its language tags, and
 * that nothing can run off a slide. The last is checked by an estimator
 * written here, apart from the renderer's layout module: for every text
 * shape and table row, from the XML alone (font sizes, texts, box widths,
 * insets), a conservative height of its wrapped text must fit the box, and
 * every box must lie inside the slide size of ppt/presentation.xml.
 */
import * as Y from 'yjs';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCENT,
  addNote, buildRoadmap, confirmOwners, initializeBoard, localOrigin, readBoard, roadmapLabels, setNoteStatus, systemOrigin, upsertMember,
  type Roadmap,
} from '../../shared/src/index.js';
import { renderPptx } from '../../server/src/exports/pptx.js';
import { HOSTILE, runRoadmapScenario, type RoadmapScenario } from '../support/roadmap-scenario.js';
import { scenario } from '../support/seed-demo.js';

const system = systemOrigin('pptx-test');
const origin = localOrigin('p0');

function scenarioBoard(language: 'en' | 'it'): { doc: Y.Doc; s: RoadmapScenario } {
  const doc = new Y.Doc();
  const title = language === 'it' ? 'Workshop di visione: qualità & velocità' : 'Vision workshop: quality & speed';
  initializeBoard(doc, { title, template: 'vision-workshop', language }, system, Date.UTC(2025, 2, 12, 8));
  scenario.participants.forEach((p, i) => {
    upsertMember(doc, `p${i}`, { name: p.name, department: p.department, role: i === 0 ? 'facilitator' : 'participant', joinedAt: 1, removed: false }, system);
  });
  const facilitator = { id: 'p0', name: scenario.participants[0]!.name, department: scenario.participants[0]!.department };
  const s = runRoadmapScenario(doc, language, facilitator, origin, ['p1', 'p2', 'p3']);
  return { doc, s };
}

function roadmapOf(doc: Y.Doc): Roadmap {
  return buildRoadmap(readBoard(doc), { now: Date.UTC(2025, 2, 13) });
}

// ---------------------------------------------------------------- reading the deck back

type Xml = Record<string, unknown>;

const ARRAYS = new Set(['p:sp', 'p:graphicFrame', 'a:p', 'a:r', 'a:fld', 'a:tr', 'a:tc', 'a:gridCol', 'p:sldId', 'Relationship', 'p:pic']);
const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

const EMU_PER_PT = 12700;

interface Run {
  text: string;
  size: number;
  bold: boolean;
  lang: string | undefined;
}

interface Paragraph {
  runs: Run[];
  /** Space before, in points. */
  before: number;
  /** Line spacing factor (a:lnSpc/a:spcPct), 1 when absent. */
  spacing: number;
  fallbackSize: number;
}

interface Frame {
  kind: 'shape' | 'table-row';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Insets in EMU. */
  insets: { l: number; r: number; t: number; b: number };
  paragraphs: Paragraph[];
}

interface SlideRead {
  texts: string[];
  frames: Frame[];
  /** Each text shape's and table's outer rectangle (EMU). */
  boxes: { x: number; y: number; w: number; h: number; what: string }[];
  langs: (string | undefined)[];
  xml: string;
}

interface DeckRead {
  width: number;
  height: number;
  slides: SlideRead[];
  files: Record<string, Uint8Array>;
}

const num = (v: unknown, fallback: number): number => (v === undefined || v === '' ? fallback : Number(v));
const arr = <T>(v: T[] | T | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const get = (node: unknown, key: string): Xml | undefined => ((node as Xml | undefined)?.[key] as Xml | undefined);

function textOf(t: unknown): string {
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  if (typeof t === 'object' && t !== null && '#text' in t) return String((t as Xml)['#text']);
  return '';
}

function readParagraphs(txBody: Xml | undefined): Paragraph[] {
  const listSize = num(get(get(get(txBody, 'a:lstStyle'), 'a:lvl1pPr'), 'a:defRPr')?.['@_sz'], 1800) / 100;
  return arr(txBody?.['a:p'] as Xml[]).map((p) => {
    const pPr = get(p, 'a:pPr');
    const before = num(get(get(pPr, 'a:spcBef'), 'a:spcPts')?.['@_val'], 0) / 100;
    const spacing = num(get(get(pPr, 'a:lnSpc'), 'a:spcPct')?.['@_val'], 100000) / 100000;
    const endSize = get(p, 'a:endParaRPr')?.['@_sz'];
    const fallbackSize = num(endSize, listSize * 100) / 100;
    const runs = [...arr(p['a:r'] as Xml[]), ...arr(p['a:fld'] as Xml[])].map((r): Run => {
      const rPr = get(r, 'a:rPr');
      return {
        text: textOf(r['a:t']),
        size: num(rPr?.['@_sz'], fallbackSize * 100) / 100,
        bold: rPr?.['@_b'] === '1',
        lang: rPr?.['@_lang'] as string | undefined,
      };
    });
    return { runs, before, spacing, fallbackSize };
  });
}

function readDeck(buffer: Buffer): DeckRead {
  const files = unzipSync(new Uint8Array(buffer));
  const xmlOf = (path: string): string => {
    const file = files[path];
    if (!file) throw new Error(`missing ${path}`);
    return strFromU8(file);
  };
  const presentation = parser.parse(xmlOf('ppt/presentation.xml')) as Xml;
  const sldSz = get(get(presentation, 'p:presentation'), 'p:sldSz')!;
  const rels = parser.parse(xmlOf('ppt/_rels/presentation.xml.rels')) as Xml;
  const targets = new Map(arr(get(rels, 'Relationships')!['Relationship'] as Xml[]).map((r) => [r['@_Id'] as string, r['@_Target'] as string]));
  const ids = arr(get(get(presentation, 'p:presentation'), 'p:sldIdLst')!['p:sldId'] as Xml[]);
  const slides = ids.map((id) => {
    const xml = xmlOf(`ppt/${targets.get(id['@_r:id'] as string)!}`);
    const tree = get(get(get(parser.parse(xml) as Xml, 'p:sld'), 'p:cSld'), 'p:spTree')!;
    const slide: SlideRead = { texts: [], frames: [], boxes: [], langs: [], xml };
    for (const sp of arr(tree['p:sp'] as Xml[])) {
      const txBody = get(sp, 'p:txBody');
      if (!txBody) continue;
      const xfrm = get(get(sp, 'p:spPr'), 'a:xfrm')!;
      const off = get(xfrm, 'a:off')!;
      const ext = get(xfrm, 'a:ext')!;
      const bodyPr = get(txBody, 'a:bodyPr');
      const paragraphs = readParagraphs(txBody);
      const frame: Frame = {
        kind: 'shape', x: num(off['@_x'], 0), y: num(off['@_y'], 0), w: num(ext['@_cx'], 0), h: num(ext['@_cy'], 0),
        insets: { l: num(bodyPr?.['@_lIns'], 91440), r: num(bodyPr?.['@_rIns'], 91440), t: num(bodyPr?.['@_tIns'], 45720), b: num(bodyPr?.['@_bIns'], 45720) },
        paragraphs,
      };
      slide.frames.push(frame);
      slide.boxes.push({ x: frame.x, y: frame.y, w: frame.w, h: frame.h, what: paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(' / ') });
      for (const p of paragraphs) slide.texts.push(p.runs.map((r) => r.text).join(''));
      for (const p of arr(txBody['a:p'] as Xml[])) for (const r of arr(p['a:r'] as Xml[])) slide.langs.push(get(r, 'a:rPr')?.['@_lang'] as string | undefined);
    }
    for (const gf of arr(tree['p:graphicFrame'] as Xml[])) {
      const xfrm = get(gf, 'p:xfrm')!;
      const x = num(get(xfrm, 'a:off')!['@_x'], 0);
      const y0 = num(get(xfrm, 'a:off')!['@_y'], 0);
      const tbl = get(get(get(gf, 'a:graphic'), 'a:graphicData'), 'a:tbl')!;
      const cols = arr(get(tbl, 'a:tblGrid')!['a:gridCol'] as Xml[]).map((c) => num(c['@_w'], 0));
      let y = y0;
      for (const tr of arr(tbl['a:tr'] as Xml[])) {
        const h = num(tr['@_h'], 0);
        let cx = x;
        arr(tr['a:tc'] as Xml[]).forEach((tc, i) => {
          const tcPr = get(tc, 'a:tcPr');
          const txBody = get(tc, 'a:txBody');
          const paragraphs = readParagraphs(txBody);
          slide.frames.push({
            kind: 'table-row', x: cx, y, w: cols[i]!, h,
            insets: { l: num(tcPr?.['@_marL'], 91440), r: num(tcPr?.['@_marR'], 91440), t: num(tcPr?.['@_marT'], 45720), b: num(tcPr?.['@_marB'], 45720) },
            paragraphs,
          });
          for (const p of paragraphs) slide.texts.push(p.runs.map((r) => r.text).join(''));
          for (const p of arr(txBody?.['a:p'] as Xml[])) for (const r of arr(p['a:r'] as Xml[])) slide.langs.push(get(r, 'a:rPr')?.['@_lang'] as string | undefined);
          cx += cols[i]!;
        });
        y += h;
      }
      slide.boxes.push({ x, y: y0, w: cols.reduce((a, b) => a + b, 0), h: y - y0, what: 'table' });
    }
    return slide;
  });
  return { width: num(sldSz['@_cx'], 0), height: num(sldSz['@_cy'], 0), slides, files };
}

// ---------------------------------------------------------------- the independent estimator

/**
 * Conservative for Arial and Liberation Sans (average advance about 0.5 em):
 * every visible character 0.55 em (0.6 in bold), a space 0.3 em; greedy
 * wrapping at spaces, words wider than the line broken anywhere; 1.2 times
 * the paragraph's largest size per line.
 */
function linesNeeded(runs: Run[], widthPt: number): number {
  const chars: { c: string; w: number }[] = [];
  for (const r of runs) for (const c of r.text) chars.push({ c, w: c === ' ' ? 0.3 * r.size : (r.bold ? 0.6 : 0.55) * r.size });
  const words: number[][] = [[]];
  const spaces: number[] = [];
  for (const ch of chars) {
    if (ch.c === ' ') {
      spaces.push(ch.w);
      words.push([]);
    } else words[words.length - 1]!.push(ch.w);
  }
  let lines = 1;
  let used = 0;
  words.forEach((word, i) => {
    const w = word.reduce((a, b) => a + b, 0);
    const space = i > 0 ? spaces[i - 1]! : 0;
    if (used === 0 && i === 0) {
      // first word of the paragraph: placed below
    } else if (used + space + w <= widthPt) {
      used += space + w;
      return;
    } else {
      lines += 1;
      used = 0;
    }
    if (w <= widthPt) {
      used = w;
      return;
    }
    for (const cw of word) {
      if (used > 0 && used + cw > widthPt) {
        lines += 1;
        used = 0;
      }
      used += cw;
    }
  });
  return lines;
}

function neededHeightEmu(frame: Frame): number {
  const widthPt = (frame.w - frame.insets.l - frame.insets.r) / EMU_PER_PT;
  let pt = 0;
  for (const p of frame.paragraphs) {
    const size = Math.max(p.fallbackSize * (p.runs.length === 0 ? 1 : 0), ...p.runs.map((r) => r.size));
    pt += p.before + linesNeeded(p.runs, widthPt) * size * 1.2 * p.spacing;
  }
  return pt * EMU_PER_PT + frame.insets.t + frame.insets.b;
}

/** Every problem found on the deck's slides: boxes outside the slide, text taller than its box, boxes overlapping. */
function layoutProblems(deck: DeckRead): string[] {
  const problems: string[] = [];
  deck.slides.forEach((slide, i) => {
    for (const b of slide.boxes) {
      if (b.x < 0 || b.y < 0 || b.x + b.w > deck.width || b.y + b.h > deck.height) problems.push(`slide ${i + 1}: outside the slide: ${b.what.slice(0, 60)}`);
    }
    for (const f of slide.frames) {
      const need = neededHeightEmu(f);
      if (need > f.h + 1) {
        const text = f.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(' / ');
        problems.push(`slide ${i + 1}: ${f.kind} needs ${(need / 914400).toFixed(2)} in, has ${(f.h / 914400).toFixed(2)}: ${text.slice(0, 60)}`);
      }
    }
    slide.boxes.forEach((a, j) => slide.boxes.slice(j + 1).forEach((b) => {
      const overlap = a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
      if (overlap) problems.push(`slide ${i + 1}: boxes overlap: ${a.what.slice(0, 40)} | ${b.what.slice(0, 40)}`);
    }));
  });
  return problems;
}

function wellFormed(deck: DeckRead): string[] {
  return Object.entries(deck.files)
    .filter(([path]) => path.endsWith('.xml') || path.endsWith('.rels'))
    .filter(([, bytes]) => XMLValidator.validate(strFromU8(bytes)) !== true)
    .map(([path]) => path);
}

// ---------------------------------------------------------------- tests

describe('roadmap.pptx', () => {
  for (const language of ['en', 'it'] as const) {
    it(`holds the whole roadmap in ${language}, in order, tagged ${language}, nothing off a slide`, async () => {
      const { doc, s } = scenarioBoard(language);
      const roadmap = roadmapOf(doc);
      const t = roadmapLabels(language);
      const deck = readDeck(await renderPptx(roadmap));
      expect(wellFormed(deck)).toEqual([]);
      expect(deck.width).toBe(12192000);
      expect(deck.height).toBe(6858000);
      const all = deck.slides.flatMap((sl) => sl.texts);
      // Past the agenda, which names the sections too.
      const slideOf = (text: string): number => deck.slides.findIndex((sl, i) => i > 1 && sl.texts.includes(text));

      // Cover, then the agenda.
      expect(deck.slides[0]!.texts).toContain(roadmap.title);
      expect(deck.slides[0]!.texts).toContain(t.preparedFor(s.company));
      expect(deck.slides[1]!.texts).toContain(t.agenda);
      expect(deck.slides[0]!.xml).toContain(`val="0F766E"`); // the brand's accent
      expect(Object.keys(deck.files).filter((f) => f.startsWith('ppt/media/') && !f.endsWith('/'))).toHaveLength(1);

      // Foreword and executive summary, verbatim, paragraph by paragraph.
      for (const para of [...s.texts.foreword.split('\n\n'), s.texts.executiveSummary]) expect(all).toContain(para);
      expect(deck.slides[2]!.texts).toContain(t.foreword);
      expect(deck.slides[2]!.texts).toContain(s.texts.foreword.split('\n\n')[0]);
      expect(all).toContain(HOSTILE.formula);
      expect(all).toContain(HOSTILE.markdown);

      // Every segment, stage and accepted action; stages after their segment, in order.
      let last = 1;
      for (const segment of roadmap.segments) {
        expect(all).toContain(segment.name);
        expect(all).toContain(segment.summary);
        const segmentSlide = deck.slides.findIndex((sl, i) => i > last && sl.texts.includes(segment.name));
        expect(segmentSlide).toBeGreaterThan(last);
        last = segmentSlide;
        for (const stage of segment.stages) {
          const title = `${segment.number}.${stage.number}  ${stage.name}`;
          const stageSlide = slideOf(title);
          expect(stageSlide, title).toBeGreaterThan(last);
          last = stageSlide;
          expect(deck.slides[segmentSlide]!.texts).toContain(stage.name);
          expect(deck.slides[segmentSlide]!.texts).toContain(t.actionCount(stage.actions.length));
          for (const action of stage.actions) {
            expect(deck.slides[stageSlide]!.texts).toContain(action.text);
            if (action.responsible) expect(deck.slides[stageSlide]!.texts).toContain(action.responsible.name);
            if (action.supporting.length > 0) expect(deck.slides[stageSlide]!.texts).toContain(action.supporting.map((d) => d.name).join(', '));
          }
          if (stage.summary) expect(deck.slides[stageSlide]!.texts).toContain(stage.summary);
        }
      }
      for (const text of Object.values(HOSTILE)) expect(all).toContain(text);
      expect(all.join('\n')).toContain(language === 'it' ? 'Qualità' : 'Rossi Components Ltd & Co.');

      // The matrix names every department with a responsibility; the commitments slides carry the commitment.
      const matrixSlide = slideOf(t.responsibilityMatrix);
      expect(matrixSlide).toBeGreaterThan(last);
      const matrixTexts = deck.slides.slice(matrixSlide).flatMap((sl) => sl.texts);
      for (const row of roadmap.matrix.rows.filter((r) => r.responsible > 0)) expect(matrixTexts).toContain(row.department.name);
      const commitment = roadmap.commitments[0]!;
      const commitmentSlide = slideOf(`“${commitment.text}”`);
      expect(commitmentSlide).toBeGreaterThan(matrixSlide);
      expect(deck.slides[commitmentSlide]!.texts).toContain(commitment.department.name);
      expect(deck.slides[commitmentSlide]!.texts).toContain(t.commitmentsAsked);
      const shipping = roadmap.byDepartment.find((d) => d.department.key === 'shipping')!;
      expect(deck.slides[commitmentSlide]!.texts.join('\n')).toContain(String(shipping.responsible.length));
      // Open questions last.
      const questions = slideOf(t.openQuestions);
      expect(questions).toBe(deck.slides.length - 1);
      for (const q of roadmap.questions) expect(deck.slides[questions]!.texts).toContain(q.item.text);

      // Every run in the board's language; slide numbers on every slide but the cover.
      expect(new Set(deck.slides.flatMap((sl) => sl.langs))).toEqual(new Set([t.locale]));
      expect(deck.slides.slice(1).every((sl) => sl.xml.includes('type="slidenum"'))).toBe(true);
      expect(layoutProblems(deck)).toEqual([]);
    });
  }

  it('puts a stage with 40 long actions on several slides, each within bounds', async () => {
    const { doc } = scenarioBoard('it');
    const stage = readBoard(doc).segments[1]!.stages[2]!;
    const author = { id: 'p0', name: 'Facilitatore', department: 'sales' };
    const texts = Array.from({ length: 40 }, (_, i) => `Azione ${i + 1}: ${'preparare e condividere con il reparto tecnico una scheda di qualificazione completa, '.repeat(3)}perché è così.`);
    texts.push(`Parolalunghissima${'x'.repeat(700)}fine`);
    for (const [i, text] of texts.entries()) {
      const id = addNote(doc, { stageId: stage.id, text }, author, origin, Date.UTC(2025, 2, 12, 10));
      setNoteStatus(doc, id, 'accepted', origin);
      confirmOwners(doc, id, { responsible: i % 2 ? 'engineering' : 'support', supporting: ['sales', 'marketing', 'finance'] }, origin);
    }
    const roadmap = roadmapOf(doc);
    const t = roadmapLabels('it');
    const deck = readDeck(await renderPptx(roadmap));
    const title = `2.3  ${stage.name}`;
    const kicker = `${t.segment} 2 · ${roadmap.segments[1]!.name}`;
    const slides = deck.slides.filter((sl) => sl.texts.includes(kicker) && (sl.texts.includes(title) || sl.texts.includes(`${title} (${t.continued})`)));
    expect(slides.length).toBeGreaterThan(3);
    expect(slides.slice(1).every((sl) => sl.texts.includes(`${title} (${t.continued})`))).toBe(true);
    const stageTexts = slides.flatMap((sl) => sl.texts);
    for (const text of texts.slice(0, 40)) expect(stageTexts).toContain(text);
    // A word too long for a slide's column may be cut between rows, never lost.
    expect(stageTexts.join('').replace(/\s/g, '')).toContain(texts[40]!);
    expect(layoutProblems(deck)).toEqual([]);
  });

  it('cuts a wide and tall responsibility matrix by stage columns and department rows, never below 10 pt', async () => {
    const { doc } = scenarioBoard('en');
    const roadmap = roadmapOf(doc);
    const t = roadmapLabels('en');
    const segment = roadmap.segments[0]!;
    const stages = Array.from({ length: 13 }, (_, i) => ({ ...segment.stages[0]!, id: `wide-${i}`, number: i + 1, name: `Stage number ${i + 1} of the wide segment` }));
    const departments = Array.from({ length: 26 }, (_, i) => ({ key: `d${i}`, name: `Department of things number ${i + 1}`, color: i % 2 ? '#0f766e' : '#b45309' }));
    const wide: Roadmap = {
      ...roadmap,
      segments: [{ ...segment, stages }],
      matrix: {
        stages: stages.map((st) => ({ id: st.id, segmentId: segment.id, number: st.number, name: st.name })),
        rows: departments.map((department, d) => ({
          department,
          cells: stages.map((st, i) => ({ stageId: st.id, responsible: (i + d) % 3, supporting: (i * d) % 2 })),
          responsible: 1, supporting: 1,
        })),
        unowned: { 'wide-0': 2 },
      },
    };
    const deck = readDeck(await renderPptx(wide));
    const matrix = deck.slides.filter((sl) => sl.texts[1] === t.responsibilityMatrix);
    expect(matrix.length).toBeGreaterThanOrEqual(4);
    const texts = matrix.flatMap((sl) => sl.texts);
    for (const d of departments) expect(texts).toContain(d.name);
    for (const st of stages) expect(texts).toContain(`1.${st.number} ${st.name}`);
    expect(texts).toContain(t.noOwner);
    const sizes = matrix.flatMap((sl) => [...sl.xml.matchAll(/<a:rPr[^>]* sz="(\d+)"/g)].map((m) => Number(m[1])));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1000);
    expect(layoutProblems(deck)).toEqual([]);
  });

  it('renders a board without brand, texts or actions, in the default accent', async () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { title: 'Empty', template: 'vision-workshop', language: 'en' }, system, Date.UTC(2025, 2, 12, 8));
    const roadmap = roadmapOf(doc);
    const t = roadmapLabels('en');
    const deck = readDeck(await renderPptx(roadmap));
    expect(wellFormed(deck)).toEqual([]);
    expect(deck.slides[0]!.xml).toContain(`val="${DEFAULT_ACCENT.slice(1).toUpperCase()}"`);
    expect(deck.slides[0]!.texts.some((x) => x.startsWith(t.preparedFor('').trim()))).toBe(false);
    expect(Object.keys(deck.files).some((f) => f.startsWith('ppt/media/') && !f.endsWith('/'))).toBe(false);
    expect(deck.slides[2]!.texts).toContain(roadmap.segments[0]!.name);
    const all = deck.slides.flatMap((sl) => sl.texts);
    expect(all).not.toContain(t.foreword);
    expect(all).toContain(t.noActions);
    expect(all).toContain(t.noQuestions);
    expect(layoutProblems(deck)).toEqual([]);
  });

  it('keeps a long title, company name and summaries inside their slides', async () => {
    const { doc } = scenarioBoard('en');
    const roadmap = roadmapOf(doc);
    const long = 'Wwww Mmmm '.repeat(12).trim();
    const stretched: Roadmap = {
      ...roadmap,
      title: long,
      brand: { ...roadmap.brand, companyName: 'W'.repeat(120) },
      foreword: Array.from({ length: 12 }, () => 'A foreword paragraph that goes on and on about what the workshop found and why it matters. '.repeat(5)).join('\n\n'),
      segments: roadmap.segments.map((s) => ({
        ...s, name: 'M'.repeat(80), summary: 'Summary words '.repeat(105),
        stages: s.stages.map((st) => ({ ...st, name: 'Wide stage name '.repeat(5), summary: 'x'.repeat(1500) })),
      })),
    };
    const deck = readDeck(await renderPptx(stretched));
    expect(wellFormed(deck)).toEqual([]);
    expect(deck.slides.filter((sl) => sl.texts.includes(`${roadmapLabels('en').foreword} (${roadmapLabels('en').continued})`)).length).toBeGreaterThan(0);
    expect(layoutProblems(deck)).toEqual([]);
  });

  it('renders a 300-note board (time logged)', async () => {
    const { doc } = scenarioBoard('en');
    const board = readBoard(doc);
    const stages = board.segments.flatMap((s) => s.stages);
    const departments = ['sales', 'fae', 'engineering', 'support', 'marketing', 'shipping', 'service', 'finance', 'quality'];
    const author = { id: 'p0', name: 'Facilitator', department: 'sales' };
    const existing = board.notesById.size;
    for (let i = existing; i < 300; i += 1) {
      const id = addNote(doc, { stageId: stages[i % stages.length]!.id, text: `Note ${i}: agree who answers the buyer's technical questions within two days` }, author, origin);
      if (i % 5 !== 0) {
        setNoteStatus(doc, id, 'accepted', origin);
        confirmOwners(doc, id, { responsible: departments[i % departments.length]!, supporting: [departments[(i + 3) % departments.length]!] }, origin);
      }
    }
    const roadmap = roadmapOf(doc);
    // The longest the event loop waited during the render, probed every 5 ms.
    let longest = 0;
    let tick = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - tick);
      tick = now;
    }, 5);
    const started = performance.now();
    const buffer = await renderPptx(roadmap);
    const ms = performance.now() - started;
    clearInterval(probe);
    console.log(`roadmap.pptx, 300 notes (${roadmap.counts.actions} actions): ${ms.toFixed(0)} ms, longest event-loop wait ${longest.toFixed(0)} ms, ${(buffer.length / 1024).toFixed(0)} KiB`);
    const deck = readDeck(buffer);
    expect(deck.slides.length).toBeGreaterThan(30);
    expect(layoutProblems(deck)).toEqual([]);
  });
});
