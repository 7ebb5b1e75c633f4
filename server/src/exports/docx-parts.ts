import {
  AlignmentType, BorderStyle, HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun,
  VerticalAlignTable, WidthType, type IBorderOptions, type IParagraphOptions, type IRunOptions,
} from 'docx';
import { xmlSafe } from './xml-text.js';

/**
 * The Word booklet's building blocks: paragraphs, headings and tables made
 * only of the library's objects. Every user text goes in as the `text` of a
 * TextRun, which the library writes as escaped character data: nothing a user
 * types is read as markup.
 */

/** The booklet's colours, as Word writes them (hex without '#'); the same as the PDF's. */
export const INK = '1F2933';
export const MUTED = '5F6B7A';
export const FAINT = '9AA5B1';
export const RULE = 'D9DEE5';
export const ZEBRA = 'F5F7FA';
export const WARN = 'B45309';
export const WHITE = 'FFFFFF';

/** A4 in twips, 2 cm margins: the text is CONTENT_WIDTH wide. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** `#rrggbb` as Word writes it; anything else (never expected) falls back to ink. */
export function hex(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color.slice(1).toUpperCase() : INK;
}

/** `color` mixed with white: `amount` 1 keeps it, 0 is white (as the PDF's tint). */
export function tint(color: string, amount: number): string {
  const n = Number.parseInt(hex(color), 16);
  const mix = (c: number): string => Math.round(255 - (255 - c) * amount).toString(16).padStart(2, '0');
  return `${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`.toUpperCase();
}

/** Characters XML 1.0 cannot carry (control characters, lone surrogates) are dropped; everything else is kept as typed. */
export const clean = xmlSafe;

export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/** One text as runs: each line break of the text is a line break in Word. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  return clean(text).replace(/\r\n?/g, '\n').split('\n').map((line, i) => new TextRun({ ...style, text: line, break: i > 0 ? 1 : undefined }));
}

export type ParagraphStyle = Omit<IParagraphOptions, 'children' | 'text'>;

export function para(text: string, run: RunStyle = {}, paragraph: ParagraphStyle = {}): Paragraph {
  return new Paragraph({ ...paragraph, children: runs(text, run) });
}

/** A text the facilitator wrote: blank lines separate paragraphs, single line breaks are kept. */
export function paragraphsOf(text: string, run: RunStyle = {}, paragraph: ParagraphStyle = {}): Paragraph[] {
  return text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).map((p) => p.replace(/^\n+|\n+$/g, '')).filter((p) => p.trim() !== '')
    .map((p) => para(p, run, paragraph));
}

const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/**
 * A heading in Word's own Heading 1-3 styles (the navigation pane and the
 * contents read them). `bar` draws a thick rule in a colour on its left, as
 * the PDF's coloured bands; `newPage` starts it on a new page.
 */
export function heading(text: string, level: 1 | 2 | 3, options: { bar?: string; newPage?: boolean; color?: string } = {}): Paragraph {
  return new Paragraph({
    heading: LEVELS[level],
    pageBreakBefore: options.newPage,
    border: options.bar ? { left: { style: BorderStyle.SINGLE, size: 36, color: hex(options.bar), space: 8 } } : undefined,
    children: runs(text, options.color ? { color: options.color } : {}),
  });
}

export interface Column {
  header: string;
  /** Share of the text width; the shares of a table add up to 1. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface Cell {
  /** Paragraphs of the cell: one text, or several lines of runs. */
  text?: string;
  runs?: TextRun[];
  style?: RunStyle;
  fill?: string;
  /** A thick rule on the cell's left in this colour (the department's or segment's). */
  bar?: string;
}

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
/** Tables up to this many rows are kept on one page. */
const KEEP_TOGETHER_ROWS = 15;
const thin = (color: string): IBorderOptions => ({ style: BorderStyle.SINGLE, size: 4, color });

/**
 * A real Word table: a header row in the accent colour that repeats on every
 * page the table runs over, then light rows (zebra striped), fixed column widths.
 */
export function table(columns: Column[], rows: Cell[][], accent: string, options: { headerSize?: number } = {}): Table {
  const widths = columns.map((c) => Math.round(c.width * CONTENT_WIDTH));
  // A short table is kept on one page (each row kept with the next), as the PDF keeps its tables whole when they fit.
  const together = rows.length <= KEEP_TOGETHER_ROWS;
  const cellOf = (cell: Cell, column: Column, i: number, header: boolean, zebra: boolean, keepNext: boolean): TableCell => new TableCell({
    width: { size: widths[i]!, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: accent }
      : cell.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: cell.fill }
        : zebra ? { type: ShadingType.CLEAR, color: 'auto', fill: ZEBRA } : undefined,
    borders: cell.bar ? { left: { style: BorderStyle.SINGLE, size: 24, color: hex(cell.bar) } } : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [new Paragraph({
      alignment: ALIGN[column.align ?? 'left'],
      spacing: { before: 0, after: 0 },
      keepNext,
      children: cell.runs ?? runs(cell.text ?? '', header ? { bold: true, color: WHITE, size: options.headerSize ?? 17 } : { size: 18, ...cell.style }),
    })],
  });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 50, bottom: 50, left: 90, right: 90 },
    borders: {
      top: thin(RULE), bottom: thin(RULE), left: thin(RULE), right: thin(RULE), insideHorizontal: thin(RULE), insideVertical: thin(RULE),
    },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cellOf({ text: c.header }, c, i, true, false, true)) }),
      ...rows.map((row, r) => new TableRow({
        cantSplit: true,
        children: row.map((cell, i) => cellOf(cell, columns[i]!, i, false, r % 2 === 1, together && r < rows.length - 1)),
      })),
    ],
  });
}

/** Space after a table, so the next paragraph does not stick to it. */
export function gap(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 120 }, children: [] });
}

/** A muted italic line: "nothing here" notes, intros. */
export function note(text: string, color = MUTED): Paragraph {
  return para(text, { italics: true, color, size: 19 }, { spacing: { after: 120 } });
}
