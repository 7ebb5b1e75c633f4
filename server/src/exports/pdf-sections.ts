import type { PlacedItem, Roadmap, RoadmapItem, RoadmapLabels } from '../../../shared/src/index.js';
import type { Booklet, ContentsEntry } from './pdf-layout.js';
import { COLORS, CONTENT_WIDTH, PAGE, tint } from './pdf-layout.js';
import type { Cell } from './pdf-table.js';
import { table } from './pdf-table.js';

const DEPT_COLUMN = 118;

/** One table per segment (its stages as columns), so every table fits the page width. */
export function responsibilityMatrix(b: Booklet, roadmap: Roadmap, t: RoadmapLabels): void {
  b.band(t.salesRoadmap, t.responsibilityMatrix, b.accent, `${t.matrixIntro} ${t.matrixLegend}.`);
  for (const segment of roadmap.segments) {
    // Keep a segment's table on one page when it can fit on one.
    const tableHeight = roadmap.matrix.rows.length * 19 + 80;
    if (tableHeight > b.room && tableHeight < PAGE.height - PAGE.top - PAGE.bottom) b.newPage();
    b.heading(`${t.segment} ${segment.number}: ${segment.name}`, 3, 80, COLORS.ink);
    const columnWidth = (CONTENT_WIDTH - DEPT_COLUMN) / Math.max(1, segment.stages.length);
    const rows = roadmap.matrix.rows.map((row): Cell[] => [
      { text: row.department.name, dot: row.department.color, style: { size: 8.5 } },
      ...segment.stages.map((stage): Cell => {
        const cell = row.cells.find((c) => c.stageId === stage.id);
        const r = cell?.responsible ?? 0;
        const s = cell?.supporting ?? 0;
        const text = [r ? `R ${r}` : '', s ? `S ${s}` : ''].filter(Boolean).join('  ');
        return {
          text: text || '·',
          fill: r ? tint(row.department.color, 0.22) : s ? tint(row.department.color, 0.08) : undefined,
          style: { font: r ? 'bold' : 'regular', size: 8.5, color: r || s ? COLORS.ink : COLORS.faint },
        };
      }),
    ]);
    table(
      b,
      [
        { header: '', width: DEPT_COLUMN },
        ...segment.stages.map((s) => ({ header: `${s.number}. ${s.name}`, width: columnWidth, align: 'center' as const })),
      ],
      rows,
      { headerStyle: { font: 'semibold', size: 6.8, color: COLORS.muted, lineGap: 0.5 }, headerPadding: 2.5 },
    );
  }
}

/** Notes grouped by segment, each under its stage; `more` adds to the line above the text (kind, votes). */
function groupedList(b: Booklet, list: PlacedItem[], t: RoadmapLabels, withOwner: boolean, more?: (p: PlacedItem) => string): void {
  let segment = -1;
  for (const p of list) {
    if (p.segmentNumber !== segment) {
      segment = p.segmentNumber;
      b.y += 2;
      b.paragraph(`${t.segment} ${p.segmentNumber}: ${p.segmentName}`, { font: 'semibold', size: 9, color: COLORS.muted }, 4);
    }
    const where = `${p.segmentNumber}.${p.stageNumber}  ${p.stageName}`;
    const extra = more?.(p) ?? '';
    const owner = (withOwner && p.item.responsible ? `  ·  ${t.responsible}: ${p.item.responsible.name}` : '') + (extra ? `  ·  ${extra}` : '');
    const whereStyle = { font: 'semibold' as const, size: 8, color: b.accent };
    const textStyle = { size: 10, lineGap: 1.5 };
    const width = CONTENT_WIDTH - 14;
    const h = b.heightOf(where + owner, width, whereStyle) + b.heightOf(p.item.text, width, textStyle);
    b.ensure(h + 8);
    b.dot(PAGE.left + 4, b.y + 5, COLORS.faint, 2);
    b.textAt(where + owner, PAGE.left + 14, b.y, width, whereStyle);
    b.y += b.heightOf(where + owner, width, whereStyle);
    b.textAt(p.item.text, PAGE.left + 14, b.y, width, textStyle);
    b.y += b.heightOf(p.item.text, width, textStyle) + 7;
  }
}

/** One page per department with something to own; the others listed together at the end. */
export function departmentPages(b: Booklet, roadmap: Roadmap, t: RoadmapLabels, contents: ContentsEntry[]): void {
  const idle: string[] = [];
  for (const d of roadmap.byDepartment) {
    if (d.responsible.length + d.supporting.length + d.commitments.length === 0) {
      idle.push(d.department.name);
      continue;
    }
    b.runningHead = `${t.whatWeOwn} · ${d.department.name}`;
    contents.push({ title: d.department.name, page: b.newPage({ runningHead: false }), level: 2, color: d.department.color });
    const stages = new Set([...d.responsible, ...d.supporting].map((p) => p.item.stageId)).size;
    b.band(t.whatWeOwn, d.department.name, d.department.color,
      `${t.weLead}: ${d.responsible.length}   ·   ${t.weSupport}: ${d.supporting.length}   ·   ${t.stage}: ${stages}`);
    if (d.responsible.length > 0) {
      b.heading(t.weLead, 2, 60, d.department.color);
      groupedList(b, d.responsible, t, false);
    }
    if (d.supporting.length > 0) {
      b.heading(t.weSupport, 2, 60, d.department.color);
      groupedList(b, d.supporting, t, true);
    }
    if (d.commitments.length > 0) {
      b.heading(t.ourCommitments, 2, 60, d.department.color);
      for (const c of d.commitments) {
        const stage = roadmap.segments.flatMap((s) => s.stages.map((st) => ({ s, st }))).find((x) => x.st.id === c.stageId);
        const where = stage ? `${stage.s.number}.${stage.st.number}  ${stage.st.name}` : '';
        b.paragraph(where, { font: 'semibold', size: 8, color: b.accent }, 1, 14);
        b.paragraph(`“${c.text}”${c.byName ? ` — ${c.byName}` : ''}`, { font: 'italic', size: 10 }, 8, 14);
      }
    }
  }
  if (idle.length > 0) {
    b.runningHead = t.whatWeOwn;
    if (b.page < 0 || b.room < 120) b.newPage();
    else b.y += 20;
    b.heading(t.departmentPages, 2, 40);
    b.paragraph(`${t.nothingAssigned}`, { font: 'italic', size: 9.5, color: COLORS.muted }, 6);
    b.paragraph(idle.join(' · '), { size: 10 }, 6);
  }
}

export function commitments(b: Booklet, roadmap: Roadmap, t: RoadmapLabels): void {
  b.band(t.salesRoadmap, t.commitments, b.accent);
  if (roadmap.commitments.length === 0) {
    b.paragraph(t.noCommitments, { font: 'italic', size: 10, color: COLORS.muted });
    return;
  }
  for (const segment of roadmap.segments) {
    const stages = segment.stages.filter((s) => s.commitments.length > 0);
    if (stages.length === 0) continue;
    b.heading(`${t.segment} ${segment.number}: ${segment.name}`, 2, 60, segment.color);
    for (const stage of stages) {
      b.heading(`${segment.number}.${stage.number}  ${stage.name}`, 3, 40);
      table(b, [{ header: t.departmentPages, width: 140 }, { header: t.commitments, width: 0 }], stage.commitments.map((c) => [
        { text: c.department.name, dot: c.department.color, style: { font: 'semibold', size: 9 } },
        { text: c.byName ? `${c.text}\n— ${c.byName}` : c.text },
      ]));
    }
  }
}

/** The notes still to decide, stage by stage, with what helps to decide them: kind, dots, authors. */
export function stillToDecide(b: Booklet, roadmap: Roadmap, t: RoadmapLabels): void {
  b.band(t.salesRoadmap, t.stillToDecide, COLORS.warn, roadmap.open.length === 0 ? '' : t.stillToDecideIntro);
  if (roadmap.open.length === 0) {
    b.paragraph(t.nothingToDecide, { font: 'italic', size: 10, color: COLORS.muted });
    return;
  }
  groupedList(b, roadmap.open, t, false, (p) => [
    p.item.kind === 'action' ? '' : t.kinds[p.item.kind],
    p.item.votes > 0 ? t.voteCount(p.item.votes) : '',
    p.item.authors.join(', '),
  ].filter(Boolean).join('  ·  '));
}

/** Every note that absorbed others, then each merged note's text and author, indented under it. */
function mergedNotes(b: Booklet, list: PlacedItem[], t: RoadmapLabels): void {
  b.heading(t.mergedNotes, 2, 110);
  if (list.length === 0) {
    b.paragraph(t.noMerged, { font: 'italic', size: 9.5, color: COLORS.muted });
    return;
  }
  b.paragraph(t.mergedIntro, { font: 'italic', size: 9, color: COLORS.muted }, 8);
  const whereStyle = { font: 'semibold' as const, size: 8, color: b.accent };
  const textStyle = { font: 'semibold' as const, size: 10, lineGap: 1.5 };
  const mergedStyle = { size: 9.5, lineGap: 1.5, color: COLORS.ink };
  const width = CONTENT_WIDTH - 14;
  for (const p of list) {
    const where = `${p.segmentNumber}.${p.stageNumber}  ${p.stageName}`;
    const first = p.item.merged[0];
    const firstText = first ? mergedLine(first, t) : '';
    // Keep the surviving note with its first merged note.
    b.ensure(b.heightOf(where, width, whereStyle) + b.heightOf(p.item.text, width, textStyle) + b.heightOf(firstText, width - 16, mergedStyle) + 10);
    b.dot(PAGE.left + 4, b.y + 5, COLORS.faint, 2);
    b.textAt(where, PAGE.left + 14, b.y, width, whereStyle);
    b.y += b.heightOf(where, width, whereStyle);
    b.textAt(p.item.text, PAGE.left + 14, b.y, width, textStyle);
    b.y += b.heightOf(p.item.text, width, textStyle) + 2;
    for (const m of p.item.merged) {
      const text = mergedLine(m, t);
      const h = b.heightOf(text, width - 16, mergedStyle);
      b.ensure(h + 2);
      b.pdf.rect(PAGE.left + 22, b.y + 1, 1.5, h - 2).fill(COLORS.rule);
      b.textAt(text, PAGE.left + 30, b.y, width - 16, mergedStyle);
      b.y += h + 2;
    }
    b.y += 6;
  }
}

function mergedLine(m: RoadmapItem['merged'][number], t: RoadmapLabels): string {
  const kind = m.kind === 'action' ? '' : ` (${t.kinds[m.kind]})`;
  return `${m.text}${kind}${m.authorName ? ` — ${m.authorName}` : ''}`;
}

export function appendix(b: Booklet, roadmap: Roadmap, t: RoadmapLabels, listsOpen: boolean): void {
  b.band(t.salesRoadmap, t.appendix, b.accent);
  const where = (p: PlacedItem): string => `${p.segmentNumber}.${p.stageNumber} ${p.stageName}`;

  b.heading(t.parkedIdeas, 2);
  if (roadmap.parked.length === 0) b.paragraph(t.noParked, { font: 'italic', size: 9.5, color: COLORS.muted });
  else groupedList(b, roadmap.parked, t, false);

  b.heading(t.openQuestions, 2);
  if (roadmap.questions.length === 0) b.paragraph(t.noQuestions, { font: 'italic', size: 9.5, color: COLORS.muted });
  else groupedList(b, roadmap.questions, t, false);

  // A note still to decide is in the merged list only when the booklet lists it.
  const openIds = new Set(roadmap.open.map((p) => p.item.id));
  mergedNotes(b, roadmap.merged.filter((p) => listsOpen || !openIds.has(p.item.id)), t);

  b.heading(t.voteCounts, 2, 110);
  if (roadmap.votes.length === 0) b.paragraph(t.noVotes, { font: 'italic', size: 9.5, color: COLORS.muted });
  else {
    table(
      b,
      [
        { header: t.votes, width: 40, align: 'right' },
        { header: t.text, width: 0 },
        { header: t.stage, width: 130 },
        { header: t.status, width: 70 },
      ],
      roadmap.votes.map((p) => [
        { text: String(p.item.votes), style: { font: 'bold', size: 9 } },
        { text: p.item.text },
        { text: where(p), style: { size: 8.5, color: COLORS.muted } },
        { text: t.statuses[p.item.status], style: { size: 8.5 } },
      ]),
    );
  }

  const feedback = roadmap.segments.flatMap((s) => s.stages.filter((st) => st.feedback.total > 0).map((st) => ({ s, st })));
  b.heading(t.feedback, 2, 110);
  if (feedback.length === 0) b.paragraph(t.noFeedback, { font: 'italic', size: 9.5, color: COLORS.muted });
  else {
    table(
      b,
      [
        { header: t.stage, width: 130 },
        { header: t.outcomes.worked, width: 66, align: 'right' },
        { header: t.outcomes.partly, width: 60, align: 'right' },
        { header: t.outcomes.blocked, width: 60, align: 'right' },
        { header: '', width: 0 },
      ],
      feedback.map(({ s, st }) => [
        { text: `${s.number}.${st.number} ${st.name}`, style: { font: 'semibold', size: 9 } },
        { text: String(st.feedback.counts.worked) },
        { text: String(st.feedback.counts.partly) },
        { text: String(st.feedback.counts.blocked), style: { font: st.feedback.counts.blocked ? 'bold' : 'regular', size: 9, color: st.feedback.counts.blocked ? COLORS.warn : COLORS.ink } },
        {
          text: st.feedback.latest
            .map((f) => `${t.outcomes[f.outcome]}: ${[f.blocker, f.comment].filter(Boolean).join(' — ')}${f.repName ? ` (${f.repName})` : ''}`)
            .join('\n'),
          style: { size: 8.5 },
        },
      ]),
    );
  }

  if (roadmap.warnings.length > 0) {
    b.heading(t.toSettle, 2, 110, COLORS.warn);
    table(
      b,
      [{ header: t.text, width: 0 }, { header: t.stage, width: 120 }, { header: '', width: 150 }],
      roadmap.warnings.map((w) => {
        const what = w.type === 'no-owner' ? t.warningNoOwner : w.reason === 'tie' ? t.warningTie : t.warningDiffers;
        const proposals = w.type === 'contested-owner'
          ? w.proposals.map((p) => `${p.department.name} ${p.count}`).join(', ')
          : w.suggested ? `${t.suggested}: ${w.suggested.department.name}` : '';
        return [
          { text: w.item.item.text },
          { text: where(w.item), style: { size: 8.5, color: COLORS.muted } },
          { text: proposals ? `${what}\n${proposals}` : what, style: { size: 8.5, color: COLORS.warn } },
        ];
      }),
    );
  }
}
