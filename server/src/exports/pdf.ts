import {
  formatRoadmapDate, formatRoadmapDates, openNotesShown, roadmapLabels, type OpenNotesChoice, type Roadmap, type RoadmapItem,
  type RoadmapLabels, type RoadmapSegment, type RoadmapStage,
} from '../../../shared/src/index.js';
import { Booklet, COLORS, CONTENT_WIDTH, PAGE, tint, type ContentsEntry } from './pdf-layout.js';
import { appendix, commitments, departmentPages, responsibilityMatrix, stillToDecide } from './pdf-sections.js';
import { table, type Cell } from './pdf-table.js';

/**
 * The roadmap booklet (A4): cover, contents, one section per segment, the
 * responsibility matrix, one page per department, commitments, appendix.
 * Written in the board's language; page numbers on every page. User text is
 * drawn as text (a PDF has no markup to inject into); long texts wrap.
 * The notes still to decide have their own section after the segments, and
 * their count is on the cover and on each stage; `open: 'omit'` leaves the
 * section out but keeps the counts (openNotesShown).
 */
export async function renderPdf(roadmap: Roadmap, options: { open?: OpenNotesChoice | undefined } = {}): Promise<Buffer> {
  const t = roadmapLabels(roadmap.language);
  const shown = openNotesShown(roadmap, options.open);
  const b = new Booklet({
    title: roadmap.title || t.salesRoadmap, language: t.locale, accent: roadmap.brand.accentColor, company: roadmap.brand.companyName,
  });
  const contents: ContentsEntry[] = [];

  cover(b, roadmap, t, shown);
  const contentsPage = b.newPage({ runningHead: false });

  // The facilitator's own words come first, each on its own page.
  for (const [title, text] of [[t.foreword, roadmap.foreword], [t.executiveSummary, roadmap.executiveSummary]] as const) {
    if (!text) continue;
    b.runningHead = title;
    contents.push({ title, page: b.newPage({ runningHead: false }), level: 1 });
    b.heading(title, 1);
    prose(b, text, { size: 11, lineGap: 3 });
  }

  for (const segment of roadmap.segments) {
    b.runningHead = `${t.segment} ${segment.number} · ${segment.name}`;
    contents.push({ title: `${segment.number}. ${segment.name}`, page: b.newPage({ runningHead: false }), level: 1, color: segment.color });
    segmentSection(b, segment, t, shown);
  }
  if (shown.list) {
    b.runningHead = t.stillToDecide;
    contents.push({ title: t.stillToDecide, page: b.newPage({ runningHead: false }), level: 1 });
    stillToDecide(b, roadmap, t);
  }
  b.runningHead = t.responsibilityMatrix;
  contents.push({ title: t.responsibilityMatrix, page: b.newPage({ runningHead: false }), level: 1 });
  responsibilityMatrix(b, roadmap, t);

  b.runningHead = t.whatWeOwn;
  contents.push({ title: t.whatWeOwn, page: b.page + 1, level: 1 });
  departmentPages(b, roadmap, t, contents);

  b.runningHead = t.commitments;
  contents.push({ title: t.commitments, page: b.newPage({ runningHead: false }), level: 1 });
  commitments(b, roadmap, t);

  b.runningHead = t.appendix;
  contents.push({ title: t.appendix, page: b.newPage({ runningHead: false }), level: 1 });
  appendix(b, roadmap, t, shown.list);

  drawContents(b, contentsPage, contents, roadmap, t);
  b.footers(roadmap.title, t.page);
  return b.toBuffer();
}

type Shown = ReturnType<typeof openNotesShown>;

function cover(b: Booklet, roadmap: Roadmap, t: RoadmapLabels, shown: Shown): void {
  b.newPage({ runningHead: false });
  const pdf = b.pdf;
  const width = CONTENT_WIDTH;
  const title = roadmap.title || t.salesRoadmap;
  // Long titles get a smaller size (down to 20 pt) and a taller band, never an overflow.
  let size = 30;
  const titleStyle = () => ({ font: 'bold' as const, size, color: '#ffffff', lineGap: 2 });
  while (size > 20 && b.heightOf(title, width, titleStyle()) > 3 * size * 1.45) size -= 2;
  const titleH = b.heightOf(title, width, titleStyle());
  // What the booklet holds, and what is still open: never hidden, even when its list is omitted.
  const figures = shown.count
    ? [`${t.actions}: ${roadmap.counts.actions}`, `${t.stillToDecide}: ${roadmap.counts.open}`]
    : [`${t.actions}: ${roadmap.counts.actions}`];
  const omitted = shown.count && !shown.list && roadmap.counts.open > 0 ? t.openOmitted(roadmap.counts.open) : '';
  const omittedStyle = { font: 'italic' as const, size: 10, color: '#ffffff' };
  const omittedH = omitted ? b.heightOf(omitted, width, omittedStyle) + 4 : 0;
  const bandHeight = Math.max(330, 144 + titleH + 90 + omittedH);
  const prepared = roadmap.brand.companyName ? t.preparedFor(roadmap.brand.companyName) : '';
  pdf.rect(0, 0, PAGE.width, bandHeight).fill(b.accent);
  logoOnCover(b, roadmap);
  // A strip of the segments' colours under the band: the booklet's signature.
  const strip = roadmap.segments.length > 0 ? roadmap.segments : [{ color: COLORS.accentSoft }];
  strip.forEach((s, i) => {
    pdf.rect((PAGE.width / strip.length) * i, bandHeight, PAGE.width / strip.length + 0.5, 6).fill(s.color);
  });
  b.textAt(t.salesRoadmap.toUpperCase(), PAGE.left, 120, width, { font: 'semibold', size: 11, color: tint('#ffffff', 0.7) });
  if (prepared) b.textAt(b.fitLine(prepared, width), PAGE.left, 100, width, { font: 'semibold', size: 11, color: '#ffffff' });
  b.textAt(title, PAGE.left, 144, width, titleStyle());
  b.textAt(
    `${t.workshopDates}: ${formatRoadmapDates(roadmap.createdAt, roadmap.lastActivityAt, t)}`,
    PAGE.left, 144 + titleH + 18, width, { size: 11, color: tint('#ffffff', 0.8) },
  );
  b.textAt(figures.join('   ·   '), PAGE.left, 144 + titleH + 40, width, { font: 'semibold', size: 11, color: '#ffffff' });
  if (omitted) b.textAt(omitted, PAGE.left, 144 + titleH + 60, width, omittedStyle);

  b.y = bandHeight + 50;
  b.textAt(t.participants, PAGE.left, b.y, width, { font: 'bold', size: 14, color: b.accent });
  b.y += 26;
  const rows = roadmap.participants.byDepartment.map((h): Cell[] => [
    { text: h.department?.name ?? t.noDepartment, dot: h.department?.color ?? COLORS.faint },
    { text: h.facilitators > 0 ? `${h.total}  (${t.facilitators(h.facilitators)})` : String(h.total) },
  ]);
  rows.push([
    { text: t.participantsTotal, dot: b.accent, style: { font: 'bold', size: 9 } },
    { text: String(roadmap.participants.total), style: { font: 'bold', size: 9 } },
  ]);
  table(b, [{ header: t.departmentPages, width: 0 }, { header: t.participants, width: 150, align: 'right' }], rows);

  b.textAt(`${t.generatedOn} ${formatRoadmapDate(roadmap.generatedAt, t)} · Tabella`, PAGE.left, PAGE.height - PAGE.bottom - 16, width, {
    size: 8, color: COLORS.muted,
  });
}

/**
 * The client's logo at the top right of the cover, on a white card so any
 * logo reads on any accent, fitted into its box with its proportions kept.
 * The bytes were decoded and checked by the server (R13), so pdfkit reads an
 * ordinary PNG or JPEG.
 */
function logoOnCover(b: Booklet, roadmap: Roadmap): void {
  const logo = roadmap.brand.logo;
  if (!logo) return;
  const box = { w: 150, h: 56, pad: 10 };
  const scale = Math.min(box.w / logo.width, box.h / logo.height);
  const w = logo.width * scale;
  const h = logo.height * scale;
  const x = PAGE.width - PAGE.right - w - box.pad;
  const y = 36;
  b.pdf.roundedRect(x - box.pad, y - box.pad, w + 2 * box.pad, h + 2 * box.pad, 6).fill('#ffffff');
  b.pdf.image(Buffer.from(logo.bytes), x, y, { width: w, height: h });
}

/** The facilitator's text: a blank line starts a paragraph, a single line break stays a line break. */
export function prose(b: Booklet, text: string, style: { size: number; lineGap: number; color?: string }, indent = 0): void {
  for (const paragraph of text.split(/\n\s*\n/)) {
    if (paragraph.trim()) b.paragraph(paragraph.trim(), style, 8, indent);
  }
}

function drawContents(b: Booklet, page: number, entries: ContentsEntry[], roadmap: Roadmap, t: RoadmapLabels): void {
  b.pdf.switchToPage(page);
  b.y = PAGE.top;
  b.heading(t.contents, 1);
  b.y += 6;
  for (const entry of entries) {
    const indent = entry.level === 2 ? 22 : 0;
    const style = entry.level === 1 ? { font: 'semibold' as const, size: 11.5 } : { size: 10, color: COLORS.muted };
    const pageText = String(entry.page + 1);
    const h = b.heightOf(entry.title, CONTENT_WIDTH - indent - 60, style);
    if (entry.color) b.pdf.rect(PAGE.left - 12, b.y + 2, 4, h - 3).fill(entry.color);
    b.textAt(entry.title, PAGE.left + indent, b.y, CONTENT_WIDTH - indent - 60, style);
    b.textAt(pageText, PAGE.left, b.y, CONTENT_WIDTH, { ...style, align: 'right' });
    b.y += h + (entry.level === 1 ? 9 : 4);
  }
  b.y += 16;
  b.rule();
  b.paragraph(t.includeNote[roadmap.include], { font: 'italic', size: 9, color: COLORS.muted });
}

function leads(stage: RoadmapStage): string {
  const names = new Map<string, string>();
  for (const a of stage.actions) if (a.responsible) names.set(a.responsible.key, a.responsible.name);
  return [...names.values()].join(', ');
}

function segmentSection(b: Booklet, segment: RoadmapSegment, t: RoadmapLabels, shown: Shown): void {
  b.band(`${t.segment} ${segment.number}`, segment.name, segment.color, segment.description);
  if (segment.summary) {
    b.heading(t.summary, 3, 40);
    prose(b, segment.summary, { size: 10.5, lineGap: 2.5 });
  }
  b.heading(t.stageOverview, 3, 80);
  const openColumn = shown.count ? [{ header: t.stillToDecide, width: 58, align: 'right' as const }] : [];
  table(
    b,
    [
      { header: '#', width: 24, align: 'right' },
      { header: t.salesStage, width: shown.count ? 118 : 130 },
      { header: t.buyerStep, width: shown.count ? 112 : 130 },
      { header: t.actions, width: 48, align: 'right' },
      ...openColumn,
      { header: t.leadDepartments, width: 0 },
    ],
    segment.stages.map((stage) => [
      { text: String(stage.number), style: { font: 'bold', size: 9, color: segment.color } },
      { text: stage.name, style: { font: 'semibold', size: 9 } },
      { text: stage.buyerStep, style: { size: 9, color: COLORS.muted } },
      { text: String(stage.actions.length) },
      ...(shown.count
        ? [{ text: String(stage.open.length), style: { font: stage.open.length ? 'bold' as const : 'regular' as const, size: 9, color: stage.open.length ? COLORS.warn : COLORS.ink } }]
        : []),
      { text: leads(stage) || '–', style: { size: 8.5 } },
    ]),
  );
  for (const stage of segment.stages) stageBlock(b, segment, stage, t, shown);
}

function stageBlock(b: Booklet, segment: RoadmapSegment, stage: RoadmapStage, t: RoadmapLabels, shown: Shown): void {
  const nameStyle = { font: 'bold' as const, size: 13, color: COLORS.ink };
  const stepStyle = { font: 'italic' as const, size: 9.5, color: COLORS.muted };
  const x = PAGE.left + 34;
  const width = CONTENT_WIDTH - 34;
  const nameH = b.heightOf(stage.name, width, nameStyle);
  const stepText = stage.buyerStep ? `${t.buyerStep}: ${stage.buyerStep}` : '';
  const stepH = stepText ? b.heightOf(stepText, width, stepStyle) : 0;
  b.y += 14;
  // Keep the stage title with its first action.
  b.ensure(nameH + stepH + 60);
  b.pdf.circle(PAGE.left + 12, b.y + 9, 12).fill(segment.color);
  b.textAt(String(stage.number), PAGE.left, b.y + 2.5, 24, { font: 'bold', size: 10.5, color: '#ffffff', align: 'center' });
  b.textAt(stage.name, x, b.y, width, nameStyle);
  b.y += nameH + 1;
  if (stepText) {
    b.textAt(stepText, x, b.y, width, stepStyle);
    b.y += stepH;
  }
  b.y += 8;
  if (stage.summary) prose(b, stage.summary, { size: 10, lineGap: 2, color: COLORS.muted }, 34);
  if (stage.actions.length === 0) b.paragraph(t.noActions, { font: 'italic', size: 9.5, color: COLORS.faint }, 4, 34);
  for (const item of stage.actions) actionBlock(b, item, t, 34);
  // A stage's open work is never hidden, even when its list is omitted.
  if (stage.open.length > 0) {
    const text = `${t.openCount(stage.open.length)}${shown.list ? `: ${t.see(t.stillToDecide)}` : ''}.`;
    b.paragraph(text, { font: 'semibold', size: 9.5, color: COLORS.warn }, 4, 34);
  }
}

/** One action: a bar in the responsible department's colour, the text, then owners, votes and merges. */
export function actionBlock(b: Booklet, item: RoadmapItem, t: RoadmapLabels, indent: number): void {
  const x = PAGE.left + indent + 12;
  const width = CONTENT_WIDTH - indent - 12;
  const textStyle = { size: 10.5, lineGap: 2 };
  const tag = item.kind === 'action' ? '' : `${t.kinds[item.kind].toUpperCase()}`;
  const tagH = tag ? 12 : 0;
  const textH = b.heightOf(item.text, width, textStyle);
  const meta = ownersLine(item, t);
  // Measured in the widest font the line uses, so the drawn line never runs taller.
  const metaH = b.heightOf(meta, width, { font: 'semibold', size: 8.5, lineGap: 1.5 });
  const height = tagH + textH + 3 + metaH;
  b.ensure(height + 10);
  const color = item.responsible?.color ?? COLORS.faint;
  b.pdf.rect(PAGE.left + indent, b.y, 3, height).fill(color);
  let y = b.y;
  if (tag) {
    b.textAt(tag, x, y, width, { font: 'semibold', size: 7, color: COLORS.warn });
    y += tagH;
  }
  b.textAt(item.text, x, y, width, textStyle);
  y += textH + 3;
  const parts = ownersParts(item, t);
  b.unbounded(() => parts.forEach((part, i) => {
    b.style({ font: part.font ?? 'regular', size: 8.5, color: part.color ?? COLORS.muted });
    const options = { continued: i < parts.length - 1, width, lineGap: 1.5 };
    if (i === 0) b.pdf.text(part.text, x, y, options);
    else b.pdf.text(part.text, options);
  }));
  b.y += height + 10;
}

interface Part {
  text: string;
  font?: 'regular' | 'semibold' | 'bold' | 'italic';
  color?: string;
}

function ownersParts(item: RoadmapItem, t: RoadmapLabels): Part[] {
  const parts: Part[] = [{ text: `${t.responsible}: ` }];
  if (item.responsible) parts.push({ text: item.responsible.name, font: 'semibold', color: item.responsible.color });
  else parts.push({ text: t.noOwner, font: 'italic', color: COLORS.warn });
  if (item.supporting.length > 0) {
    parts.push({ text: `    ${t.supporting}: ` });
    parts.push({ text: item.supporting.map((d) => d.name).join(', '), color: COLORS.ink });
  }
  const extra = [item.votes > 0 ? t.voteCount(item.votes) : '', item.mergedCount > 0 ? t.mergedCount(item.mergedCount) : '']
    .filter(Boolean).join(' · ');
  if (extra) parts.push({ text: `    ${extra}` });
  return parts;
}

function ownersLine(item: RoadmapItem, t: RoadmapLabels): string {
  return ownersParts(item, t).map((p) => p.text).join('');
}
