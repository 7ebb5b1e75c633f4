import type { RoadmapSegment, RoadmapStage } from '../../../shared/src/index.js';
import type { Cell, Column, Row } from './pptx-flow.js';
import { CONTENT_W, FAINT, INK, MUTED, WARN, hex, section, tint, type Deck, type Header, type Section } from './pptx-deck.js';

/** The deck's responsibility matrix and the commitments asked of each department. */

const MATRIX_SWATCH = 0.14;
const MATRIX_DEPT = 2.8;
const MATRIX_TOTAL = 1.25;
const MATRIX_MIN_COLUMN = 1.1;

/**
 * One table per segment (its stages as columns, the departments as rows),
 * each on its own slides: a segment with more stages than fit at a readable
 * width is cut by stage columns, a long department list by rows.
 */
export function matrixSection(deck: Deck): Section {
  const { t, roadmap } = deck;
  const matrix = roadmap.matrix;
  const parts: Section[] = [];
  const cellText = (r: number, s: number): string => [r ? `R ${r}` : '', s ? `S ${s}` : ''].filter(Boolean).join(' · ') || '·';
  const perSlide = Math.max(1, Math.floor((CONTENT_W - MATRIX_SWATCH - MATRIX_DEPT - MATRIX_TOTAL) / MATRIX_MIN_COLUMN));
  const head = (text: string): Cell => ({ paras: [{ text, style: { size: 10, bold: true, color: MUTED } }], fill: 'F3F4F6' });
  for (const segment of roadmap.segments) {
    const chunks: RoadmapStage[][] = [];
    for (let i = 0; i < segment.stages.length; i += perSlide) chunks.push(segment.stages.slice(i, i + perSlide));
    chunks.forEach((stages, chunk) => {
      const last = chunk === chunks.length - 1;
      const free = CONTENT_W - MATRIX_SWATCH - MATRIX_DEPT - (last ? MATRIX_TOTAL : 0);
      const width = Math.min(2.4, free / stages.length);
      const columns: Column[] = [
        { width: MATRIX_SWATCH }, { width: MATRIX_DEPT },
        ...stages.map((): Column => ({ width, align: 'center' })),
        ...(last ? [{ width: MATRIX_TOTAL, align: 'center' as const }] : []),
      ];
      const rows: Row[] = matrix.rows.map((row): Row => {
        const cellOf = (stage: RoadmapStage) => row.cells.find((c) => c.stageId === stage.id) ?? { responsible: 0, supporting: 0 };
        const all = segment.stages.map(cellOf);
        const r = all.reduce((n, c) => n + c.responsible, 0);
        const s = all.reduce((n, c) => n + c.supporting, 0);
        return [
          { paras: [], fill: hex(row.department.color) },
          { paras: [{ text: row.department.name, style: { size: 12, bold: true, color: INK } }] },
          ...stages.map(cellOf).map((c): Cell => ({
            paras: [{ text: cellText(c.responsible, c.supporting), style: { size: 12, bold: c.responsible > 0, color: c.responsible || c.supporting ? INK : FAINT } }],
            ...(c.responsible ? { fill: tint(row.department.color, 0.28) } : c.supporting ? { fill: tint(row.department.color, 0.1) } : {}),
          })),
          ...(last ? [{ paras: [{ text: cellText(r, s), style: { size: 12, bold: true, color: r || s ? INK : FAINT } }] }] : []),
        ];
      });
      // Actions nobody is responsible for, when the segment has any.
      if (segment.stages.some((stage) => (matrix.unowned[stage.id] ?? 0) > 0)) {
        const total = segment.stages.reduce((n, stage) => n + (matrix.unowned[stage.id] ?? 0), 0);
        rows.push([
          { paras: [], fill: 'D1D5DB' },
          { paras: [{ text: t.noOwner, style: { size: 12, italic: true, color: WARN } }] },
          ...stages.map((stage) => matrix.unowned[stage.id] ?? 0)
            .map((n): Cell => ({ paras: [{ text: n ? String(n) : '·', style: { size: 12, bold: n > 0, color: n ? WARN : FAINT } }] })),
          ...(last ? [{ paras: [{ text: String(total), style: { size: 12, bold: true, color: WARN } }] }] : []),
        ]);
      }
      const range = chunks.length > 1 ? `  (${segment.number}.${stages[0]!.number}–${segment.number}.${stages[stages.length - 1]!.number})` : '';
      const header: Header = {
        kicker: t.responsibilityMatrix, kickerColor: deck.accent, title: `${t.segment} ${segment.number}: ${segment.name}${range}`,
        subtitle: `${t.matrixIntro} ${t.matrixLegend}.`, bar: segment.color,
      };
      parts.push(section(deck, header, [{
        kind: 'table', columns,
        header: [head(''), head(t.departmentPages), ...stages.map((stage) => head(`${segment.number}.${stage.number} ${stage.name}`)), ...(last ? [head(t.total)] : [])],
        rows,
      }], t.responsibilityMatrix));
    });
  }
  if (parts.length === 0 || matrix.rows.length === 0) {
    const header: Header = { kicker: t.salesRoadmap, kickerColor: deck.accent, title: t.responsibilityMatrix, bar: deck.accent };
    return section(deck, header, [{ kind: 'box', paras: [{ text: t.nothingAssigned, style: { size: 15, italic: true, color: MUTED } }] }], t.responsibilityMatrix);
  }
  const [first, ...rest] = parts;
  return { ...first!, after: rest };
}

export function commitmentsSection(deck: Deck): Section {
  const { t, d, roadmap } = deck;
  const where = new Map<string, { segment: RoadmapSegment; stage: RoadmapStage }>();
  for (const segment of roadmap.segments) for (const stage of segment.stages) where.set(stage.id, { segment, stage });
  const idle: string[] = [];
  const parts: Section[] = [];
  for (const dept of roadmap.byDepartment) {
    const row = roadmap.matrix.rows.find((r) => r.department.key === dept.department.key);
    const involved = [...where.values()].filter(({ stage }) => {
      const cell = row?.cells.find((c) => c.stageId === stage.id);
      return (cell && cell.responsible + cell.supporting > 0) || dept.commitments.some((c) => c.stageId === stage.id);
    });
    if (involved.length === 0) {
      idle.push(dept.department.name);
      continue;
    }
    const header: Header = {
      kicker: t.commitmentsAsked, kickerColor: deck.accent, title: dept.department.name, bar: dept.department.color,
      subtitle: `${d.responsibleFor(dept.responsible.length)}   ·   ${d.supportingCount(dept.supporting.length)}`,
    };
    const head = (text: string): Cell => ({ paras: [{ text, style: { size: 12, bold: true, color: MUTED } }], fill: 'F3F4F6' });
    const rows = involved.map(({ segment, stage }): Row => {
      const cell = row?.cells.find((c) => c.stageId === stage.id);
      const commitment = dept.commitments.find((c) => c.stageId === stage.id);
      const count = (n: number): Cell => ({ paras: [{ text: String(n), style: { size: 15, bold: n > 0, color: n ? INK : FAINT } }] });
      return [
        {
          paras: [
            { text: `${segment.number}.${stage.number}  ${stage.name}`, style: { size: 14, bold: true, color: INK } },
            { text: segment.name, style: { size: 11, color: hex(segment.color) } },
          ],
        },
        count(cell?.responsible ?? 0),
        count(cell?.supporting ?? 0),
        commitment
          ? {
            paras: [
              { text: `“${commitment.text}”`, style: { size: 15, italic: true, color: INK } },
              ...(commitment.byName ? [{ text: `— ${commitment.byName}`, style: { size: 11, color: MUTED } }] : []),
            ],
            fill: tint(dept.department.color, 0.12),
          }
          : { paras: [{ text: d.toBeAgreed, style: { size: 13, italic: true, color: FAINT } }] },
      ];
    });
    parts.push(section(deck, header, [{
      kind: 'table',
      columns: [{ width: 3.9 }, { width: 0.9, align: 'center' }, { width: 0.9, align: 'center' }, { width: CONTENT_W - 5.7 }],
      header: [head(t.stage), head('R'), head('S'), head(t.commitments)],
      rows,
    }], t.commitmentsAsked));
  }
  if (idle.length > 0 || parts.length === 0) {
    const header: Header = { kicker: t.commitmentsAsked, kickerColor: deck.accent, title: parts.length > 0 ? d.otherDepartments : t.commitmentsAsked, bar: deck.accent };
    parts.push(section(deck, header, [{
      kind: 'box',
      paras: [
        { text: t.nothingAssigned, style: { size: 15, italic: true, color: MUTED } },
        ...(idle.length > 0 ? [{ text: idle.join('   ·   '), style: { size: 16, color: INK }, spaceBefore: 10 }] : []),
      ],
    }], t.commitmentsAsked));
  }
  const [first, ...rest] = parts;
  return { ...first!, after: rest };
}
