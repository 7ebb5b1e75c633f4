import type { Worksheet } from 'exceljs';
import type { Roadmap, RoadmapLabels } from '../../../shared/src/index.js';
import { argb, fillCell, font, landscape, rowHeight, setCell, styleHeaderRow, textWidth, tint, wrappedLines } from './xlsx-layout.js';

const STAGE_WIDTH = 16;
const FAINT = '#9ca3af';
const LINE = { style: 'thin' as const, color: { argb: 'FFE5E7EB' } };
/** Light lines between the cells, so a row can be followed across many stages. */
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE };

/** "R 2 / S 1", "R 2", "S 1" or '' (the PDF matrix's R/S legend). */
export function matrixText(responsible: number, supporting: number): string {
  return [responsible ? `R ${responsible}` : '', supporting ? `S ${supporting}` : ''].filter(Boolean).join(' / ');
}

/**
 * Departments down, stages across (each header names its segment), "R n / S m"
 * per cell in a light tint of the department's colour (stronger where it
 * leads), a total per department and per stage, and a row of actions without
 * a responsible department. First row and column frozen. Counts, not formulas.
 */
export function responsibilityMatrixSheet(sheet: Worksheet, roadmap: Roadmap, t: RoadmapLabels, accent: string): void {
  const { matrix } = roadmap;
  const segments = new Map(roadmap.segments.map((s) => [s.id, s]));
  const headers = [
    t.departmentPages,
    ...matrix.stages.map((st) => {
      const segment = segments.get(st.segmentId);
      return `${segment?.name ?? ''}\n${segment?.number ?? ''}.${st.number} ${st.name}`;
    }),
    t.total,
  ];
  const header = sheet.getRow(1);
  headers.forEach((h, i) => setCell(header.getCell(i + 1), h));
  styleHeaderRow(sheet, 1, headers.length, accent);
  header.height = Math.min(140, rowHeight(Math.max(...headers.map((h, i) => wrappedLines(h, i === 0 ? 20 : STAGE_WIDTH)))));
  const last = headers.length;

  const totals = matrix.stages.map(() => ({ r: 0, s: 0 }));
  let nameWidth = Math.max(14, textWidth(t.departmentPages) + 4, textWidth(t.warningNoOwner) + 2);
  matrix.rows.forEach((row, i) => {
    const excelRow = sheet.getRow(i + 2);
    const name = excelRow.getCell(1);
    setCell(name, row.department.name);
    fillCell(name, tint(row.department.color, 0.35));
    name.font = font({ bold: true });
    nameWidth = Math.max(nameWidth, textWidth(row.department.name) + 2);
    row.cells.forEach((c, j) => {
      const cell = excelRow.getCell(j + 2);
      setCell(cell, matrixText(c.responsible, c.supporting));
      totals[j]!.r += c.responsible;
      totals[j]!.s += c.supporting;
      if (c.responsible || c.supporting) fillCell(cell, tint(row.department.color, c.responsible ? 0.3 : 0.12));
      cell.font = font({ bold: c.responsible > 0 });
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      cell.border = GRID;
    });
    const total = excelRow.getCell(last);
    setCell(total, matrixText(row.responsible, row.supporting));
    total.font = font({ bold: true });
    total.alignment = { horizontal: 'center' };
  });

  // Actions nobody is responsible for, then the totals per stage.
  const unowned = sheet.getRow(matrix.rows.length + 2);
  setCell(unowned.getCell(1), t.warningNoOwner);
  unowned.getCell(1).font = font({ italic: true });
  let unownedTotal = 0;
  matrix.stages.forEach((st, j) => {
    const n = matrix.unowned[st.id] ?? 0;
    unownedTotal += n;
    const cell = unowned.getCell(j + 2);
    setCell(cell, n || '');
    cell.font = font({ italic: true, bold: n > 0, color: n ? '#b45309' : FAINT });
    cell.alignment = { horizontal: 'center' };
  });
  setCell(unowned.getCell(last), unownedTotal || '');
  unowned.getCell(last).alignment = { horizontal: 'center' };

  const totalRow = sheet.getRow(matrix.rows.length + 3);
  setCell(totalRow.getCell(1), t.total);
  const all = { r: 0, s: 0 };
  totals.forEach((c, j) => {
    all.r += c.r;
    all.s += c.s;
    setCell(totalRow.getCell(j + 2), matrixText(c.r, c.s));
  });
  setCell(totalRow.getCell(last), matrixText(all.r, all.s));
  for (let c = 1; c <= last; c++) {
    const cell = totalRow.getCell(c);
    cell.font = font({ bold: true });
    if (c > 1) cell.alignment = { horizontal: 'center' };
    cell.border = { top: { style: 'thin', color: { argb: argb(accent) } } };
  }

  const legend = sheet.getRow(matrix.rows.length + 5).getCell(1);
  setCell(legend, `${t.matrixIntro} ${t.matrixLegend}.`);
  legend.font = font({ italic: true, color: '#4b5563' });

  sheet.getColumn(1).width = Math.min(40, Math.ceil(nameWidth));
  matrix.rows.forEach((row, i) => {
    const lines = wrappedLines(row.department.name, 40);
    if (lines < 2) return;
    sheet.getRow(i + 2).getCell(1).alignment = { wrapText: true, vertical: 'middle' };
    sheet.getRow(i + 2).height = rowHeight(lines);
  });
  for (let c = 2; c < last; c++) sheet.getColumn(c).width = STAGE_WIDTH;
  sheet.getColumn(last).width = 14;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'B2' }];
  landscape(sheet, '1:1');
}
