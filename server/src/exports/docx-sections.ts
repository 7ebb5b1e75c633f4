import { BorderStyle, Paragraph, TextRun, type FileChild } from 'docx';
import type { PlacedItem, Roadmap, RoadmapItem, RoadmapLabels } from '../../../shared/src/index.js';
import { FAINT, INK, MUTED, RULE, WARN, gap, heading, note, para, runs, table, tint, type Cell, type Column } from './docx-parts.js';

/** The booklet's sections after the segments, as the PDF's (pdf-sections.ts), in Word's blocks. */
export type Block = FileChild;

const where = (p: PlacedItem): string => `${p.segmentNumber}.${p.stageNumber}  ${p.stageName}`;

/** Notes grouped by segment, each with where it sits (and `more`) above its text, as the PDF's lists. */
function groupedList(list: PlacedItem[], t: RoadmapLabels, accent: string, withOwner: boolean, more?: (p: PlacedItem) => string): Block[] {
  const out: Block[] = [];
  let segment = -1;
  for (const p of list) {
    if (p.segmentNumber !== segment) {
      segment = p.segmentNumber;
      out.push(para(`${t.segment} ${p.segmentNumber}: ${p.segmentName}`, { bold: true, color: MUTED, size: 18 }, { spacing: { before: 120, after: 60 }, keepNext: true }));
    }
    const extra = more?.(p) ?? '';
    const owner = (withOwner && p.item.responsible ? `  ·  ${t.responsible}: ${p.item.responsible.name}` : '') + (extra ? `  ·  ${extra}` : '');
    out.push(new Paragraph({
      indent: { left: 284 },
      spacing: { after: 100 },
      keepLines: true,
      children: [...runs(where(p) + owner, { bold: true, color: accent, size: 16 }), ...runs(p.item.text, { size: 20 }).map((r, i) => (i === 0 ? [new TextRun({ break: 1 }), r] : [r])).flat()],
    }));
  }
  return out;
}

export function stillToDecide(roadmap: Roadmap, t: RoadmapLabels, accent: string): Block[] {
  const out: Block[] = [heading(t.stillToDecide, 1, { newPage: true, bar: `#${WARN}` })];
  if (roadmap.open.length === 0) return [...out, note(t.nothingToDecide)];
  out.push(note(t.stillToDecideIntro));
  out.push(...groupedList(roadmap.open, t, accent, false, (p) => [
    p.item.kind === 'action' ? '' : t.kinds[p.item.kind],
    p.item.votes > 0 ? t.voteCount(p.item.votes) : '',
    p.item.authors.join(', '),
  ].filter(Boolean).join('  ·  ')));
  return out;
}

/**
 * One table per segment (its stages as columns, so each fits the page),
 * departments as rows: "R n" / "S n" in cells shaded with the department's
 * colour (stronger where it leads), and the row's totals for the segment.
 */
export function responsibilityMatrix(roadmap: Roadmap, t: RoadmapLabels, accent: string): Block[] {
  const out: Block[] = [heading(t.responsibilityMatrix, 1, { newPage: true }), note(`${t.matrixIntro} ${t.matrixLegend}.`)];
  const rs = (r: number, s: number): string => [r ? `R ${r}` : '', s ? `S ${s}` : ''].filter(Boolean).join('  ');
  for (const segment of roadmap.segments) {
    out.push(heading(`${t.segment} ${segment.number}: ${segment.name}`, 3, { bar: segment.color }));
    const stageShare = 0.7 / Math.max(1, segment.stages.length);
    const columns: Column[] = [
      { header: t.departmentPages, width: 0.2 },
      ...segment.stages.map((s): Column => ({ header: `${s.number}. ${s.name}`, width: stageShare, align: 'center' })),
      { header: t.total, width: 0.1, align: 'center' },
    ];
    const rows = roadmap.matrix.rows.map((row): Cell[] => {
      let r = 0;
      let s = 0;
      const cells = segment.stages.map((stage): Cell => {
        const cell = row.cells.find((c) => c.stageId === stage.id);
        const cr = cell?.responsible ?? 0;
        const cs = cell?.supporting ?? 0;
        r += cr;
        s += cs;
        return {
          text: rs(cr, cs) || '·',
          fill: cr ? tint(row.department.color, 0.22) : cs ? tint(row.department.color, 0.08) : undefined,
          style: { bold: cr > 0, size: 17, color: cr || cs ? INK : FAINT },
        };
      });
      return [
        { text: row.department.name, bar: row.department.color, style: { size: 17 } },
        ...cells,
        { text: rs(r, s) || '·', style: { bold: true, size: 17, color: r || s ? INK : FAINT } },
      ];
    });
    out.push(table(columns, rows, accent, { headerSize: 14 }), gap());
  }
  return out;
}

/** A page per department with something to own; the others named together at the end. */
export function departmentPages(roadmap: Roadmap, t: RoadmapLabels, accent: string): Block[] {
  const out: Block[] = [heading(t.whatWeOwn, 1, { newPage: true })];
  const idle: string[] = [];
  let first = true;
  for (const d of roadmap.byDepartment) {
    if (d.responsible.length + d.supporting.length + d.commitments.length === 0) {
      idle.push(d.department.name);
      continue;
    }
    out.push(heading(d.department.name, 2, { bar: d.department.color, newPage: !first }));
    first = false;
    const stages = new Set([...d.responsible, ...d.supporting].map((p) => p.item.stageId)).size;
    out.push(para(`${t.weLead}: ${d.responsible.length}   ·   ${t.weSupport}: ${d.supporting.length}   ·   ${t.stage}: ${stages}`,
      { color: MUTED, size: 19 }, { spacing: { after: 120 } }));
    if (d.responsible.length > 0) out.push(heading(t.weLead, 3), ...groupedList(d.responsible, t, accent, false));
    if (d.supporting.length > 0) out.push(heading(t.weSupport, 3), ...groupedList(d.supporting, t, accent, true));
    if (d.commitments.length > 0) {
      out.push(heading(t.ourCommitments, 3));
      for (const c of d.commitments) {
        const stage = roadmap.segments.flatMap((s) => s.stages.map((st) => ({ s, st }))).find((x) => x.st.id === c.stageId);
        if (stage) out.push(para(`${stage.s.number}.${stage.st.number}  ${stage.st.name}`, { bold: true, color: accent, size: 16 }, { indent: { left: 284 }, keepNext: true, spacing: { after: 0 } }));
        out.push(para(`“${c.text}”${c.byName ? ` — ${c.byName}` : ''}`, { italics: true, size: 20 }, { indent: { left: 284 }, spacing: { after: 120 } }));
      }
    }
  }
  if (idle.length > 0) {
    out.push(heading(t.departmentPages, 2, { newPage: !first }), note(t.nothingAssigned), para(idle.join(' · ')));
  }
  return out;
}

export function commitments(roadmap: Roadmap, t: RoadmapLabels, accent: string): Block[] {
  const out: Block[] = [heading(t.commitments, 1, { newPage: true })];
  if (roadmap.commitments.length === 0) return [...out, note(t.noCommitments)];
  for (const segment of roadmap.segments) {
    const stages = segment.stages.filter((s) => s.commitments.length > 0);
    if (stages.length === 0) continue;
    out.push(heading(`${t.segment} ${segment.number}: ${segment.name}`, 3, { bar: segment.color }));
    for (const stage of stages) {
      out.push(para(`${segment.number}.${stage.number}  ${stage.name}`, { bold: true, size: 20 }, { keepNext: true, spacing: { before: 120, after: 60 } }));
      out.push(table([{ header: t.departmentPages, width: 0.3 }, { header: t.commitments, width: 0.7 }], stage.commitments.map((c): Cell[] => [
        { text: c.department.name, bar: c.department.color, style: { bold: true, size: 18 } },
        { text: c.byName ? `${c.text}\n— ${c.byName}` : c.text },
      ]), accent), gap());
    }
  }
  return out;
}

function mergedLine(m: RoadmapItem['merged'][number], t: RoadmapLabels): string {
  const kind = m.kind === 'action' ? '' : ` (${t.kinds[m.kind]})`;
  return `${m.text}${kind}${m.authorName ? ` — ${m.authorName}` : ''}`;
}

/** Every note that absorbed others, then each merged note's text and author, indented under it. */
function mergedNotes(list: PlacedItem[], t: RoadmapLabels, accent: string): Block[] {
  const out: Block[] = [heading(t.mergedNotes, 2)];
  if (list.length === 0) return [...out, note(t.noMerged)];
  out.push(note(t.mergedIntro));
  for (const p of list) {
    out.push(new Paragraph({
      indent: { left: 284 },
      spacing: { after: 40 },
      keepNext: true,
      children: [...runs(where(p), { bold: true, color: accent, size: 16 }), new TextRun({ break: 1 }), ...runs(p.item.text, { bold: true, size: 20 })],
    }));
    p.item.merged.forEach((m, i) => out.push(para(mergedLine(m, t), { size: 19 }, {
      indent: { left: 680 },
      keepNext: i < p.item.merged.length - 1,
      spacing: { after: i === p.item.merged.length - 1 ? 140 : 20 },
      border: { left: { style: BorderStyle.SINGLE, size: 8, color: RULE, space: 6 } },
    })));
  }
  return out;
}

export function appendix(roadmap: Roadmap, t: RoadmapLabels, accent: string, listsOpen: boolean): Block[] {
  const out: Block[] = [heading(t.appendix, 1, { newPage: true })];
  const at = (p: PlacedItem): string => `${p.segmentNumber}.${p.stageNumber} ${p.stageName}`;

  out.push(heading(t.parkedIdeas, 2));
  out.push(...(roadmap.parked.length === 0 ? [note(t.noParked)] : groupedList(roadmap.parked, t, accent, false)));
  out.push(heading(t.openQuestions, 2));
  out.push(...(roadmap.questions.length === 0 ? [note(t.noQuestions)] : groupedList(roadmap.questions, t, accent, false)));

  // A note still to decide is in the merged list only when the booklet lists it.
  const openIds = new Set(roadmap.open.map((p) => p.item.id));
  out.push(...mergedNotes(roadmap.merged.filter((p) => listsOpen || !openIds.has(p.item.id)), t, accent));

  out.push(heading(t.voteCounts, 2));
  if (roadmap.votes.length === 0) out.push(note(t.noVotes));
  else {
    out.push(table(
      [{ header: t.votes, width: 0.1, align: 'right' }, { header: t.text, width: 0.5 }, { header: t.stage, width: 0.25 }, { header: t.status, width: 0.15 }],
      roadmap.votes.map((p): Cell[] => [
        { text: String(p.item.votes), style: { bold: true, size: 18 } },
        { text: p.item.text },
        { text: at(p), style: { size: 17, color: MUTED } },
        { text: t.statuses[p.item.status], style: { size: 17 } },
      ]),
      accent,
    ), gap());
  }

  const feedback = roadmap.segments.flatMap((s) => s.stages.filter((st) => st.feedback.total > 0).map((st) => ({ s, st })));
  out.push(heading(t.feedback, 2));
  if (feedback.length === 0) out.push(note(t.noFeedback));
  else {
    out.push(table(
      [
        { header: t.stage, width: 0.24 },
        { header: t.outcomes.worked, width: 0.12, align: 'right' },
        { header: t.outcomes.partly, width: 0.12, align: 'right' },
        { header: t.outcomes.blocked, width: 0.12, align: 'right' },
        { header: t.comment, width: 0.4 },
      ],
      feedback.map(({ s, st }): Cell[] => [
        { text: `${s.number}.${st.number} ${st.name}`, style: { bold: true, size: 18 } },
        { text: String(st.feedback.counts.worked) },
        { text: String(st.feedback.counts.partly) },
        { text: String(st.feedback.counts.blocked), style: { bold: st.feedback.counts.blocked > 0, size: 18, color: st.feedback.counts.blocked ? WARN : INK } },
        {
          text: st.feedback.latest
            .map((f) => `${t.outcomes[f.outcome]}: ${[f.blocker, f.comment].filter(Boolean).join(' — ')}${f.repName ? ` (${f.repName})` : ''}`)
            .join('\n'),
          style: { size: 17 },
        },
      ]),
      accent,
    ), gap());
  }

  if (roadmap.warnings.length > 0) {
    out.push(heading(t.toSettle, 2, { color: WARN }));
    out.push(table(
      [{ header: t.text, width: 0.45 }, { header: t.stage, width: 0.25 }, { header: '', width: 0.3 }],
      roadmap.warnings.map((w): Cell[] => {
        const what = w.type === 'no-owner' ? t.warningNoOwner : w.reason === 'tie' ? t.warningTie : t.warningDiffers;
        const proposals = w.type === 'contested-owner'
          ? w.proposals.map((p) => `${p.department.name} ${p.count}`).join(', ')
          : w.suggested ? `${t.suggested}: ${w.suggested.department.name}` : '';
        return [
          { text: w.item.item.text },
          { text: at(w.item), style: { size: 17, color: MUTED } },
          { text: proposals ? `${what}\n${proposals}` : what, style: { size: 17, color: WARN } },
        ];
      }),
      accent,
    ), gap());
  }
  return out;
}
