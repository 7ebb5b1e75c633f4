import type { Cell, Font, Worksheet } from 'exceljs';
import { DEFAULT_ACCENT } from '../../../shared/src/index.js';
import { neutralizeCell } from './csv.js';

/** A cell of the workbook: text (what a user typed, or our own words) or a count. Never a formula. */
export type CellValue = string | number;

const HEX = /^#[0-9a-fA-F]{6}$/;
const GREY = '#9ca3af';

export function safeColor(color: string, fallback = GREY): string {
  return HEX.test(color) ? color : fallback;
}

export function accentOf(accentColor: string): string {
  return safeColor(accentColor, DEFAULT_ACCENT);
}

/** `#rrggbb` as exceljs's ARGB (opaque). */
export function argb(color: string): string {
  return `FF${safeColor(color).slice(1).toUpperCase()}`;
}

/** `color` mixed with white: `amount` 1 keeps it, 0 is white (as the PDF booklet tints). */
export function tint(color: string, amount: number): string {
  const n = Number.parseInt(safeColor(color).slice(1), 16);
  const mix = (c: number): string => Math.round(255 - (255 - c) * amount).toString(16).padStart(2, '0');
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`;
}

/** White on dark colours, near-black on light ones (a client's accent may be pale). */
export function textOn(color: string): string {
  const n = Number.parseInt(safeColor(color).slice(1), 16);
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  // Contrast with white (1.05 / (l + 0.05)) at least 4.5:1, else dark text.
  return 1.05 / (l + 0.05) >= 4.5 ? '#ffffff' : '#111827';
}

/**
 * Sets a cell to plain text or a number. Text is always a string value
 * (exceljs writes it as a shared string, never `<f>`), and a text a
 * spreadsheet would run as a formula gets the CSV's leading apostrophe, so it
 * stays inert in any program that re-reads the values (copy-paste, CSV save).
 */
export function setCell(cell: Cell, value: CellValue): void {
  cell.value = typeof value === 'number' ? value : neutralizeCell(value);
}

/** A font of the workbook: always named, or LibreOffice falls back to a serif face for styled cells. */
export function font(options: { bold?: boolean; italic?: boolean; size?: number; color?: string } = {}): Partial<Font> {
  return {
    name: 'Calibri', family: 2, size: options.size ?? 11, bold: options.bold ?? false, italic: options.italic ?? false,
    color: { argb: argb(options.color ?? '#111827') },
  };
}

export function fillCell(cell: Cell, color: string): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(color) } };
}

export function styleHeaderRow(sheet: Worksheet, rowNumber: number, columns: number, accent: string): void {
  const row = sheet.getRow(rowNumber);
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.font = font({ bold: true, color: textOn(accent) });
    fillCell(cell, accent);
    cell.alignment = { vertical: 'middle', wrapText: true };
  }
}

export interface ColumnSpec {
  header: string;
  /** Widest the column gets, in characters; longer texts wrap. */
  cap: number;
}

/** Widths of Calibri 11's glyphs in column-width units (its digit width), grouped; others count 1. */
const GLYPH_WIDTHS: [string, number][] = [
  [" ijl'.,:;!|", 0.47],
  ['ftrIJ()[]{}-/', 0.66],
  ['szc"', 0.82],
  ['xyvk', 0.9],
  ['aeg', 0.96],
  ['bdhnopqu', 1.04],
  ['mw', 1.5],
  ['MW@%', 1.7],
];
const GLYPH = new Map(GLYPH_WIDTHS.flatMap(([chars, w]) => [...chars].map((c): [string, number] => [c, w])));

/**
 * How wide a text is in column-width units (a digit of the default font), from
 * Calibri's glyph widths (accented letters as their base letter, other capitals
 * 1.15). Substitutes (Carlito, DejaVu) run about as wide, relative to their digit.
 */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const base = ch.normalize('NFD')[0] ?? ch;
    w += GLYPH.get(base) ?? (base !== base.toLowerCase() ? 1.15 : 1);
  }
  return w;
}

/** The widest line of a value. */
function lineLength(value: CellValue | undefined): number {
  if (value === undefined) return 0;
  const text = typeof value === 'number' ? String(value) : value;
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, textWidth(line));
  return longest;
}

/**
 * How many lines `text` takes wrapped at word boundaries in a column `width`
 * wide (textWidth). For row heights: LibreOffice keeps a row one line high
 * on opening whatever its wrapped cells hold.
 */
export function wrappedLines(text: string, width: number): number {
  // A column `width` wide holds that many digits plus 5 pixels of padding (about 0.7 of a digit).
  const room = Math.max(1, width - 0.3);
  const space = textWidth(' ');
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(' ')) {
      let n = textWidth(word);
      if (used > 0 && used + space + n <= room) {
        used += space + n;
        continue;
      }
      if (used > 0) lines += 1;
      // A word longer than a line is cut across lines.
      while (n > room) {
        lines += 1;
        n -= room;
      }
      used = n;
    }
  }
  return lines;
}

/** Points per line of 11 pt Calibri, and the row height that shows `lines` lines. */
export const LINE_HEIGHT = 15;
export function rowHeight(lines: number): number {
  return lines * LINE_HEIGHT + 2;
}

/**
 * Fits each column to its longest cell (header included, with room for the
 * filter button) up to its cap; a column whose texts pass the cap or hold line
 * breaks wraps, top-aligned, and rows that wrap get the height their lines need.
 */
export function fitColumns(sheet: Worksheet, specs: ColumnSpec[], rows: CellValue[][], firstDataRow: number): void {
  const lines = rows.map(() => 1);
  specs.forEach((spec, i) => {
    let longest = 0;
    let wraps = false;
    for (const row of rows) {
      const value = row[i];
      longest = Math.max(longest, lineLength(value));
      if (typeof value === 'string' && value.includes('\n')) wraps = true;
    }
    // The header may wrap (up to 24 wide), its texts only past the cap. At least
    // 10: exceljs leaves out a column as wide as its default (9), and Excel then sizes it.
    const width = Math.min(Math.max(spec.cap, 10), Math.max(10, Math.ceil(Math.max(longest, Math.min(lineLength(spec.header) + 3, 24)) + 2)));
    if (longest + 2 > width) wraps = true;
    sheet.getColumn(i + 1).width = width;
    if (!wraps) return;
    rows.forEach((row, r) => {
      const value = row[i];
      if (typeof value !== 'string') return;
      sheet.getRow(firstDataRow + r).getCell(i + 1).alignment = { vertical: 'top', wrapText: true };
      lines[r] = Math.max(lines[r]!, wrappedLines(value, width));
    });
  });
  lines.forEach((n, r) => {
    if (n > 1) sheet.getRow(firstDataRow + r).height = rowHeight(n);
  });
  // Headers wrap too when their column is narrower than them.
  const headerLines = Math.max(...specs.map((spec, i) => wrappedLines(spec.header, (sheet.getColumn(i + 1).width ?? 10) - 3)));
  if (headerLines > 1) sheet.getRow(firstDataRow - 1).height = rowHeight(headerLines);
}

/**
 * A header row and its rows: header in the accent colour, frozen above the
 * rows, autofilter on the whole table, columns fitted, printed landscape one
 * page wide with the header repeated on every page.
 */
export function writeTable(sheet: Worksheet, headerRow: number, specs: ColumnSpec[], rows: CellValue[][], accent: string): void {
  specs.forEach((spec, i) => setCell(sheet.getRow(headerRow).getCell(i + 1), spec.header));
  rows.forEach((values, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      setCell(cell, value);
      cell.alignment = typeof value === 'number' ? { vertical: 'top', horizontal: 'center' } : { vertical: 'top' };
    });
  });
  styleHeaderRow(sheet, headerRow, specs.length, accent);
  fitColumns(sheet, specs, rows, headerRow + 1);
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + rows.length, column: specs.length } };
  landscape(sheet, `${headerRow}:${headerRow}`);
}

export function landscape(sheet: Worksheet, printTitlesRow?: string): void {
  sheet.pageSetup = {
    orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(printTitlesRow ? { printTitlesRow } : {}),
  };
}
