import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import {
  openNotesShown, roadmapLabels,
  type OpenNotesChoice, type Roadmap, type RoadmapItem, type RoadmapLabels,
} from '../../../shared/src/index.js';
import { accentOf, argb, fillCell, font, setCell, tint, writeTable, type CellValue, type ColumnSpec } from './xlsx-layout.js';
import { xlsxLabels, type XlsxLabels } from './xlsx-labels.js';
import { responsibilityMatrixSheet } from './xlsx-matrix.js';
import { SheetNamer } from './xlsx-sheet-names.js';
import { summarySheet } from './xlsx-summary.js';
import { xmlSafeRoadmap } from './xml-text.js';

/**
 * roadmap.xlsx, the workbook departments track the roadmap in:
 * - a summary (cover facts, foreword, executive summary, segment and stage summaries);
 * - "Actions": the roadmap CSV's rows and columns, plus a Progress column to fill in;
 * - the responsibility matrix (departments x stages, R / S counts, totals);
 * - one sheet per department with something to own: its actions, its role,
 *   the other departments, its commitment for the stage, Progress.
 * Every text is a plain string cell, neutralised like the CSV's; no formulas anywhere.
 * `open: 'omit'` leaves the notes still to decide out of the Actions sheet.
 */
export async function renderXlsx(typed: Roadmap, options: { open?: OpenNotesChoice } = {}): Promise<Buffer> {
  // Every user text without the characters XML cannot carry, wherever the writer puts it (xml-text.ts).
  const roadmap = xmlSafeRoadmap(typed);
  const t = roadmapLabels(roadmap.language);
  const x = xlsxLabels(roadmap.language);
  const accent = accentOf(roadmap.brand.accentColor);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tabella';
  workbook.lastModifiedBy = 'Tabella';
  workbook.title = roadmap.title;
  workbook.subject = t.salesRoadmap;
  workbook.company = roadmap.brand.companyName;
  workbook.created = new Date(roadmap.generatedAt);
  workbook.modified = new Date(roadmap.generatedAt);

  const names = new SheetNamer();
  const fixed = { summary: names.reserve(t.summary), actions: names.reserve(t.actions), matrix: names.reserve(t.responsibilityMatrix) };
  const owning = roadmap.byDepartment.filter((d) => d.responsible.length + d.supporting.length + d.commitments.length > 0);
  const departmentSheets = owning.map((d, i) => ({ d, name: names.claim(d.department.name, x.departmentSheet(i + 1)) }));

  summarySheet(workbook.addWorksheet(fixed.summary), roadmap, t, x, accent, {
    sheets: [fixed.actions, fixed.matrix, ...departmentSheets.map((s) => s.name)],
    idle: roadmap.byDepartment.filter((d) => !owning.includes(d)).map((d) => d.department.name),
  });
  actionsSheet(workbook.addWorksheet(fixed.actions, { properties: { tabColor: { argb: argb(accent) } } }), roadmap, t, x, accent, options.open);
  responsibilityMatrixSheet(workbook.addWorksheet(fixed.matrix, { properties: { tabColor: { argb: argb(accent) } } }), roadmap, t, accent);
  for (const { d, name } of departmentSheets) {
    const sheet = workbook.addWorksheet(name, { properties: { tabColor: { argb: argb(d.department.color) } } });
    departmentSheet(sheet, roadmap, d.department.key, t, x, accent);
  }
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out);
}

interface RangeValidations { dataValidations: { add(range: string, validation: DataValidation): void } }

/** The choices of the Progress column, as one data validation list over its cells. */
function progressValidation(sheet: Worksheet, column: number, fromRow: number, toRow: number, x: XlsxLabels): void {
  if (toRow < fromRow) return;
  const letter = sheet.getColumn(column).letter;
  // One range: exceljs's per-cell grouping sorts addresses as strings and writes overlapping ranges.
  // (Worksheet.dataValidations exists at run time; its typings leave it out.)
  (sheet as Worksheet & RangeValidations).dataValidations.add(`${letter}${fromRow}:${letter}${toRow}`, {
    type: 'list', allowBlank: true, formulae: [`"${x.progressValues.join(',')}"`],
    showInputMessage: true, promptTitle: x.progressPromptTitle, prompt: x.progressPrompt,
    showErrorMessage: true, errorStyle: 'warning', errorTitle: x.progressPromptTitle, error: x.progressPrompt,
  });
}

/** The CSV's columns and rows (csv.ts renderCsv), then Progress. */
function actionsSheet(sheet: Worksheet, roadmap: Roadmap, t: RoadmapLabels, x: XlsxLabels, accent: string, open: OpenNotesChoice | undefined): void {
  const listOpen = openNotesShown(roadmap, open).list || roadmap.include === 'all-open';
  const specs: ColumnSpec[] = [
    { header: t.segment, cap: 32 }, { header: t.salesStage, cap: 32 }, { header: t.buyerStep, cap: 32 },
    { header: t.text, cap: 60 }, { header: t.kind, cap: 16 }, { header: t.status, cap: 14 },
    { header: t.responsible, cap: 30 }, { header: t.supporting, cap: 34 }, { header: t.votes, cap: 10 },
    { header: t.authors, cap: 30 }, { header: t.progress, cap: 16 },
  ];
  const rows: CellValue[][] = [];
  for (const segment of roadmap.segments) {
    for (const stage of segment.stages) {
      const items: RoadmapItem[] = [...stage.actions, ...(listOpen ? stage.open : []), ...stage.questions, ...stage.parked];
      for (const item of items) {
        rows.push([
          segment.name, stage.name, stage.buyerStep, item.text, t.kinds[item.kind], t.statuses[item.status],
          item.responsible?.name ?? '', item.supporting.map((d) => d.name).join(', '), item.votes, item.authors.join(', '), '',
        ]);
      }
    }
  }
  writeTable(sheet, 1, specs, rows, accent);
  progressValidation(sheet, specs.length, 2, rows.length + 1, x);
}

/**
 * One department's actions in roadmap order, the ones it leads and the ones
 * it supports, with the other departments of each and its commitment for the
 * stage; a stage where it committed without owning an action gets a row too.
 * Its full name is the title above the table (the sheet's name may be cut).
 */
function departmentSheet(sheet: Worksheet, roadmap: Roadmap, key: string, t: RoadmapLabels, x: XlsxLabels, accent: string): void {
  const department = roadmap.departments.find((d) => d.key === key);
  const specs: ColumnSpec[] = [
    { header: t.segment, cap: 32 }, { header: t.salesStage, cap: 32 }, { header: x.action, cap: 60 }, { header: x.role, cap: 14 },
    { header: x.otherDepartments, cap: 34 }, { header: x.commitment, cap: 50 }, { header: t.progress, cap: 16 },
  ];
  const rows: CellValue[][] = [];
  for (const segment of roadmap.segments) {
    for (const stage of segment.stages) {
      const c = stage.commitments.find((m) => m.department.key === key);
      const commitment = c ? `${c.text}${c.byName ? ` — ${c.byName}` : ''}` : '';
      let owned = false;
      for (const item of stage.actions) {
        const leads = item.responsible?.key === key;
        if (!leads && !item.supporting.some((d) => d.key === key)) continue;
        owned = true;
        const others = [
          item.responsible && !leads ? `R: ${item.responsible.name}` : '',
          item.supporting.some((d) => d.key !== key) ? `S: ${item.supporting.filter((d) => d.key !== key).map((d) => d.name).join(', ')}` : '',
        ].filter(Boolean).join(' · ');
        rows.push([segment.name, stage.name, item.text, leads ? t.responsible : t.supporting, others, commitment, '']);
      }
      if (!owned && c) rows.push([segment.name, stage.name, '', x.commitmentOnly, '', commitment, '']);
    }
  }
  writeTable(sheet, 2, specs, rows, accent);
  // The title band in a light tint of the department's colour (dark text stays readable on any colour).
  const band = tint(department?.color ?? accent, 0.3);
  for (let c = 1; c <= specs.length; c++) fillCell(sheet.getRow(1).getCell(c), band);
  const title = sheet.getRow(1).getCell(1);
  setCell(title, department?.name ?? '');
  title.font = font({ bold: true, size: 14 });
  title.alignment = { vertical: 'middle' };
  sheet.getRow(1).height = 26;
  progressValidation(sheet, specs.length, 3, rows.length + 2, x);
}
