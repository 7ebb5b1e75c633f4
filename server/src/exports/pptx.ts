import { formatRoadmapDates, type OpenNotesChoice, type Roadmap } from '../../../shared/src/index.js';
import { BOX_INSET, SLIDE, boxHeight, fitSize, type Para } from './pptx-layout.js';
import type { Column, Row } from './pptx-flow.js';
import { CONTENT_W, Deck, INK, MUTED, hex, renderSection, section, tint, type Header, type Section } from './pptx-deck.js';
import { questionsSection, segmentSection, stageSection, textSection } from './pptx-sections.js';
import { commitmentsSection, matrixSection } from './pptx-matrix.js';
import { xmlSafeRoadmap } from './xml-text.js';

/**
 * roadmap.pptx: the deck for the executives' meeting (workshop step 6).
 * Cover, agenda, foreword and executive summary (when written), one slide per
 * segment, one per stage with its actions and departments, the
 * responsibility matrix, the commitments asked of each department, the open
 * questions. Every text box and table row is sized by pptx-layout's
 * estimate and content that does not fit moves to a "continued" slide: no
 * slide relies on autofit, nothing runs off a slide. Every run is in FONT and
 * tagged with the board's language (spell-check). User text is set as plain
 * text runs (pptxgenjs escapes it for XML).
 * `options` is accepted for symmetry with the booklets; the deck shows only
 * the roadmap's actions and the count of notes still to decide.
 */
export async function renderPptx(typed: Roadmap, options: { open?: OpenNotesChoice } = {}): Promise<Buffer> {
  // Every user text without the characters XML cannot carry, wherever the writer puts it (xml-text.ts).
  const roadmap = xmlSafeRoadmap(typed);
  void options;
  const deck = new Deck(roadmap);
  const body: Section[] = [];
  if (roadmap.foreword.trim()) body.push(textSection(deck, deck.t.foreword, roadmap.foreword));
  if (roadmap.executiveSummary.trim()) body.push(textSection(deck, deck.t.executiveSummary, roadmap.executiveSummary));
  for (const segment of roadmap.segments) {
    const stages = segment.stages.map((stage) => stageSection(deck, segment, stage));
    body.push({ ...segmentSection(deck, segment), after: stages });
    await breather();
  }
  body.push(matrixSection(deck));
  body.push(commitmentsSection(deck));
  body.push(questionsSection(deck));

  // Slide numbers: cover 1, then the agenda's slides, then the sections in order.
  const agendaEntries = body.map((s) => s.agenda);
  const agendaPages = agendaSection(deck, agendaEntries.map((title) => ({ title, slide: 0 }))).pages.length;
  let next = 2 + agendaPages;
  const entries = body.map((s) => {
    const entry = { title: s.agenda, slide: next };
    next += s.pages.length + (s.after ?? []).reduce((n, a) => n + a.pages.length, 0);
    return entry;
  });

  cover(deck);
  renderSection(deck, agendaSection(deck, entries));
  for (const section of body) {
    renderSection(deck, section);
    for (const after of section.after ?? []) {
      renderSection(deck, after);
      await breather();
    }
  }
  // stream() is write() as a Node buffer, and the only export that honours `compression`.
  const out = await deck.pptx.stream({ compression: true });
  return out as Buffer;
}

/** Lets the event loop run between sections: a large board's deck is built in steps, not one long block. */
function breather(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

// ---------------------------------------------------------------- cover and agenda

function cover(deck: Deck): void {
  const { roadmap, t } = deck;
  const slide = deck.newSlide(deck.accent, false);
  slide.addShape('rect', { x: 0, y: 0, w: 0.5, h: SLIDE.height, fill: { color: deck.accent }, line: { color: deck.accent, width: 0 } });
  // A strip of the segments' colours along the bottom.
  const strip = roadmap.segments.length > 0 ? roadmap.segments.map((s) => hex(s.color)) : [tint(deck.accent, 0.5)];
  const stripW = (SLIDE.width - 0.5) / strip.length;
  strip.forEach((color, i) => slide.addShape('rect', {
    x: 0.5 + i * stripW, y: SLIDE.height - 0.16, w: stripW, h: 0.16, fill: { color }, line: { color, width: 0 },
  }));
  const logo = roadmap.brand.logo;
  if (logo) {
    // The logo's own aspect ratio, fitted in its box, aligned to the box's top right.
    const box = { x: 9.0, y: 0.55, w: 3.7, h: 1.5 };
    const scale = Math.min(box.w / logo.width, box.h / logo.height);
    const w = logo.width * scale;
    const h = logo.height * scale;
    slide.addImage({
      data: `image/${logo.type};base64,${Buffer.from(logo.bytes).toString('base64')}`,
      x: box.x + box.w - w, y: box.y, w, h, altText: roadmap.brand.companyName || t.salesRoadmap,
    });
  }
  const x = 1.2;
  const w = SLIDE.width - x - 0.9;
  const title = roadmap.title || t.salesRoadmap;
  const size = fitSize(title, { bold: true }, w - 2 * BOX_INSET, [40, 34, 28, 24], 3);
  const paras: Para[] = [
    { text: t.salesRoadmap.toLocaleUpperCase(t.locale), style: { size: 15, bold: true, color: deck.accent } },
    { text: title, style: { size, bold: true, color: INK }, spaceBefore: 10 },
  ];
  if (roadmap.brand.companyName) paras.push({ text: t.preparedFor(roadmap.brand.companyName), style: { size: 22, color: INK }, spaceBefore: 18 });
  paras.push({ text: `${t.workshopDates}: ${formatRoadmapDates(roadmap.createdAt, roadmap.lastActivityAt, t)}`, style: { size: 16, color: MUTED }, spaceBefore: 14 });
  const stages = roadmap.segments.reduce((n, s) => n + s.stages.length, 0);
  paras.push({
    text: deck.d.figures(roadmap.segments.length, stages, roadmap.counts.actions),
    style: { size: 16, color: MUTED }, spaceBefore: 4,
  });
  const h = boxHeight(paras, w);
  const y = Math.max(2.3, Math.min(2.6, SLIDE.height - 0.5 - h));
  slide.addShape('rect', { x, y: y - 0.25, w: 1.2, h: 0.08, fill: { color: deck.accent }, line: { color: deck.accent, width: 0 } });
  deck.box(slide, paras, x, y, w);
}

function agendaSection(deck: Deck, entries: { title: string; slide: number }[]): Section {
  const header: Header = { kicker: deck.roadmap.title || deck.t.salesRoadmap, kickerColor: deck.accent, title: deck.t.agenda, bar: deck.accent };
  const columns: Column[] = [{ width: 0.9 }, { width: CONTENT_W - 0.9 - 1.4 }, { width: 1.4, align: 'right' }];
  const rows: Row[] = entries.map((e, i) => [
    { paras: [{ text: String(i + 1).padStart(2, '0'), style: { size: 20, bold: true, color: deck.accent } }] },
    { paras: [{ text: e.title, style: { size: 20, color: INK } }] },
    { paras: [{ text: e.slide ? String(e.slide) : '', style: { size: 16, color: MUTED } }] },
  ]);
  return section(deck, header, [{ kind: 'table', columns, header: null, rows, lines: 'rows' }], deck.t.agenda);
}
