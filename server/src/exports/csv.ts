import { stringify } from 'csv-stringify/sync';
import { roadmapLabels, type Roadmap, type RoadmapItem } from '../../../shared/src/index.js';

export type CsvDelimiter = ',' | ';';

/**
 * Spreadsheet programs run a cell that starts with one of these as a formula
 * (CSV/formula injection, OWASP): such a cell gets a leading apostrophe, which
 * Excel and LibreOffice show as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Excel splits CSV on the list separator of the user's region: `,` in English
 * locales, `;` in Italian ones (where `,` is the decimal mark). The default
 * follows the board's language.
 */
export function defaultDelimiter(language: Roadmap['language']): CsvDelimiter {
  return language === 'it' ? ';' : ',';
}

/**
 * Every note on the board, one row each (the roadmap's actions first, then
 * notes still open, questions and parked ideas of each stage): segment, stage,
 * buyer step, text, kind, status, responsible, supporting, votes, authors.
 * UTF-8 with a BOM (so Excel reads accents right), CRLF line ends, RFC 4180
 * quoting by csv-stringify, headers in the board's language.
 */
export function renderCsv(roadmap: Roadmap, delimiter: CsvDelimiter = defaultDelimiter(roadmap.language)): string {
  const t = roadmapLabels(roadmap.language);
  const header = [t.segment, t.salesStage, t.buyerStep, t.text, t.kind, t.status, t.responsible, t.supporting, t.votes, t.authors];
  const rows: (string | number)[][] = [];
  for (const segment of roadmap.segments) {
    for (const stage of segment.stages) {
      const items: RoadmapItem[] = [...stage.actions, ...stage.pending, ...stage.questions, ...stage.parked];
      for (const item of items) {
        rows.push([
          segment.name, stage.name, stage.buyerStep, item.text, t.kinds[item.kind], t.statuses[item.status],
          item.responsible?.name ?? '', item.supporting.map((d) => d.name).join(', '), item.votes, item.authors.join(', '),
        ]);
      }
    }
  }
  const safe = [header, ...rows].map((row) => row.map((cell) => (typeof cell === 'string' ? neutralizeCell(cell) : cell)));
  return stringify(safe, { bom: true, delimiter, record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
}
