import type { Worksheet } from 'exceljs';
import { formatRoadmapDate, formatRoadmapDates, openNotesShown, type Roadmap, type RoadmapLabels } from '../../../shared/src/index.js';
import { font, rowHeight, setCell, wrappedLines } from './xlsx-layout.js';
import type { XlsxLabels } from './xlsx-labels.js';

/** Wide enough for comfortable lines, narrow enough for A4 portrait at full size. */
const TEXT_WIDTH = 80;
const LOGO_HEIGHT = 56;

/** Paragraphs of a booklet text: blank lines separate them, single line breaks stay inside one. */
function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

/**
 * The workbook's first sheet, what the PDF's cover and opening pages say:
 * title, client, dates, what the roadmap holds, the foreword, the executive
 * summary, the segments' and stages' summaries, and the workbook's sheets.
 * One wide wrapped column; each paragraph its own row.
 */
export function summarySheet(
  sheet: Worksheet, roadmap: Roadmap, t: RoadmapLabels, x: XlsxLabels, accent: string,
  contents: { sheets: string[]; idle: string[] },
): void {
  sheet.getColumn(1).width = TEXT_WIDTH;
  sheet.getColumn(1).alignment = { vertical: 'top', wrapText: true };
  let row = 0;
  const line = (text: string, style: Parameters<typeof font>[0] = {}, gapBefore = 0): void => {
    row += 1 + gapBefore;
    const cell = sheet.getRow(row).getCell(1);
    setCell(cell, text);
    cell.font = font(style);
    cell.alignment = { vertical: 'top', wrapText: true };
    const size = style.size ?? 11;
    const lines = wrappedLines(text, (TEXT_WIDTH * 11) / size);
    if (lines > 1 || size > 11) sheet.getRow(row).height = rowHeight(lines) * (size / 11);
  };
  const heading = (text: string): void => line(text, { bold: true, size: 13, color: accent }, 1);
  const muted = '#4b5563';

  line(roadmap.title || t.salesRoadmap, { bold: true, size: 18, color: accent });
  sheet.getRow(1).height = LOGO_HEIGHT * 0.75 + 6;
  sheet.getRow(1).getCell(1).alignment = { vertical: 'middle', wrapText: true };
  line(roadmap.brand.companyName ? `${t.salesRoadmap} · ${t.preparedFor(roadmap.brand.companyName)}` : t.salesRoadmap, { size: 12, color: muted });
  line(`${t.workshopDates}: ${formatRoadmapDates(roadmap.createdAt, roadmap.lastActivityAt, t)}`, { color: muted }, 1);
  line(`${t.generatedOn}: ${formatRoadmapDate(roadmap.generatedAt, t)}`, { color: muted });
  line(`${t.participants}: ${roadmap.participants.total}`, { color: muted });
  const shown = openNotesShown(roadmap);
  line([`${t.actions}: ${roadmap.counts.actions}`, ...(shown.count ? [`${t.stillToDecide}: ${roadmap.counts.open}`] : [])].join('   ·   '), { color: muted });
  line(t.includeNote[roadmap.include], { italic: true, color: muted });

  if (roadmap.foreword.trim()) {
    heading(t.foreword);
    for (const p of paragraphs(roadmap.foreword)) line(p);
  }
  if (roadmap.executiveSummary.trim()) {
    heading(t.executiveSummary);
    for (const p of paragraphs(roadmap.executiveSummary)) line(p);
  }
  const segments = roadmap.segments.filter((s) => s.summary.trim());
  if (segments.length > 0) {
    heading(x.segmentSummaries);
    for (const s of segments) {
      line(`${t.segment} ${s.number}: ${s.name}`, { bold: true }, 0);
      for (const p of paragraphs(s.summary)) line(p);
    }
  }
  const stages = roadmap.segments.flatMap((s) => s.stages.filter((st) => st.summary.trim()).map((st) => ({ s, st })));
  if (stages.length > 0) {
    heading(x.stageSummaries);
    for (const { s, st } of stages) {
      line(`${s.number}.${st.number}  ${st.name} (${s.name})`, { bold: true });
      for (const p of paragraphs(st.summary)) line(p);
    }
  }
  heading(x.roadmapContents);
  for (const name of contents.sheets) line(`• ${name}`);
  if (contents.idle.length > 0) {
    line(t.nothingAssigned, { italic: true, color: muted }, 1);
    line(contents.idle.join(' · '));
  }

  const logo = roadmap.brand.logo;
  if (logo) {
    const id = sheet.workbook.addImage({
      base64: `data:image/${logo.type};base64,${Buffer.from(logo.bytes).toString('base64')}`, extension: logo.type,
    });
    const height = LOGO_HEIGHT;
    const width = Math.round((logo.width / logo.height) * height);
    sheet.addImage(id, { tl: { col: 1.1, row: 0.1 }, ext: { width, height }, editAs: 'oneCell' });
    sheet.getColumn(2).width = Math.ceil(width / 7) + 2;
  }
  sheet.pageSetup = {
    orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    margins: { left: 0.6, right: 0.6, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}
