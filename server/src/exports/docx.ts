import {
  AlignmentType, BorderStyle, Document, Footer, Header, ImageRun, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell,
  TableOfContents, TableRow, TextRun, WidthType, type IBorderOptions, type IStylesOptions,
} from 'docx';
import {
  DEFAULT_ACCENT, formatRoadmapDate, formatRoadmapDates, openNotesShown, roadmapLabels, type BrandLogo, type OpenNotesChoice,
  type Roadmap, type RoadmapItem, type RoadmapLabels, type RoadmapSegment, type RoadmapStage,
} from '../../../shared/src/index.js';
import {
  CONTENT_WIDTH, FAINT, INK, MUTED, PAGE, WARN, WHITE, gap, heading, hex, note, para, paragraphsOf, runs, table, type Cell, type Column,
} from './docx-parts.js';
import { appendix, commitments, departmentPages, responsibilityMatrix, stillToDecide, type Block } from './docx-sections.js';
import { xmlSafeRoadmap } from './xml-text.js';

type Shown = ReturnType<typeof openNotesShown>;

/**
 * The roadmap booklet as an editable Word document, with the PDF's content
 * (pdf.ts): cover, contents, foreword and executive summary, one section per
 * segment (its stage overview table and each stage's actions), the notes
 * still to decide, the responsibility matrix, department pages, commitments,
 * appendix. Headings are Word's Heading 1-3 (navigation pane, contents),
 * tables are real tables, the header carries the client's name in the brand's
 * accent, the footer "Page n of m" as fields. Written in the board's language
 * (the styles' language is the board's). `open: 'omit'` leaves the list of
 * notes still to decide out but keeps their count (openNotesShown).
 */
export async function renderDocx(typed: Roadmap, options: { open?: OpenNotesChoice } = {}): Promise<Buffer> {
  // Every user text without the characters XML cannot carry, wherever the writer puts it (xml-text.ts).
  const roadmap = xmlSafeRoadmap(typed);
  const t = roadmapLabels(roadmap.language);
  const shown = openNotesShown(roadmap, options.open);
  const accent = hex(roadmap.brand.accentColor || DEFAULT_ACCENT);
  const title = roadmap.title || t.salesRoadmap;
  const body: Block[] = [
    ...cover(roadmap, t, shown, accent),
    ...contents(roadmap, t),
    ...bookletTexts(roadmap, t),
    ...roadmap.segments.flatMap((segment) => segmentSection(segment, t, shown, accent)),
    ...(shown.list ? stillToDecide(roadmap, t, accent) : []),
    ...responsibilityMatrix(roadmap, t, accent),
    ...departmentPages(roadmap, t, accent),
    ...commitments(roadmap, t, accent),
    ...appendix(roadmap, t, accent, shown.list),
  ];
  const doc = new Document({
    title,
    subject: roadmap.brand.companyName ? t.preparedFor(roadmap.brand.companyName) : t.salesRoadmap,
    description: t.salesRoadmap,
    creator: 'Tabella',
    lastModifiedBy: 'Tabella',
    // Word fills the contents' page numbers when it opens the file. (docx/layout's estimatePageNumbers would write them,
    // but lays the pages out synchronously: seconds on a 300-note board.)
    features: { updateFields: true },
    styles: styles(accent, t.locale),
    sections: [{
      properties: {
        titlePage: true,
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
        },
      },
      headers: { default: header(roadmap, title, accent), first: new Header({ children: [new Paragraph({})] }) },
      footers: { default: footer(t), first: new Footer({ children: [new Paragraph({})] }) },
      children: body,
    }],
  });
  return Packer.toBuffer(doc);
}

function styles(accent: string, locale: string): IStylesOptions {
  const font = 'Calibri';
  return {
    default: {
      document: {
        run: { font, size: 21, color: INK, language: { value: locale } },
        paragraph: { spacing: { after: 120, line: 264, lineRule: 'auto' } },
      },
      title: { run: { font, size: 52, bold: true, color: WHITE }, paragraph: { spacing: { before: 0, after: 120 } } },
      heading1: { run: { font, size: 34, bold: true, color: accent }, paragraph: { spacing: { before: 240, after: 160 }, keepNext: true, keepLines: true, outlineLevel: 0 } },
      heading2: { run: { font, size: 27, bold: true, color: INK }, paragraph: { spacing: { before: 300, after: 100 }, keepNext: true, keepLines: true, outlineLevel: 1 } },
      heading3: { run: { font, size: 22, bold: true, color: accent }, paragraph: { spacing: { before: 220, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 2 } },
    },
  };
}

function header(roadmap: Roadmap, title: string, accent: string): Header {
  const company = roadmap.brand.companyName;
  return new Header({
    children: [new Paragraph({
      alignment: AlignmentType.RIGHT,
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: accent, space: 4 } },
      children: [
        ...(company ? [...runs(company, { bold: true, color: accent, size: 17 }), new TextRun({ text: '  ·  ', color: accent, size: 17 })] : []),
        ...runs(title, { color: accent, size: 17 }),
      ],
    })],
  });
}

/** "Page n of m" in the board's words, with Word's PAGE and NUMPAGES fields for the numbers. */
function footer(t: RoadmapLabels): Footer {
  const current = 900001;
  const total = 900002;
  const words = t.page(current, total);
  const [before = '', rest = ''] = words.split(String(current));
  const [middle = ' / ', after = ''] = rest.includes(String(total)) ? rest.split(String(total)) : [' / ', ''];
  const style = { color: MUTED, size: 16 };
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({ ...style, text: before }),
        new TextRun({ ...style, children: [PageNumber.CURRENT] }),
        new TextRun({ ...style, text: middle }),
        new TextRun({ ...style, children: [PageNumber.TOTAL_PAGES] }),
        new TextRun({ ...style, text: after }),
      ],
    })],
  });
}

/** The logo at its own aspect ratio, fitted in a 220 x 90 px box (never blown up more than twice). */
function logoParagraph(logo: BrandLogo, company: string): Paragraph {
  const scale = Math.min(220 / logo.width, 90 / logo.height, 2);
  return new Paragraph({
    spacing: { after: 360 },
    children: [new ImageRun({
      type: logo.type === 'jpeg' ? 'jpg' : 'png',
      data: logo.bytes,
      // Fractions of a pixel kept: the library writes EMUs (9525 a pixel), so the ratio stays the image's own.
      transformation: { width: logo.width * scale, height: logo.height * scale },
      altText: { name: 'logo', title: company || 'logo', description: company || 'logo' },
    })],
  });
}

function cover(roadmap: Roadmap, t: RoadmapLabels, shown: Shown, accent: string): Block[] {
  const out: Block[] = [];
  const company = roadmap.brand.companyName;
  if (roadmap.brand.logo) out.push(logoParagraph(roadmap.brand.logo, company));
  // The band: paragraphs with the same shading and borders, which Word draws as one box in the accent colour.
  // Indented by the borders' padding (10 pt), so the box lines up with the text width and the colour strip under it.
  const edge: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: accent, space: 10 };
  const band = {
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: accent },
    border: { top: edge, bottom: edge, left: edge, right: edge },
    indent: { left: 200, right: 200 },
  };
  const figures = shown.count
    ? [`${t.actions}: ${roadmap.counts.actions}`, `${t.stillToDecide}: ${roadmap.counts.open}`]
    : [`${t.actions}: ${roadmap.counts.actions}`];
  const omitted = shown.count && !shown.list && roadmap.counts.open > 0 ? t.openOmitted(roadmap.counts.open) : '';
  out.push(para(t.salesRoadmap.toUpperCase(), { bold: true, color: WHITE, size: 20, characterSpacing: 20 }, { ...band, spacing: { before: 0, after: 200 } }));
  out.push(para(roadmap.title || t.salesRoadmap, {}, { ...band, style: 'Title' }));
  if (company) out.push(para(t.preparedFor(company), { color: WHITE, size: 26 }, { ...band, spacing: { after: 200 } }));
  out.push(para(`${t.workshopDates}: ${formatRoadmapDates(roadmap.createdAt, roadmap.lastActivityAt, t)}`, { color: WHITE, size: 22 }, { ...band, spacing: { after: 60 } }));
  out.push(para(figures.join('   ·   '), { bold: true, color: WHITE, size: 22 }, { ...band, spacing: { after: omitted ? 60 : 0 } }));
  if (omitted) out.push(para(omitted, { italics: true, color: WHITE, size: 20 }, { ...band, spacing: { after: 0 } }));
  out.push(segmentStrip(roadmap.segments));

  out.push(para(t.participants, { bold: true, color: accent, size: 28 }, { spacing: { before: 480, after: 160 }, keepNext: true }));
  const rows = roadmap.participants.byDepartment.map((h): Cell[] => [
    { text: h.department?.name ?? t.noDepartment, bar: h.department?.color ?? `#${FAINT}` },
    { text: h.facilitators > 0 ? `${h.total}  (${t.facilitators(h.facilitators)})` : String(h.total) },
  ]);
  rows.push([{ text: t.participantsTotal, bar: `#${accent}`, style: { bold: true, size: 18 } }, { text: String(roadmap.participants.total), style: { bold: true, size: 18 } }]);
  out.push(table([{ header: t.departmentPages, width: 0.7 }, { header: t.participants, width: 0.3, align: 'right' }], rows, accent), gap());
  out.push(para(`${t.generatedOn} ${formatRoadmapDate(roadmap.generatedAt, t)} · Tabella`, { color: MUTED, size: 16 }, { spacing: { before: 240 } }));
  return out;
}

/** A thin strip of the segments' colours under the cover's band: the booklet's signature, as on the PDF. */
function segmentStrip(segments: RoadmapSegment[]): Table {
  const colors = segments.length > 0 ? segments.map((s) => hex(s.color)) : [FAINT];
  const width = Math.floor(CONTENT_WIDTH / colors.length);
  const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return new Table({
    width: { size: width * colors.length, type: WidthType.DXA },
    columnWidths: colors.map(() => width),
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [new TableRow({
      height: { value: 100, rule: 'exact' },
      children: colors.map((fill) => new TableCell({
        width: { size: width, type: WidthType.DXA },
        shading: { type: ShadingType.CLEAR, color: 'auto', fill },
        children: [new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' }, children: [] })],
      })),
    })],
  });
}

/** The contents: Word's own table of contents field, filled from the Heading 1 and 2 paragraphs. */
function contents(roadmap: Roadmap, t: RoadmapLabels): Block[] {
  return [
    para(t.contents, { bold: true, size: 34 }, { pageBreakBefore: true, spacing: { after: 200 } }),
    new TableOfContents(t.contents, { hyperlink: true, headingStyleRange: '1-2' }),
    para(t.includeNote[roadmap.include], { italics: true, color: MUTED, size: 18 }, { spacing: { before: 360 } }),
  ];
}

/** The facilitator's foreword and executive summary, when written. */
function bookletTexts(roadmap: Roadmap, t: RoadmapLabels): Block[] {
  const out: Block[] = [];
  if (roadmap.foreword.trim()) out.push(heading(t.foreword, 1, { newPage: true }), ...paragraphsOf(roadmap.foreword));
  if (roadmap.executiveSummary.trim()) {
    out.push(heading(t.executiveSummary, 1, { newPage: out.length === 0 }), ...paragraphsOf(roadmap.executiveSummary));
  }
  return out;
}

function leads(stage: RoadmapStage): string {
  const names = new Map<string, string>();
  for (const a of stage.actions) if (a.responsible) names.set(a.responsible.key, a.responsible.name);
  return [...names.values()].join(', ');
}

function segmentSection(segment: RoadmapSegment, t: RoadmapLabels, shown: Shown, accent: string): Block[] {
  const out: Block[] = [heading(`${t.segment} ${segment.number}: ${segment.name}`, 1, { newPage: true, bar: segment.color })];
  if (segment.description.trim()) out.push(...paragraphsOf(segment.description, { italics: true, color: MUTED }));
  if (segment.summary.trim()) out.push(heading(t.summary, 3), ...paragraphsOf(segment.summary));
  out.push(heading(t.stageOverview, 3));
  const columns: Column[] = [
    { header: '#', width: 0.06, align: 'right' },
    { header: t.salesStage, width: shown.count ? 0.23 : 0.26 },
    { header: t.buyerStep, width: shown.count ? 0.22 : 0.26 },
    { header: t.actions, width: 0.1, align: 'right' },
    ...(shown.count ? [{ header: t.stillToDecide, width: 0.12, align: 'right' as const }] : []),
    { header: t.leadDepartments, width: shown.count ? 0.27 : 0.32 },
  ];
  out.push(table(columns, segment.stages.map((stage): Cell[] => [
    { text: String(stage.number), style: { bold: true, size: 18, color: hex(segment.color) } },
    { text: stage.name, style: { bold: true, size: 18 } },
    { text: stage.buyerStep, style: { size: 18, color: MUTED } },
    { text: String(stage.actions.length) },
    ...(shown.count ? [{ text: String(stage.open.length), style: { bold: stage.open.length > 0, size: 18, color: stage.open.length ? WARN : INK } }] : []),
    { text: leads(stage) || '–', style: { size: 17 } },
  ]), accent), gap());
  for (const stage of segment.stages) out.push(...stageBlock(segment, stage, t, shown, accent));
  return out;
}

function stageBlock(segment: RoadmapSegment, stage: RoadmapStage, t: RoadmapLabels, shown: Shown, accent: string): Block[] {
  const out: Block[] = [heading(`${segment.number}.${stage.number}  ${stage.name}`, 2, { bar: segment.color })];
  if (stage.buyerStep) out.push(para(`${t.buyerStep}: ${stage.buyerStep}`, { italics: true, color: MUTED, size: 19 }, { keepNext: true }));
  if (stage.summary.trim()) out.push(...paragraphsOf(stage.summary, {}, { keepNext: true }));
  if (stage.actions.length === 0) out.push(note(t.noActions, FAINT));
  else {
    out.push(table(
      [{ header: t.actions, width: 0.56 }, { header: t.responsible, width: 0.2 }, { header: t.supporting, width: 0.24 }],
      stage.actions.map((item) => actionRow(item, t)),
      accent,
    ), gap());
  }
  // A stage's open work is never hidden, even when its list is omitted.
  if (stage.open.length > 0) {
    out.push(para(`${t.openCount(stage.open.length)}${shown.list ? `: ${t.see(t.stillToDecide)}` : ''}.`, { bold: true, color: WARN, size: 19 }));
  }
  return out;
}

/** One action: its kind when not an action, its text, votes and merges; the responsible department in its colour; the supporting ones. */
function actionRow(item: RoadmapItem, t: RoadmapLabels): Cell[] {
  const tag = item.kind === 'action' ? [] : [new TextRun({ text: t.kinds[item.kind].toUpperCase(), bold: true, color: WARN, size: 14 }), new TextRun({ break: 1 })];
  const extra = [item.votes > 0 ? t.voteCount(item.votes) : '', item.mergedCount > 0 ? t.mergedCount(item.mergedCount) : ''].filter(Boolean).join(' · ');
  return [
    {
      runs: [...tag, ...runs(item.text, { size: 19 }), ...(extra ? [new TextRun({ break: 1 }), ...runs(extra, { color: MUTED, size: 16 })] : [])],
      bar: item.responsible?.color ?? `#${FAINT}`,
    },
    item.responsible
      ? { text: item.responsible.name, style: { bold: true, size: 18, color: hex(item.responsible.color) } }
      : { text: t.noOwner, style: { italics: true, size: 18, color: WARN } },
    { text: item.supporting.map((d) => d.name).join(', ') || '–', style: { size: 18 } },
  ];
}
