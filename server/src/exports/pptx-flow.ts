import { BOX_INSET, boxHeight, splitParas, type Para } from './pptx-layout.js';

/**
 * Lays a section's blocks (text boxes and tables) out on as many slides as
 * they need, top to bottom in a body `height` inches tall: a box too tall
 * for what is left of a slide is cut between lines, a table between rows
 * (with its header row repeated), a row taller than a whole slide between
 * the lines of its cells. Every placed piece's height is the layout
 * module's estimate, so a piece placed within the body never overflows it.
 */

export interface Column {
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface Cell {
  paras: Para[];
  fill?: string;
}

export type Row = Cell[];

export interface BoxBlock {
  kind: 'box';
  paras: Para[];
  /** A filled panel gets a wider inset. */
  fill?: string;
  /** Left stripe colour of a panel. */
  stripe?: string;
}

export interface TableBlock {
  kind: 'table';
  columns: Column[];
  header: Row | null;
  rows: Row[];
  /** Borders: every cell's (default), or a rule under each row. */
  lines?: 'grid' | 'rows';
}

export type Block = BoxBlock | TableBlock;

export interface PlacedBox {
  kind: 'box';
  block: BoxBlock;
  paras: Para[];
  y: number;
  height: number;
  inset: number;
}

export interface PlacedTable {
  kind: 'table';
  block: TableBlock;
  rows: Row[];
  heights: number[];
  y: number;
  height: number;
}

export type Placed = PlacedBox | PlacedTable;

/** Cell padding in inches: top/bottom and left/right. */
export const CELL_PAD = { y: 0.05, x: 0.08 } as const;
export const PANEL_INSET = 0.14;
export const BLOCK_GAP = 0.18;

/** What an empty cell holds: one empty paragraph, in a size set explicitly (a table's default is 18 pt). */
export const EMPTY_PARA: Para = { text: '', style: { size: 10 } };

export function cellParas(cell: Cell): Para[] {
  return cell.paras.length > 0 ? cell.paras : [EMPTY_PARA];
}

export function rowHeight(row: Row, columns: readonly Column[]): number {
  let h = 0;
  row.forEach((cell, i) => {
    // boxHeight takes the inset off both sides of the width: give it the cell's horizontal padding instead.
    h = Math.max(h, boxHeight(cellParas(cell), columns[i]!.width - 2 * CELL_PAD.x + 2 * CELL_PAD.y, CELL_PAD.y));
  });
  return h;
}

/** A row taller than `max` as several rows, its cells cut between lines. */
function splitRow(row: Row, columns: readonly Column[], max: number): Row[] {
  const pieces = row.map((cell, i) => splitParas(cell.paras, columns[i]!.width - 2 * CELL_PAD.x, max - 2 * CELL_PAD.y));
  const count = Math.max(...pieces.map((p) => p.length));
  const rows: Row[] = [];
  for (let k = 0; k < count; k += 1) rows.push(row.map((cell, i) => ({ ...cell, paras: pieces[i]![k] ?? [] })));
  return rows;
}

export function flow(blocks: readonly Block[], width: number, height: number): Placed[][] {
  const pages: Placed[][] = [[]];
  let y = 0;
  const newPage = (): void => {
    pages.push([]);
    y = 0;
  };
  const gap = (): number => (y > 0 ? BLOCK_GAP : 0);
  for (const block of blocks) {
    if (block.kind === 'box') {
      const inset = block.fill ? PANEL_INSET : BOX_INSET;
      const inner = width - 2 * inset;
      const pieces = splitParas(block.paras, inner, height - 2 * inset, height - y - gap() - 2 * inset);
      pieces.forEach((piece, i) => {
        // An empty first piece: nothing of the box fits what is left of this slide.
        if (piece.length === 0) {
          newPage();
          return;
        }
        if (i > 0 && pieces[i - 1]!.length > 0) newPage();
        y += gap();
        const h = boxHeight(piece, width, inset);
        pages[pages.length - 1]!.push({ kind: 'box', block, paras: piece, y, height: h, inset });
        y += h;
      });
      continue;
    }
    const headerH = block.header ? rowHeight(block.header, block.columns) : 0;
    const rows = block.rows.flatMap((r) => (rowHeight(r, block.columns) > height - headerH ? splitRow(r, block.columns, height - headerH) : [r]));
    let current: PlacedTable | null = null;
    for (const row of rows) {
      const h = rowHeight(row, block.columns);
      const room = current ? height - y : height - y - gap() - headerH;
      if (h > room + 1e-9) {
        if (current || y > 0) newPage();
        current = null;
      }
      if (!current) {
        y += gap();
        current = { kind: 'table', block, rows: block.header ? [block.header] : [], heights: block.header ? [headerH] : [], y, height: headerH };
        pages[pages.length - 1]!.push(current);
        y += headerH;
      }
      current.rows.push(row);
      current.heights.push(h);
      current.height += h;
      y += h;
    }
  }
  return pages;
}
