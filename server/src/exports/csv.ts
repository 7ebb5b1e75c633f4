import { stringify } from 'csv-stringify/sync';
import { roadmapLabels, type BoardSnapshot, type Roadmap, type RoadmapItem } from '../../../shared/src/index.js';

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
      const items: RoadmapItem[] = [...stage.actions, ...stage.open, ...stage.questions, ...stage.parked];
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

/**
 * Reps' feedback (step 7), one row per report, newest first: date, segment,
 * stage, buyer step, outcome, what blocked it, department involved, comment,
 * rep. Same encoding and formula-injection guard as the roadmap CSV.
 */
export function renderFeedbackCsv(snapshot: BoardSnapshot, delimiter: CsvDelimiter = defaultDelimiter(snapshot.meta.language)): string {
  const t = roadmapLabels(snapshot.meta.language);
  const header = [t.date, t.segment, t.salesStage, t.buyerStep, t.outcome, t.blocker, t.department, t.comment, t.rep];
  const segments = new Map(snapshot.segments.map((s) => [s.id, s.name]));
  const rows = snapshot.feedback.map((f) => {
    const stage = snapshot.stagesById.get(f.stageId);
    return [
      new Date(f.createdAt).toISOString().slice(0, 16).replace('T', ' '),
      segments.get(f.segmentId) ?? '', stage?.name ?? '', stage?.buyerStep ?? '', t.outcomes[f.outcome], f.blocker,
      snapshot.departmentsByKey.get(f.department)?.name ?? '', f.comment, f.repName,
    ];
  });
  const safe = [header, ...rows].map((row) => row.map(neutralizeCell));
  return stringify(safe, { bom: true, delimiter, record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
}
