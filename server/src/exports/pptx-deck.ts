import PptxGenJS from 'pptxgenjs';
import { DEFAULT_ACCENT, roadmapLabels, type Roadmap, type RoadmapLabels } from '../../../shared/src/index.js';
import { deckLabels, type DeckLabels } from './pptx-labels.js';
import {
  BOX_INSET, FONT, SLIDE, boxHeight, fitSize, paragraphsOf, textWidth, wrapParagraph, type Para, type TextStyle,
} from './pptx-layout.js';
import { CELL_PAD, cellParas, flow, type Block, type Cell, type Column, type Placed } from './pptx-flow.js';

/**
 * The deck's plumbing, shared by pptx.ts and the section modules
 * (pptx-sections, pptx-matrix): colours and margins, the Deck (the
 * presentation, its labels, text boxes and slides), a section's header and
 * its layout into pages (section()), and drawing those pages (renderSection).
 */

export const INK = '1F2937';
export const MUTED = '6B7280';
export const FAINT = '9CA3AF';
const RULE = 'E5E7EB';
export const WARN = 'B45309';

const MARGIN_LEFT = 0.75;
const MARGIN_RIGHT = 0.6;
export const CONTENT_W = SLIDE.width - MARGIN_LEFT - MARGIN_RIGHT;
const HEADER_TOP = 0.35;
const BODY_BOTTOM = 6.8;
const FOOTER_Y = 6.98;
const FOOTER_H = 0.32;
const TITLE_SIZES = [28, 24, 20] as const;

export function hex(color: string): string {
  const c = color.replace('#', '').toUpperCase();
  return /^[0-9A-F]{6}$/.test(c) ? c : DEFAULT_ACCENT.slice(1).toUpperCase();
}

/** `color` mixed with white: 0 white, 1 the colour. */
export function tint(color: string, amount: number): string {
  const c = hex(color);
  return [0, 2, 4].map((i) => {
    const v = parseInt(c.slice(i, i + 2), 16);
    return Math.round(255 - (255 - v) * amount).toString(16).padStart(2, '0');
  }).join('').toUpperCase();
}

export interface Header {
  kicker: string;
  kickerColor: string;
  title: string;
  subtitle?: string;
  /** The left bar's colour. */
  bar: string;
}

export interface Section {
  header: Header;
  pages: Placed[][];
  /** The section's line on the agenda. */
  agenda: string;
  /** Sections that follow this one without their own agenda line (a segment's stages). */
  after?: Section[];
}

export class Deck {
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

export function section(deck: Deck, header: Header, blocks: Block[], agenda: string): Section {
  const top = bodyTop(header, deck.t);
  return { header, pages: flow(blocks, CONTENT_W, BODY_BOTTOM - top), agenda };
}

export function renderSection(deck: Deck, s: Section): void {
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
