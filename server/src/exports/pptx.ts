import PptxGenJS from 'pptxgenjs';
import {
  DEFAULT_ACCENT, formatRoadmapDates, roadmapLabels, type OpenNotesChoice, type Roadmap, type RoadmapItem, type RoadmapLabels,
  type RoadmapSegment, type RoadmapStage,
} from '../../../shared/src/index.js';
import { deckLabels, type DeckLabels } from './pptx-labels.js';
import {
  BOX_INSET, FONT, SLIDE, boxHeight, fitSize, paragraphsOf, textWidth, wrapParagraph, type Para, type TextStyle,
} from './pptx-layout.js';
import { CELL_PAD, cellParas, flow, type Block, type Cell, type Column, type Placed, type Row } from './pptx-flow.js';

/**
 * roadmap.pptx: the deck for the executives' meeting (workshop step 6).
 * Cover, agenda, foreword and executive summary (when written), one slide per
 * segment, one per stage with its actions and departments, the
 * responsibility matrix, the commitments asked of each department, the open
 * questions. Every text box and table row is sized by pptx-layout's
 * estimate and content that does not fit moves to a "continued" slide: no
 * slide relies on autofit, nothing runs off a slide. Every run is in FONT and
 * tagged with the board's language (spell-check). User text is set as plain
 * text runs (pptxgenjs escapes it for XML).
 * `options` is accepted for symmetry with the booklets; the deck shows only
 * the roadmap's actions and the count of notes still to decide.
 */
export async function renderPptx(roadmap: Roadmap, options: { open?: OpenNotesChoice } = {}): Promise<Buffer> {
  void options;
  const deck = new Deck(roadmap);
  const body: Section[] = [];
  if (roadmap.foreword.trim()) body.push(textSection(deck, deck.t.foreword, roadmap.foreword));
  if (roadmap.executiveSummary.trim()) body.push(textSection(deck, deck.t.executiveSummary, roadmap.executiveSummary));
  for (const segment of roadmap.segments) {
    const stages = segment.stages.map((stage) => stageSection(deck, segment, stage));
    body.push({ ...segmentSection(deck, segment), after: stages });
    await breather();
  }
  body.push(matrixSection(deck));
  body.push(commitmentsSection(deck));
  body.push(questionsSection(deck));

  // Slide numbers: cover 1, then the agenda's slides, then the sections in order.
  const agendaEntries = body.map((s) => s.agenda);
  const agendaPages = agendaSection(deck, agendaEntries.map((title) => ({ title, slide: 0 }))).pages.length;
  let next = 2 + agendaPages;
  const entries = body.map((s) => {
    const entry = { title: s.agenda, slide: next };
    next += s.pages.length + (s.after ?? []).reduce((n, a) => n + a.pages.length, 0);
    return entry;
  });

  cover(deck);
  renderSection(deck, agendaSection(deck, entries));
  for (const section of body) {
    renderSection(deck, section);
    for (const after of section.after ?? []) {
      renderSection(deck, after);
      await breather();
    }
  }
  // stream() is write() as a Node buffer, and the only export that honours `compression`.
  const out = await deck.pptx.stream({ compression: true });
  return out as Buffer;
}

/** Lets the event loop run between sections: a large board's deck is built in steps, not one long block. */
function breather(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const INK = '1F2937';
const MUTED = '6B7280';
const FAINT = '9CA3AF';
const RULE = 'E5E7EB';
const WARN = 'B45309';

const MARGIN_LEFT = 0.75;
const MARGIN_RIGHT = 0.6;
const CONTENT_W = SLIDE.width - MARGIN_LEFT - MARGIN_RIGHT;
const HEADER_TOP = 0.35;
const BODY_BOTTOM = 6.8;
const FOOTER_Y = 6.98;
const FOOTER_H = 0.32;
const TITLE_SIZES = [28, 24, 20] as const;

function hex(color: string): string {
  const c = color.replace('#', '').toUpperCase();
  return /^[0-9A-F]{6}$/.test(c) ? c : DEFAULT_ACCENT.slice(1).toUpperCase();
}

/** `color` mixed with white: 0 white, 1 the colour. */
function tint(color: string, amount: number): string {
  const c = hex(color);
  return [0, 2, 4].map((i) => {
    const v = parseInt(c.slice(i, i + 2), 16);
    return Math.round(255 - (255 - v) * amount).toString(16).padStart(2, '0');
  }).join('').toUpperCase();
}

interface Header {
  kicker: string;
  kickerColor: string;
  title: string;
  subtitle?: string;
  /** The left bar's colour. */
  bar: string;
}

interface Section {
  header: Header;
  pages: Placed[][];
  /** The section's line on the agenda. */
  agenda: string;
  /** Sections that follow this one without their own agenda line (a segment's stages). */
  after?: Section[];
}

class Deck {
  readonly pptx = new PptxGenJS();
  readonly t: RoadmapLabels;
  readonly d: DeckLabels;
  readonly lang: string;
  readonly accent: string;
  readonly footer: string;

  constructor(readonly roadmap: Roadmap) {
    this.t = roadmapLabels(roadmap.language);
    this.d = deckLabels(roadmap.language);
    this.lang = this.t.locale;
    this.accent = hex(roadmap.brand.accentColor || DEFAULT_ACCENT);
    this.pptx.layout = 'LAYOUT_WIDE';
    this.pptx.title = roadmap.title || this.t.salesRoadmap;
    // pptxgenjs writes the company into docProps/app.xml unescaped (its title it escapes).
    this.pptx.company = xmlEscape(roadmap.brand.companyName);
    this.pptx.author = 'Tabella';
    this.pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
    const footer = [roadmap.title || this.t.salesRoadmap, roadmap.brand.companyName].filter(Boolean).join('  ·  ');
    this.footer = oneLine(footer, { size: 10 }, 9.5);
  }

  /** Runs of paragraphs for pptxgenjs: one run per paragraph, each ending its paragraph. */
  runs(paras: readonly Para[]): PptxGenJS.TextProps[] {
    const runs: PptxGenJS.TextProps[] = [];
    paras.forEach((p) => {
      paragraphsOf(p.text).forEach((text, i) => {
        runs.push({
          text,
          options: {
            fontFace: FONT, fontSize: p.style.size, bold: p.style.bold ?? false, italic: p.style.italic ?? false,
            color: p.style.color ?? INK, lang: this.lang, breakLine: true, align: p.align ?? 'left',
            paraSpaceBefore: i === 0 ? p.spaceBefore ?? 0 : 0, paraSpaceAfter: 0,
          },
        });
      });
    });
    const last = runs[runs.length - 1];
    if (last?.options) last.options.breakLine = false;
    return runs;
  }

  /** A text box exactly as tall as its estimate (or `h`, when given and larger). */
  box(slide: PptxGenJS.Slide, paras: readonly Para[], x: number, y: number, w: number, opts: { h?: number; inset?: number; fill?: string } = {}): number {
    const inset = opts.inset ?? BOX_INSET;
    const h = Math.max(opts.h ?? 0, boxHeight(paras, w, inset));
    slide.addText(this.runs(paras), {
      x, y, w, h, margin: inset * 72, valign: 'top', fit: 'none', wrap: true, fontFace: FONT, lang: this.lang,
      ...(opts.fill ? { fill: { color: opts.fill } } : {}),
    });
    return h;
  }

  newSlide(bar: string, numbered = true): PptxGenJS.Slide {
    const slide = this.pptx.addSlide();
    slide.background = { color: 'FFFFFF' };
    slide.addShape('rect', { x: 0, y: 0, w: 0.22, h: SLIDE.height, fill: { color: bar }, line: { color: bar, width: 0 } });
    if (numbered) {
      slide.addShape('line', { x: MARGIN_LEFT, y: FOOTER_Y - 0.06, w: CONTENT_W, h: 0, line: { color: RULE, width: 0.75 } });
      this.box(slide, [{ text: this.footer, style: { size: 10, color: MUTED } }], MARGIN_LEFT, FOOTER_Y, 10);
      slide.slideNumber = { x: SLIDE.width - MARGIN_RIGHT - 1, y: FOOTER_Y, w: 1, h: FOOTER_H, fontFace: FONT, fontSize: 10, color: MUTED, align: 'right' };
    }
    return slide;
  }
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The text cut to one line of `width` inches, with an ellipsis when cut. */
function oneLine(text: string, style: TextStyle, width: number): string {
  const flat = paragraphsOf(text).join(' ');
  const lines = wrapParagraph(flat, style, width);
  if (lines.length === 1) return flat;
  let first = lines[0]!.text;
  while (first.length > 0 && textWidth(`${first}…`, style) > width * 0.95) first = first.slice(0, -1);
  return `${first}…`;
}

// ---------------------------------------------------------------- headers

function headerParas(header: Header, titleSize: number, title: string): Para[][] {
  const kicker: Para = { text: header.kicker, style: { size: 13, bold: true, color: hex(header.kickerColor) } };
  const titlePara: Para = { text: title, style: { size: titleSize, bold: true, color: INK } };
  const sub: Para[] = header.subtitle ? [{ text: header.subtitle, style: { size: 15, color: MUTED } }] : [];
  return [[kicker], [titlePara], sub];
}

function titleSize(header: Header, continued: string): number {
  return fitSize(`${header.title} (${continued})`, { bold: true }, CONTENT_W - 2 * BOX_INSET, TITLE_SIZES, 2);
}

/** The header's height: the same on a section's first and continued slides, so their bodies line up. */
function headerHeight(header: Header, t: RoadmapLabels): number {
  const size = titleSize(header, t.continued);
  const variants = [header.title, `${header.title} (${t.continued})`];
  return Math.max(...variants.map((title) => headerParas(header, size, title)
    .filter((p) => p.length > 0)
    .reduce((h, paras) => h + boxHeight(paras, CONTENT_W), 0)));
}

function drawHeader(deck: Deck, slide: PptxGenJS.Slide, header: Header, continued: boolean): void {
  const size = titleSize(header, deck.t.continued);
  const title = continued ? `${header.title} (${deck.t.continued})` : header.title;
  let y = HEADER_TOP;
  for (const paras of headerParas(header, size, title)) {
    if (paras.length === 0) continue;
    y += deck.box(slide, paras, MARGIN_LEFT, y, CONTENT_W);
  }
}

function bodyTop(header: Header, t: RoadmapLabels): number {
  return HEADER_TOP + headerHeight(header, t) + 0.22;
}

function section(deck: Deck, header: Header, blocks: Block[], agenda: string): Section {
  const top = bodyTop(header, deck.t);
  return { header, pages: flow(blocks, CONTENT_W, BODY_BOTTOM - top), agenda };
}

function renderSection(deck: Deck, s: Section): void {
  const top = bodyTop(s.header, deck.t);
  s.pages.forEach((page, i) => {
    const slide = deck.newSlide(hex(s.header.bar));
    drawHeader(deck, slide, s.header, i > 0);
    for (const placed of page) drawPlaced(deck, slide, placed, top);
  });
}

function drawPlaced(deck: Deck, slide: PptxGenJS.Slide, placed: Placed, top: number): void {
  const y = top + placed.y;
  if (placed.kind === 'box') {
    deck.box(slide, placed.paras, MARGIN_LEFT, y, CONTENT_W, { inset: placed.inset, ...(placed.block.fill ? { fill: placed.block.fill } : {}) });
    if (placed.block.stripe) {
      const color = hex(placed.block.stripe);
      slide.addShape('rect', { x: MARGIN_LEFT, y, w: 0.06, h: placed.height, fill: { color }, line: { color, width: 0 } });
    }
    return;
  }
  const columns = placed.block.columns;
  const rows: PptxGenJS.TableRow[] = placed.rows.map((row) => row.map((cell, i) => tableCell(deck, cell, columns[i]!)));
  slide.addTable(rows, {
    x: MARGIN_LEFT, y, w: columns.reduce((w, c) => w + c.width, 0), h: placed.height, colW: columns.map((c) => c.width), rowH: placed.heights,
    fontFace: FONT, valign: 'top',
    border: placed.block.lines === 'rows'
      ? [{ type: 'none' }, { type: 'none' }, { type: 'solid', pt: 0.75, color: RULE }, { type: 'none' }]
      : { type: 'solid', pt: 0.75, color: RULE },
  });
}

function tableCell(deck: Deck, cell: Cell, column: Column): PptxGenJS.TableCell {
  const runs = deck.runs(cellParas(cell).map((p) => ({ ...p, align: p.align ?? column.align ?? 'left' })));
  return {
    text: runs,
    options: {
      margin: [CELL_PAD.y, CELL_PAD.x, CELL_PAD.y, CELL_PAD.x], valign: 'top', fontFace: FONT,
      ...(cell.fill ? { fill: { color: cell.fill } } : {}),
    },
  };
}

// ---------------------------------------------------------------- cover and agenda

function cover(deck: Deck): void {
  const { roadmap, t } = deck;
  const slide = deck.newSlide(deck.accent, false);
  slide.addShape('rect', { x: 0, y: 0, w: 0.5, h: SLIDE.height, fill: { color: deck.accent }, line: { color: deck.accent, width: 0 } });
  // A strip of the segments' colours along the bottom.
  const strip = roadmap.segments.length > 0 ? roadmap.segments.map((s) => hex(s.color)) : [tint(deck.accent, 0.5)];
  const stripW = (SLIDE.width - 0.5) / strip.length;
  strip.forEach((color, i) => slide.addShape('rect', {
    x: 0.5 + i * stripW, y: SLIDE.height - 0.16, w: stripW, h: 0.16, fill: { color }, line: { color, width: 0 },
  }));
  const logo = roadmap.brand.logo;
  if (logo) {
    // The logo's own aspect ratio, fitted in its box, aligned to the box's top right.
    const box = { x: 9.0, y: 0.55, w: 3.7, h: 1.5 };
    const scale = Math.min(box.w / logo.width, box.h / logo.height);
    const w = logo.width * scale;
    const h = logo.height * scale;
    slide.addImage({
      data: `image/${logo.type};base64,${Buffer.from(logo.bytes).toString('base64')}`,
      x: box.x + box.w - w, y: box.y, w, h, altText: roadmap.brand.companyName || t.salesRoadmap,
    });
  }
  const x = 1.2;
  const w = SLIDE.width - x - 0.9;
  const title = roadmap.title || t.salesRoadmap;
  const size = fitSize(title, { bold: true }, w - 2 * BOX_INSET, [40, 34, 28, 24], 3);
  const paras: Para[] = [
    { text: t.salesRoadmap.toLocaleUpperCase(t.locale), style: { size: 15, bold: true, color: deck.accent } },
    { text: title, style: { size, bold: true, color: INK }, spaceBefore: 10 },
  ];
  if (roadmap.brand.companyName) paras.push({ text: t.preparedFor(roadmap.brand.companyName), style: { size: 22, color: INK }, spaceBefore: 18 });
  paras.push({ text: `${t.workshopDates}: ${formatRoadmapDates(roadmap.createdAt, roadmap.lastActivityAt, t)}`, style: { size: 16, color: MUTED }, spaceBefore: 14 });
  const stages = roadmap.segments.reduce((n, s) => n + s.stages.length, 0);
  paras.push({
    text: [`${t.segment}: ${roadmap.segments.length}`, `${t.stage}: ${stages}`, `${t.actions}: ${roadmap.counts.actions}`].join('   ·   '),
    style: { size: 16, color: MUTED }, spaceBefore: 4,
  });
  const h = boxHeight(paras, w);
  const y = Math.max(2.3, Math.min(2.6, SLIDE.height - 0.5 - h));
  slide.addShape('rect', { x, y: y - 0.25, w: 1.2, h: 0.08, fill: { color: deck.accent }, line: { color: deck.accent, width: 0 } });
  deck.box(slide, paras, x, y, w);
}

function agendaSection(deck: Deck, entries: { title: string; slide: number }[]): Section {
  const header: Header = { kicker: deck.roadmap.title || deck.t.salesRoadmap, kickerColor: deck.accent, title: deck.t.agenda, bar: deck.accent };
  const columns: Column[] = [{ width: 0.9 }, { width: CONTENT_W - 0.9 - 1.4 }, { width: 1.4, align: 'right' }];
  const rows: Row[] = entries.map((e, i) => [
    { paras: [{ text: String(i + 1).padStart(2, '0'), style: { size: 20, bold: true, color: deck.accent } }] },
    { paras: [{ text: e.title, style: { size: 20, color: INK } }] },
    { paras: [{ text: e.slide ? String(e.slide) : '', style: { size: 16, color: MUTED } }] },
  ]);
  return section(deck, header, [{ kind: 'table', columns, header: null, rows, lines: 'rows' }], deck.t.agenda);
}

// ---------------------------------------------------------------- sections

function textSection(deck: Deck, title: string, text: string): Section {
  const header: Header = { kicker: deck.roadmap.title || deck.t.salesRoadmap, kickerColor: deck.accent, title, bar: deck.accent };
  const paras: Para[] = text.trim().split(/\n\s*\n/).map((p, i) => ({ text: p.trim(), style: { size: 18, color: INK }, spaceBefore: i === 0 ? 0 : 12 }));
  return section(deck, header, [{ kind: 'box', paras }], title);
}

function summaryPanel(label: string, text: string, color: string): Block {
  return {
    kind: 'box', fill: tint(color, 0.1), stripe: color,
    paras: [
      { text: label, style: { size: 12, bold: true, color: hex(color) } },
      ...text.trim().split(/\n\s*\n/).map((p): Para => ({ text: p.trim(), style: { size: 16, color: INK }, spaceBefore: 6 })),
    ],
  };
}

function segmentSection(deck: Deck, segment: RoadmapSegment): Section {
  const { t } = deck;
  const header: Header = { kicker: `${t.segment} ${segment.number}`, kickerColor: segment.color, title: segment.name, bar: segment.color };
  const blocks: Block[] = [];
  if (segment.description.trim()) blocks.push({ kind: 'box', paras: [{ text: segment.description.trim(), style: { size: 15, italic: true, color: MUTED } }] });
  if (segment.summary.trim()) blocks.push(summaryPanel(t.summary, segment.summary, segment.color));
  const head = (text: string): Cell => ({ paras: [{ text, style: { size: 12, bold: true, color: MUTED } }], fill: 'F3F4F6' });
  blocks.push({
    kind: 'table',
    columns: [{ width: 0.8, align: 'center' }, { width: 4.6 }, { width: 4.4 }, { width: CONTENT_W - 9.8, align: 'right' }],
    header: [head(t.segmentStageNumber), head(t.salesStage), head(t.buyerStep), head(t.actions)],
    rows: segment.stages.map((stage): Row => [
      { paras: [{ text: `${segment.number}.${stage.number}`, style: { size: 15, bold: true, color: hex(segment.color) } }] },
      { paras: [{ text: stage.name, style: { size: 15, bold: true } }] },
      { paras: [{ text: stage.buyerStep || '–', style: { size: 14, color: MUTED } }] },
      { paras: [{ text: t.actionCount(stage.actions.length), style: { size: 14, bold: stage.actions.length > 0, color: stage.actions.length > 0 ? INK : FAINT } }] },
    ]),
  });
  if (segment.stages.length === 0) blocks.push({ kind: 'box', paras: [{ text: t.noActions, style: { size: 14, italic: true, color: MUTED } }] });
  return section(deck, header, blocks, `${t.segment} ${segment.number}: ${segment.name}`);
}

function actionCell(item: RoadmapItem, t: RoadmapLabels): Cell {
  const paras: Para[] = [];
  if (item.kind !== 'action') paras.push({ text: t.kinds[item.kind].toLocaleUpperCase(t.locale), style: { size: 10, bold: true, color: WARN } });
  paras.push({ text: item.text, style: { size: 14, color: INK } });
  return { paras };
}

function stageSection(deck: Deck, segment: RoadmapSegment, stage: RoadmapStage): Section {
  const { t } = deck;
  const subtitle = [stage.buyerStep ? `${t.buyerStep}: ${stage.buyerStep}` : '', t.actionCount(stage.actions.length)].filter(Boolean).join('   ·   ');
  const header: Header = {
    kicker: `${t.segment} ${segment.number} · ${segment.name}`, kickerColor: segment.color,
    title: `${segment.number}.${stage.number}  ${stage.name}`, subtitle, bar: segment.color,
  };
  const blocks: Block[] = [];
  if (stage.summary.trim()) blocks.push(summaryPanel(t.summary, stage.summary, segment.color));
  if (stage.actions.length === 0) blocks.push({ kind: 'box', paras: [{ text: t.noActions, style: { size: 15, italic: true, color: MUTED } }] });
  else {
    const head = (text: string): Cell => ({ paras: [{ text, style: { size: 12, bold: true, color: MUTED } }], fill: 'F3F4F6' });
    blocks.push({
      kind: 'table',
      columns: [{ width: CONTENT_W - 5.0 }, { width: 2.4 }, { width: 2.6 }],
      header: [head(t.actions), head(t.responsible), head(t.supporting)],
      rows: stage.actions.map((item): Row => [
        actionCell(item, t),
        item.responsible
          ? { paras: [{ text: item.responsible.name, style: { size: 14, bold: true, color: INK } }], fill: tint(item.responsible.color, 0.22) }
          : { paras: [{ text: t.noOwner, style: { size: 13, italic: true, color: WARN } }] },
        { paras: item.supporting.length > 0 ? [{ text: item.supporting.map((d) => d.name).join(', '), style: { size: 13, color: INK } }] : [] },
      ]),
    });
  }
  if (stage.open.length > 0) blocks.push({ kind: 'box', paras: [{ text: `${t.openCount(stage.open.length)}.`, style: { size: 13, bold: true, color: WARN } }] });
  return section(deck, header, blocks, header.title);
}

const MATRIX_SWATCH = 0.14;
const MATRIX_DEPT = 2.8;
const MATRIX_TOTAL = 1.25;
const MATRIX_MIN_COLUMN = 1.1;

/**
 * One table per segment (its stages as columns, the departments as rows),
 * each on its own slides: a segment with more stages than fit at a readable
 * width is cut by stage columns, a long department list by rows.
 */
function matrixSection(deck: Deck): Section {
  const { t, roadmap } = deck;
  const matrix = roadmap.matrix;
  const parts: Section[] = [];
  const cellText = (r: number, s: number): string => [r ? `R ${r}` : '', s ? `S ${s}` : ''].filter(Boolean).join(' · ') || '·';
  const perSlide = Math.max(1, Math.floor((CONTENT_W - MATRIX_SWATCH - MATRIX_DEPT - MATRIX_TOTAL) / MATRIX_MIN_COLUMN));
  const head = (text: string): Cell => ({ paras: [{ text, style: { size: 10, bold: true, color: MUTED } }], fill: 'F3F4F6' });
  for (const segment of roadmap.segments) {
    const chunks: RoadmapStage[][] = [];
    for (let i = 0; i < segment.stages.length; i += perSlide) chunks.push(segment.stages.slice(i, i + perSlide));
    chunks.forEach((stages, chunk) => {
      const last = chunk === chunks.length - 1;
      const free = CONTENT_W - MATRIX_SWATCH - MATRIX_DEPT - (last ? MATRIX_TOTAL : 0);
      const width = Math.min(2.4, free / stages.length);
      const columns: Column[] = [
        { width: MATRIX_SWATCH }, { width: MATRIX_DEPT },
        ...stages.map((): Column => ({ width, align: 'center' })),
        ...(last ? [{ width: MATRIX_TOTAL, align: 'center' as const }] : []),
      ];
      const rows: Row[] = matrix.rows.map((row): Row => {
        const cellOf = (stage: RoadmapStage) => row.cells.find((c) => c.stageId === stage.id) ?? { responsible: 0, supporting: 0 };
        const all = segment.stages.map(cellOf);
        const r = all.reduce((n, c) => n + c.responsible, 0);
        const s = all.reduce((n, c) => n + c.supporting, 0);
        return [
          { paras: [], fill: hex(row.department.color) },
          { paras: [{ text: row.department.name, style: { size: 12, bold: true, color: INK } }] },
          ...stages.map(cellOf).map((c): Cell => ({
            paras: [{ text: cellText(c.responsible, c.supporting), style: { size: 12, bold: c.responsible > 0, color: c.responsible || c.supporting ? INK : FAINT } }],
            ...(c.responsible ? { fill: tint(row.department.color, 0.28) } : c.supporting ? { fill: tint(row.department.color, 0.1) } : {}),
          })),
          ...(last ? [{ paras: [{ text: cellText(r, s), style: { size: 12, bold: true, color: r || s ? INK : FAINT } }] }] : []),
        ];
      });
      // Actions nobody is responsible for, when the segment has any.
      if (segment.stages.some((stage) => (matrix.unowned[stage.id] ?? 0) > 0)) {
        const total = segment.stages.reduce((n, stage) => n + (matrix.unowned[stage.id] ?? 0), 0);
        rows.push([
          { paras: [], fill: 'D1D5DB' },
          { paras: [{ text: t.noOwner, style: { size: 12, italic: true, color: WARN } }] },
          ...stages.map((stage) => matrix.unowned[stage.id] ?? 0)
            .map((n): Cell => ({ paras: [{ text: n ? String(n) : '·', style: { size: 12, bold: n > 0, color: n ? WARN : FAINT } }] })),
          ...(last ? [{ paras: [{ text: String(total), style: { size: 12, bold: true, color: WARN } }] }] : []),
        ]);
      }
      const range = chunks.length > 1 ? `  (${segment.number}.${stages[0]!.number}–${segment.number}.${stages[stages.length - 1]!.number})` : '';
      const header: Header = {
        kicker: t.responsibilityMatrix, kickerColor: deck.accent, title: `${t.segment} ${segment.number}: ${segment.name}${range}`,
        subtitle: `${t.matrixIntro} ${t.matrixLegend}.`, bar: segment.color,
      };
      parts.push(section(deck, header, [{
        kind: 'table', columns,
        header: [head(''), head(t.departmentPages), ...stages.map((stage) => head(`${segment.number}.${stage.number} ${stage.name}`)), ...(last ? [head(t.total)] : [])],
        rows,
      }], t.responsibilityMatrix));
    });
  }
  if (parts.length === 0 || matrix.rows.length === 0) {
    const header: Header = { kicker: t.salesRoadmap, kickerColor: deck.accent, title: t.responsibilityMatrix, bar: deck.accent };
    return section(deck, header, [{ kind: 'box', paras: [{ text: t.nothingAssigned, style: { size: 15, italic: true, color: MUTED } }] }], t.responsibilityMatrix);
  }
  const [first, ...rest] = parts;
  return { ...first!, after: rest };
}

function commitmentsSection(deck: Deck): Section {
  const { t, d, roadmap } = deck;
  const where = new Map<string, { segment: RoadmapSegment; stage: RoadmapStage }>();
  for (const segment of roadmap.segments) for (const stage of segment.stages) where.set(stage.id, { segment, stage });
  const idle: string[] = [];
  const parts: Section[] = [];
  for (const dept of roadmap.byDepartment) {
    const row = roadmap.matrix.rows.find((r) => r.department.key === dept.department.key);
    const involved = [...where.values()].filter(({ stage }) => {
      const cell = row?.cells.find((c) => c.stageId === stage.id);
      return (cell && cell.responsible + cell.supporting > 0) || dept.commitments.some((c) => c.stageId === stage.id);
    });
    if (involved.length === 0) {
      idle.push(dept.department.name);
      continue;
    }
    const header: Header = {
      kicker: t.commitmentsAsked, kickerColor: deck.accent, title: dept.department.name, bar: dept.department.color,
      subtitle: `${d.responsibleFor(dept.responsible.length)}   ·   ${d.supportingCount(dept.supporting.length)}`,
    };
    const head = (text: string): Cell => ({ paras: [{ text, style: { size: 12, bold: true, color: MUTED } }], fill: 'F3F4F6' });
    const rows = involved.map(({ segment, stage }): Row => {
      const cell = row?.cells.find((c) => c.stageId === stage.id);
      const commitment = dept.commitments.find((c) => c.stageId === stage.id);
      const count = (n: number): Cell => ({ paras: [{ text: String(n), style: { size: 15, bold: n > 0, color: n ? INK : FAINT } }] });
      return [
        {
          paras: [
            { text: `${segment.number}.${stage.number}  ${stage.name}`, style: { size: 14, bold: true, color: INK } },
            { text: segment.name, style: { size: 11, color: hex(segment.color) } },
          ],
        },
        count(cell?.responsible ?? 0),
        count(cell?.supporting ?? 0),
        commitment
          ? {
            paras: [
              { text: `“${commitment.text}”`, style: { size: 15, italic: true, color: INK } },
              ...(commitment.byName ? [{ text: `— ${commitment.byName}`, style: { size: 11, color: MUTED } }] : []),
            ],
            fill: tint(dept.department.color, 0.12),
          }
          : { paras: [{ text: d.toBeAgreed, style: { size: 13, italic: true, color: FAINT } }] },
      ];
    });
    parts.push(section(deck, header, [{
      kind: 'table',
      columns: [{ width: 3.9 }, { width: 0.9, align: 'center' }, { width: 0.9, align: 'center' }, { width: CONTENT_W - 5.7 }],
      header: [head(t.stage), head('R'), head('S'), head(t.commitments)],
      rows,
    }], t.commitmentsAsked));
  }
  if (idle.length > 0 || parts.length === 0) {
    const header: Header = { kicker: t.commitmentsAsked, kickerColor: deck.accent, title: parts.length > 0 ? d.otherDepartments : t.commitmentsAsked, bar: deck.accent };
    parts.push(section(deck, header, [{
      kind: 'box',
      paras: [
        { text: t.nothingAssigned, style: { size: 15, italic: true, color: MUTED } },
        ...(idle.length > 0 ? [{ text: idle.join('   ·   '), style: { size: 16, color: INK }, spaceBefore: 10 }] : []),
      ],
    }], t.commitmentsAsked));
  }
  const [first, ...rest] = parts;
  return { ...first!, after: rest };
}

function questionsSection(deck: Deck): Section {
  const { t, roadmap } = deck;
  const header: Header = { kicker: t.salesRoadmap, kickerColor: deck.accent, title: t.openQuestions, bar: deck.accent };
  if (roadmap.questions.length === 0) {
    return section(deck, header, [{ kind: 'box', paras: [{ text: t.noQuestions, style: { size: 16, italic: true, color: MUTED } }] }], t.openQuestions);
  }
  const segments = new Map(roadmap.segments.map((s) => [s.number, s]));
  const head = (text: string): Cell => ({ paras: [{ text, style: { size: 12, bold: true, color: MUTED } }], fill: 'F3F4F6' });
  return section(deck, header, [{
    kind: 'table',
    columns: [{ width: 3.9 }, { width: CONTENT_W - 3.9 }],
    header: [head(t.stage), head(t.kinds.question)],
    rows: roadmap.questions.map((p): Row => [
      {
        paras: [
          { text: `${p.segmentNumber}.${p.stageNumber}  ${p.stageName}`, style: { size: 13, bold: true, color: INK } },
          { text: p.segmentName, style: { size: 11, color: hex(segments.get(p.segmentNumber)?.color ?? FAINT) } },
        ],
      },
      { paras: [{ text: p.item.text, style: { size: 15, color: INK } }] },
    ]),
  }], t.openQuestions);
}

