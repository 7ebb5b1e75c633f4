import type { Booklet} from './pdf-layout.js';
import { COLORS, PAGE, type TextStyle } from './pdf-layout.js';

export interface Column {
  header: string;
  /** Points; the last column may be 0 to take what is left of the content width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface Cell {
  text: string;
  style?: TextStyle;
  /** Background of the cell. */
  fill?: string;
  /** A coloured dot before the text (department colours). */
  dot?: string;
}

const PAD_X = 6;
const PAD_Y = 4.5;
const HEADER_STYLE: TextStyle = { font: 'semibold', size: 8, color: COLORS.muted };
const CELL_STYLE: TextStyle = { size: 9, lineGap: 1 };

/**
 * A table that wraps every cell and splits across pages between rows, never
 * inside one, repeating its header row on each page. Zebra rows, hairlines.
 */
export function table(b: Booklet, columns: Column[], rows: Cell[][], options: { headerStyle?: TextStyle; headerPadding?: number } = {}): void {
  const total = columns.reduce((n, c) => n + c.width, 0);
  const widths = columns.map((c) => c.width || PAGE.width - PAGE.left - PAGE.right - total);
  const xs = widths.map((_, i) => PAGE.left + widths.slice(0, i).reduce((n, w) => n + w, 0));
  const headerStyle = options.headerStyle ?? HEADER_STYLE;

  const headerPad = options.headerPadding ?? PAD_X;
  const measure = (cells: Cell[], style: (c: Cell) => TextStyle, pad = PAD_X): number =>
    Math.max(...cells.map((c, i) => b.heightOf(c.text, widths[i]! - 2 * pad - (c.dot ? 10 : 0), style(c)))) + 2 * PAD_Y;

  const headerCells = columns.map((c): Cell => ({ text: c.header }));
  const headerHeight = measure(headerCells, () => headerStyle, headerPad);
  const drawHeader = (): void => {
    headerCells.forEach((cell, i) => {
      b.textAt(cell.text, xs[i]! + headerPad, b.y + PAD_Y, widths[i]! - 2 * headerPad, { ...headerStyle, align: columns[i]!.align ?? 'left' });
    });
    b.y += headerHeight;
    b.pdf.moveTo(PAGE.left, b.y).lineTo(PAGE.width - PAGE.right, b.y).lineWidth(0.8).strokeColor(COLORS.faint).stroke();
  };

  const firstHeight = rows[0] ? measure(rows[0], (c) => c.style ?? CELL_STYLE) : 0;
  b.ensure(headerHeight + firstHeight);
  drawHeader();
  rows.forEach((cells, r) => {
    const height = measure(cells, (c) => c.style ?? CELL_STYLE);
    if (b.room < height) {
      b.newPage();
      drawHeader();
    }
    if (r % 2 === 1) b.pdf.rect(PAGE.left, b.y, PAGE.width - PAGE.left - PAGE.right, height).fill(COLORS.zebra);
    cells.forEach((cell, i) => {
      if (cell.fill) b.pdf.rect(xs[i]! + 1, b.y + 1, widths[i]! - 2, height - 2).fill(cell.fill);
      let x = xs[i]! + PAD_X;
      if (cell.dot) {
        b.dot(x + 3.5, b.y + PAD_Y + 6.5, cell.dot);
        x += 10;
      }
      const width = widths[i]! - 2 * PAD_X - (cell.dot ? 10 : 0);
      b.textAt(cell.text, x, b.y + PAD_Y, width, { ...CELL_STYLE, ...cell.style, align: columns[i]!.align ?? 'left' });
    });
    b.y += height;
    b.pdf.moveTo(PAGE.left, b.y).lineTo(PAGE.width - PAGE.right, b.y).lineWidth(0.4).strokeColor(COLORS.rule).stroke();
  });
  b.y += 10;
}
