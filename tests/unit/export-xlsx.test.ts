import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  addDepartment, addNote, buildRoadmap, confirmOwners, initializeBoard, localOrigin, readBoard, roadmapLabels, setNoteStatus,
  systemOrigin, upsertMember, type Roadmap,
} from '../../shared/src/index.js';
import { neutralizeCell, renderCsv } from '../../server/src/exports/csv.js';
import { renderExport } from '../../server/src/exports/render.js';
import { renderXlsx } from '../../server/src/exports/xlsx.js';
import { cleanSheetName, SheetNamer } from '../../server/src/exports/xlsx-sheet-names.js';
import { xlsxLabels } from '../../server/src/exports/xlsx-labels.js';
import { textWidth, wrappedLines } from '../../server/src/exports/xlsx-layout.js';
import { HOSTILE, runRoadmapScenario, type RoadmapScenario } from '../support/roadmap-scenario.js';
import { scenario } from '../support/seed-demo.js';
import { me, system } from './helpers.js';

type Language = 'en' | 'it';
const NOW = Date.UTC(2025, 2, 14, 10);

function scenarioBoard(language: Language): { state: Uint8Array; sc: RoadmapScenario; roadmap: Roadmap } {
  const doc = new Y.Doc();
  const title = language === 'it' ? 'Workshop di visione: qualità & velocità' : 'Vision workshop: quality & speed';
  const sys = systemOrigin('xlsx-test');
  initializeBoard(doc, { title, template: 'vision-workshop', language }, sys, Date.UTC(2025, 2, 12, 8));
  scenario.participants.forEach((p, i) => {
    upsertMember(doc, `p${i}`, { name: p.name, department: p.department, role: i === 0 ? 'facilitator' : 'participant', joinedAt: 1, removed: false }, sys);
  });
  const facilitator = { id: 'p0', name: scenario.participants[0]!.name, department: scenario.participants[0]!.department };
  const sc = runRoadmapScenario(doc, language, facilitator, localOrigin('p0'), ['p1', 'p2', 'p3']);
  return { state: Y.encodeStateAsUpdate(doc), sc, roadmap: buildRoadmap(readBoard(doc), { now: NOW }) };
}

// ---- Independent reader: fflate + fast-xml-parser, nothing from exceljs. ----

interface XmlNode { [key: string]: unknown }
const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: false,
  isArray: (name) => ['sheet', 'Relationship', 'si', 'r', 'row', 'c', 'col', 'dataValidation', 'xf', 'fill', 'pane'].includes(name),
});

function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  return String((node as XmlNode)['#text'] ?? '');
}

interface ParsedSheet {
  name: string;
  xml: string;
  doc: XmlNode;
  /** Row number -> column letter -> value (text as written, numbers as their digits). */
  cells: Map<number, Map<string, string>>;
  /** Every cell: address, style index, type, whether it holds a formula. */
  raw: { ref: string; s: number; t: string; formula: boolean; value: string }[];
}

interface ParsedBook {
  files: Record<string, string>;
  sheets: ParsedSheet[];
  styles: XmlNode;
}

function readBook(body: Buffer): ParsedBook {
  const zip = unzipSync(new Uint8Array(body));
  const files: Record<string, string> = {};
  for (const [path, bytes] of Object.entries(zip)) if (path.endsWith('.xml') || path.endsWith('.rels')) files[path] = strFromU8(bytes);
  const shared = (parser.parse(files['xl/sharedStrings.xml'] ?? '<sst/>').sst?.si ?? []) as XmlNode[];
  const strings = shared.map((si) => (si.t !== undefined ? text(si.t) : ((si.r ?? []) as XmlNode[]).map((r) => text(r.t)).join('')));
  const book = parser.parse(files['xl/workbook.xml']!).workbook as XmlNode;
  const rels = (parser.parse(files['xl/_rels/workbook.xml.rels']!).Relationships.Relationship) as XmlNode[];
  const sheets = ((book.sheets as XmlNode).sheet as XmlNode[]).map((sheet): ParsedSheet => {
    const rel = rels.find((r) => r['@_Id'] === sheet['@_r:id'])!;
    const target = String(rel['@_Target']).replace(/^\/?(xl\/)?/, 'xl/');
    const xml = files[target]!;
    const doc = parser.parse(xml).worksheet as XmlNode;
    const cells = new Map<number, Map<string, string>>();
    const raw: ParsedSheet['raw'] = [];
    for (const row of ((doc.sheetData as XmlNode)?.row ?? []) as XmlNode[]) {
      const values = new Map<string, string>();
      cells.set(Number(row['@_r']), values);
      for (const c of (row.c ?? []) as XmlNode[]) {
        const type = String(c['@_t'] ?? 'n');
        const value = type === 's' ? strings[Number(text(c.v))]! : type === 'inlineStr' ? text((c.is as XmlNode).t) : text(c.v);
        const ref = String(c['@_r']);
        raw.push({ ref, s: Number(c['@_s'] ?? 0), t: type, formula: 'f' in c, value });
        if (c.v !== undefined || c.is !== undefined) values.set(ref.replace(/\d+$/, ''), value);
      }
    }
    return { name: String(sheet['@_name']), xml, doc, cells, raw };
  });
  return { files, sheets, styles: parser.parse(files['xl/styles.xml']!).styleSheet as XmlNode };
}

const COLUMNS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function rowValues(sheet: ParsedSheet, row: number, width: number): string[] {
  const values = sheet.cells.get(row);
  return Array.from({ length: width }, (_, i) => values?.get(COLUMNS[i]!) ?? '');
}
function allStrings(sheet: ParsedSheet): string[] {
  return sheet.raw.filter((c) => c.t === 's' || c.t === 'inlineStr' || c.t === 'str').map((c) => c.value);
}
function pane(sheet: ParsedSheet): XmlNode | undefined {
  const view = (sheet.doc.sheetViews as XmlNode | undefined)?.sheetView as XmlNode | undefined;
  return (view?.pane as XmlNode[] | undefined)?.[0];
}
function autoFilterRef(sheet: ParsedSheet): string | undefined {
  return (sheet.doc.autoFilter as XmlNode | undefined)?.['@_ref'] as string | undefined;
}
function columnWidths(sheet: ParsedSheet): number[] {
  const widths: number[] = [];
  for (const col of ((sheet.doc.cols as XmlNode | undefined)?.col ?? []) as XmlNode[]) {
    for (let i = Number(col['@_min']); i <= Number(col['@_max']); i++) widths[i - 1] = Number(col['@_width']);
  }
  return widths;
}
/** The fill colour (RRGGBB) of a cell's style, or null when it has none. */
function fillOf(book: ParsedBook, styleIndex: number): string | null {
  const xf = ((book.styles.cellXfs as XmlNode).xf as XmlNode[])[styleIndex]!;
  const fill = ((book.styles.fills as XmlNode).fill as XmlNode[])[Number(xf['@_fillId'] ?? 0)]!;
  const pattern = fill.patternFill as XmlNode | undefined;
  if (!pattern || pattern['@_patternType'] !== 'solid') return null;
  return String((pattern.fgColor as XmlNode)['@_rgb']).slice(-6).toLowerCase();
}

const FORMULA_START = /^[=+\-@\t\r]/;

describe.each(['en', 'it'] as const)('roadmap.xlsx (%s)', (language) => {
  const t = roadmapLabels(language);
  const x = xlsxLabels(language);

  it('holds the CSV rows, the matrix and a sheet per department, every text inert, read back independently', async () => {
    const { state, sc, roadmap } = scenarioBoard(language);
    const { body, contentType } = await renderExport('roadmap.xlsx', state, { now: NOW });
    expect(contentType).toContain('spreadsheetml');
    const book = readBook(body);

    // No formula anywhere: no <f> element in any part, no cell typed as a formula result.
    for (const [path, xml] of Object.entries(book.files)) expect(xml, path).not.toMatch(/<f[\s>/]/);
    for (const sheet of book.sheets) for (const c of sheet.raw) {
      expect(c.formula, `${sheet.name}!${c.ref}`).toBe(false);
      expect(['s', 'n'], `${sheet.name}!${c.ref}`).toContain(c.t);
    }
    // No text cell a spreadsheet would run, on any sheet.
    for (const sheet of book.sheets) for (const s of allStrings(sheet)) expect(s, sheet.name).not.toMatch(FORMULA_START);

    const owning = roadmap.byDepartment.filter((d) => d.responsible.length + d.supporting.length + d.commitments.length > 0);
    expect(book.sheets.map((s) => s.name)).toEqual([t.summary, t.actions, t.responsibilityMatrix, ...owning.map((d) => d.department.name)]);

    // Actions: the CSV's header and rows, in order, then Progress.
    const actions = book.sheets[1]!;
    const csv = parseCsv(renderCsv(roadmap).replace(/^\uFEFF/, ''), { delimiter: language === 'it' ? ';' : ',' }) as string[][];
    expect(rowValues(actions, 1, 11)).toEqual([...csv[0]!, t.progress]);
    expect(actions.cells.size).toBe(csv.length);
    csv.slice(1).forEach((row, i) => expect(rowValues(actions, i + 2, 11)).toEqual([...row, '']));
    const texts = [...actions.cells.values()].map((r) => r.get('D'));
    for (const value of Object.values(HOSTILE)) expect(texts).toContain(neutralizeCell(value));
    expect(texts).toContain(`'${HOSTILE.formula}`);
    expect(texts).toContain(HOSTILE.markdown);
    for (const segment of roadmap.segments) {
      expect(actions.raw.some((c) => c.value === segment.name)).toBe(true);
      for (const stage of segment.stages) {
        for (const item of stage.actions) expect(texts).toContain(neutralizeCell(item.text));
        if (stage.actions.length > 0) expect(actions.raw.some((c) => c.value === stage.name)).toBe(true);
      }
    }
    // Votes are numbers; Progress offers the three choices in the board's language.
    expect(actions.raw.find((c) => c.ref === 'I2')!.t).toBe('n');
    const validations = ((actions.doc.dataValidations as XmlNode).dataValidation as XmlNode[]);
    expect(validations).toHaveLength(1);
    expect(validations[0]!['@_type']).toBe('list');
    expect(validations[0]!['@_sqref']).toBe(`K2:K${csv.length}`);
    expect(text(validations[0]!.formula1)).toBe(`"${x.progressValues.join(',')}"`);

    // Header: bold, white on the brand's accent; frozen; filtered; widths fitted.
    const header = actions.raw.find((c) => c.ref === 'A1')!;
    expect(fillOf(book, header.s)).toBe('0f766e');
    expect(pane(actions)).toMatchObject({ '@_state': 'frozen', '@_ySplit': '1', '@_topLeftCell': 'A2' });
    expect(autoFilterRef(actions)).toBe(`A1:K${csv.length}`);
    const widths = columnWidths(actions);
    expect(widths).toHaveLength(11);
    for (let i = 0; i < 11; i++) expect(widths[i]).toBeGreaterThanOrEqual(10);
    expect(widths[3]).toBeGreaterThan(widths[4]!); // Text wider than Kind
    expect(widths[3]).toBeLessThanOrEqual(60);

    // Department sheets: what it leads and supports, the other departments, its commitment, Progress.
    for (const d of owning) {
      const sheet = book.sheets.find((s) => s.name === d.department.name)!;
      expect(rowValues(sheet, 1, 1)).toEqual([d.department.name]);
      expect(rowValues(sheet, 2, 7)).toEqual([t.segment, t.salesStage, x.action, x.role, x.otherDepartments, x.commitment, t.progress]);
      expect(pane(sheet)).toMatchObject({ '@_state': 'frozen', '@_ySplit': '2' });
      expect(autoFilterRef(sheet)).toMatch(/^A2:G\d+$/);
      expect(columnWidths(sheet)).toHaveLength(7);
      const rows = [...sheet.cells.entries()].filter(([n]) => n > 2).map(([n]) => rowValues(sheet, n, 7));
      for (const p of d.responsible) expect(rows).toContainEqual(expect.arrayContaining([neutralizeCell(p.item.text), t.responsible]));
      for (const p of d.supporting) expect(rows).toContainEqual(expect.arrayContaining([neutralizeCell(p.item.text), t.supporting]));
      expect(rows).toHaveLength(d.responsible.length + d.supporting.length
        + d.commitments.filter((c) => ![...d.responsible, ...d.supporting].some((p) => p.item.stageId === c.stageId)).length);
      for (const c of d.commitments) expect(rows.some((r) => r[5]!.startsWith(c.text))).toBe(true);
    }
    const shipping = book.sheets.find((s) => s.name === roadmap.departments.find((d) => d.key === 'shipping')!.name)!;
    expect(allStrings(shipping).some((s) => s.includes(language === 'it' ? 'Spediamo i campioni entro 48 ore' : 'We ship samples within 48 hours'))).toBe(true);
    const sales = book.sheets.find((s) => s.name === roadmap.departments.find((d) => d.key === 'sales')!.name)!;
    expect(allStrings(sales)).toContain(`'${HOSTILE.formula}`);

    // Matrix: departments down, stages across with their segment, R / S counts in a tint of the department's colour, totals.
    const matrix = book.sheets[2]!;
    expect(pane(matrix)).toMatchObject({ '@_state': 'frozen', '@_xSplit': '1', '@_ySplit': '1' });
    const stageCount = roadmap.matrix.stages.length;
    const head = rowValues(matrix, 1, stageCount + 2);
    expect(head[0]).toBe(t.departmentPages);
    expect(head.at(-1)).toBe(t.total);
    roadmap.matrix.stages.forEach((st, j) => {
      const segment = roadmap.segments.find((s) => s.id === st.segmentId)!;
      expect(head[j + 1]).toBe(`${segment.name}\n${segment.number}.${st.number} ${st.name}`);
    });
    let filled = 0;
    roadmap.matrix.rows.forEach((row, i) => {
      const values = rowValues(matrix, i + 2, stageCount + 2);
      expect(values[0]).toBe(row.department.name);
      row.cells.forEach((c, j) => {
        const expected = [c.responsible ? `R ${c.responsible}` : '', c.supporting ? `S ${c.supporting}` : ''].filter(Boolean).join(' / ');
        expect(values[j + 1]).toBe(expected);
        const cell = matrix.raw.find((r) => r.ref === `${COLUMNS[j + 1]}${i + 2}`)!;
        const fill = fillOf(book, cell.s);
        if (expected) {
          expect(fill).not.toBeNull();
          expect(fill).not.toBe(row.department.color.slice(1)); // a tint, lighter than the colour itself
          filled++;
        } else {
          expect(fill).toBeNull();
        }
      });
      expect(values.at(-1)).toBe([row.responsible ? `R ${row.responsible}` : '', row.supporting ? `S ${row.supporting}` : ''].filter(Boolean).join(' / '));
    });
    expect(filled).toBeGreaterThan(5);
    const totalRow = rowValues(matrix, roadmap.matrix.rows.length + 3, stageCount + 2);
    const allR = roadmap.matrix.rows.reduce((n, r) => n + r.responsible, 0);
    const allS = roadmap.matrix.rows.reduce((n, r) => n + r.supporting, 0);
    expect(totalRow[0]).toBe(t.total);
    expect(totalRow.at(-1)).toBe(`R ${allR} / S ${allS}`);
    const unowned = rowValues(matrix, roadmap.matrix.rows.length + 2, stageCount + 2);
    expect(unowned[0]).toBe(t.warningNoOwner);
    expect(Number(unowned.at(-1))).toBe(Object.values(roadmap.matrix.unowned).reduce((a, b) => a + b, 0));

    // Summary: title, client, foreword and executive summary (neutralised like every cell), summaries.
    const summary = allStrings(book.sheets[0]!);
    expect(summary[0]).toBe(roadmap.title);
    expect(summary).toContain(`${t.salesRoadmap} · ${t.preparedFor(sc.company)}`);
    expect(summary).toContain(t.foreword);
    expect(summary).toContain(t.executiveSummary);
    const [forewordFirst, forewordSecond] = sc.texts.foreword.split('\n\n');
    expect(summary).toContain(forewordFirst);
    expect(summary).toContain(`'${forewordSecond}`);
    expect(summary).toContain(sc.texts.executiveSummary);
    for (const s of sc.texts.segments) expect(summary).toContain(s);
    expect(summary).toContain(sc.texts.stage.text);
    expect(Object.keys(book.files).some((p) => p.startsWith('xl/drawings/'))).toBe(true); // the logo

    // Properties.
    expect(book.files['docProps/core.xml']).toContain('<dc:creator>Tabella</dc:creator>');
    expect(book.files['docProps/core.xml']).toContain(`<dc:title>${roadmap.title.replace(/&/g, '&amp;')}</dc:title>`);

    if (language === 'it') {
      expect(book.sheets.map((s) => s.name)).toContain('Matrice delle responsabilità');
      expect(summary).toContain('Roadmap di vendita · Preparato per Componenti Rossi S.p.A. – Qualità');
      expect(book.sheets.some((s) => s.name === 'Qualità')).toBe(true);
      expect(texts).toContain('Rivedere le scorte di sicurezza ogni trimestre');
      expect(rowValues(actions, 1, 3)).toEqual(['Segmento', 'Fase di vendita', 'Passo dell\'acquirente']);
    }
  });

  it('reads back in exceljs: plain strings only, frozen views, filters, progress choices, properties', async () => {
    const { roadmap } = scenarioBoard(language);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await renderXlsx(roadmap) as unknown as ArrayBuffer);
    expect(wb.creator).toBe('Tabella');
    expect(wb.title).toBe(roadmap.title);
    let strings = 0;
    wb.eachSheet((sheet) => {
      sheet.eachRow((row) => row.eachCell((cell) => {
        expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number], `${sheet.name}!${cell.address}`).toContain(cell.type);
        if (typeof cell.value === 'string') {
          strings++;
          expect(cell.value).not.toMatch(FORMULA_START);
        }
      }));
    });
    expect(strings).toBeGreaterThan(100);
    const actions = wb.getWorksheet(t.actions)!;
    expect(actions.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(actions.autoFilter).toBeTruthy();
    expect(actions.getCell('A1').font?.bold).toBe(true);
    expect(actions.getCell('A1').font?.color?.argb).toBe('FFFFFFFF');
    expect(actions.getCell('K2').dataValidation).toMatchObject({ type: 'list', formulae: [`"${x.progressValues.join(',')}"`] });
    expect(actions.getColumn(4).width).toBeGreaterThan(20);
    // A text longer than its column wraps, and its row is as high as its lines (LibreOffice keeps rows one line high otherwise).
    let long = 0;
    actions.eachRow((row) => {
      if (row.getCell(4).value !== HOSTILE.markdown) return;
      long++;
      expect(row.getCell(4).alignment?.wrapText).toBe(true);
      expect(row.height).toBeGreaterThanOrEqual(2 * 15);
    });
    expect(long).toBe(1);
    expect(actions.getRow(2).height ?? 15).toBeLessThan(20); // a short row stays one line
    const matrix = wb.getWorksheet(t.responsibilityMatrix)!;
    expect(matrix.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });

    // Leaving the notes still to decide out (as the booklets can) drops just their rows.
    expect(roadmap.counts.open).toBeGreaterThan(0);
    const omitted = new ExcelJS.Workbook();
    await omitted.xlsx.load(await renderXlsx(roadmap, { open: 'omit' }) as unknown as ArrayBuffer);
    expect(omitted.getWorksheet(t.actions)!.actualRowCount).toBe(actions.actualRowCount - roadmap.counts.open);
  });
});

describe('roadmap.xlsx layout estimates', () => {
  it('counts wrapped lines at word boundaries, line breaks kept, long words cut', () => {
    expect(wrappedLines('Ship evaluation samples within 48 hours', 60)).toBe(1);
    const words = 'word '.repeat(40).trim();
    expect(wrappedLines(words, 60)).toBe(4); // "word" is 4.24 wide, a space 0.47: 12 words a line
    expect(wrappedLines(words, Math.ceil(textWidth(words)) + 1)).toBe(1);
    expect(wrappedLines('one\ntwo\nthree', 60)).toBe(3);
    expect(wrappedLines('x'.repeat(100), 20)).toBeGreaterThanOrEqual(5);
    expect(textWidth('iiii')).toBeLessThan(textWidth('mmmm'));
    expect(textWidth('è')).toBe(textWidth('e'));
  });
});

describe('roadmap.xlsx sheet names', () => {
  it('cleans typed names into valid, distinct Excel sheet names', () => {
    expect(cleanSheetName('Sales/Marketing: [EU]*?')).toBe('Sales Marketing EU');
    expect(cleanSheetName("'Quoted'")).toBe('’Quoted’');
    expect(cleanSheetName('x'.repeat(40))).toHaveLength(31);
    expect(cleanSheetName(`${'a'.repeat(30)}😀`)).toBe('a'.repeat(30)); // no half surrogate pair
    expect(cleanSheetName('a\u0001b\tc')).toBe('a b c');
    const namer = new SheetNamer();
    namer.reserve('Actions');
    expect(namer.claim('ACTIONS', 'Department 1')).toBe('ACTIONS (2)');
    expect(namer.claim('history', 'Department 2')).toBe('history (2)');
    expect(namer.claim('[]:*?/\\', 'Department 3')).toBe('Department 3');
    expect(namer.claim('Qualità', 'x')).toBe('Qualità');
    expect(namer.claim('QUALITÀ', 'x')).toBe('QUALITÀ (2)');
    const long = 'Customer service and field operations EMEA';
    expect(namer.claim(long, 'x')).toBe(long.slice(0, 31).trimEnd());
    const second = namer.claim(`${long} 2`, 'x');
    expect(second).toBe('Customer service and field (2)'); // cut to 31 with its suffix, the space before it dropped
  });

  it('gives hostile department names valid, unique sheets that Excel-compatible readers open', async () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { title: 'Names', template: 'vision-workshop', language: 'en' }, system, 1);
    const names = [
      'Sales/Marketing: [EU]*?', 'Operations and logistics for EMEA region', // 40 characters
      'Customer success and renewals team A', 'Customer success and renewals team B', // equal in their first 31
      "'Quoted'", 'History', 'actions', '=HYPERLINK("http://evil.example")', 'Qualità',
    ];
    expect(names[1]).toHaveLength(40);
    const keys = names.map((name) => addDepartment(doc, { name }, me));
    const stageId = readBoard(doc).segments[0]!.stages[0]!.id;
    keys.forEach((key, i) => {
      const id = addNote(doc, { stageId, text: `Action ${i}` }, { id: 'alice', name: 'Alice', department: '' }, me);
      setNoteStatus(doc, id, 'accepted', me);
      confirmOwners(doc, id, { responsible: key, supporting: [] }, me);
    });
    const roadmap = buildRoadmap(readBoard(doc), { now: NOW });
    const book = readBook(await renderXlsx(roadmap));
    const sheetNames = book.sheets.map((s) => s.name);
    const seen = new Set<string>();
    for (const name of sheetNames) {
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
      expect(name).not.toMatch(/^'|'$/);
      expect(name.toLowerCase()).not.toBe('history');
      expect(seen.has(name.toLowerCase())).toBe(false);
      seen.add(name.toLowerCase());
    }
    expect(sheetNames).toContain('Sales Marketing EU');
    expect(sheetNames).toContain('Customer success and renewals t');
    expect(sheetNames).toContain('Customer success and renewa (2)');
    expect(sheetNames).toContain('actions (2)');
    expect(sheetNames).toContain('History (2)');
    expect(sheetNames).toContain('Qualità');
    // Each department's sheet still carries its full name, neutralised, above its table.
    for (const name of names) {
      expect(book.sheets.some((s) => s.cells.get(1)?.get('A') === neutralizeCell(name))).toBe(true);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await renderXlsx(roadmap) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(sheetNames);
  });

  it('renders a 300-note board', async () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { title: 'Big', template: 'vision-workshop', language: 'it' }, system, 1);
    const board = readBoard(doc);
    const stages = board.segments.flatMap((s) => s.stages);
    const departments = [...board.departmentsByKey.keys()];
    for (let i = 0; i < 300; i++) {
      const id = addNote(doc, { stageId: stages[i % stages.length]!.id, text: `Azione numero ${i}: più qualità, più velocità, ogni settimana con il cliente` }, { id: 'a', name: `Persona ${i % 17}`, department: '' }, me);
      if (i % 5 !== 0) setNoteStatus(doc, id, 'accepted', me);
      confirmOwners(doc, id, { responsible: departments[i % departments.length]!, supporting: [departments[(i + 3) % departments.length]!] }, me);
    }
    const roadmap = buildRoadmap(readBoard(doc), { now: NOW });
    await renderXlsx(roadmap); // warm-up: module loading is not the render's cost
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const body = await renderXlsx(roadmap);
    const ms = performance.now() - started;
    delay.disable();
    console.log(`roadmap.xlsx, 300 notes: ${ms.toFixed(0)} ms, longest event-loop stall ${(delay.max / 1e6).toFixed(0)} ms, ${(body.length / 1024).toFixed(0)} KiB`);
    const book = readBook(body);
    expect(book.sheets[1]!.cells.size).toBe(301);
    expect(book.sheets.length).toBe(3 + departments.length);
  });
});
