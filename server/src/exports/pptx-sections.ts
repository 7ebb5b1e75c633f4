import type { RoadmapItem, RoadmapLabels, RoadmapSegment, RoadmapStage } from '../../../shared/src/index.js';
import type { Para } from './pptx-layout.js';
import type { Block, Cell, Row } from './pptx-flow.js';
import { CONTENT_W, FAINT, INK, MUTED, WARN, hex, section, tint, type Deck, type Header, type Section } from './pptx-deck.js';

/**
 * The deck's text sections (foreword, executive summary), a segment's and a
 * stage's slides (with their summary panels), and the open questions.
 */

export function textSection(deck: Deck, title: string, text: string): Section {
  const header: Header = { kicker: deck.roadmap.title || deck.t.salesRoadmap, kickerColor: deck.accent, title, bar: deck.accent };
  const paras: Para[] = text.trim().split(/\n\s*\n/).map((p, i) => ({ text: p.trim(), style: { size: 18, color: INK }, spaceBefore: i === 0 ? 0 : 12 }));
  return section(deck, header, [{ kind: 'box', paras }], title);
}

function summaryPanel(label: string, text: string, color: string): Block {
  return {
    kind: 'box', fill: tint(color, 0.1), stripe: color,
    paras: [
      { text: label, style: { size: 12, bold: true, color: hex(color) } },
      ...text.trim().split(/\n\s*\n/).map((p): Para => ({ text: p.trim(), style: { size: 16, color: INK }, spaceBefore: 6 })),
    ],
  };
}

export function segmentSection(deck: Deck, segment: RoadmapSegment): Section {
  const { t } = deck;
  const header: Header = { kicker: `${t.segment} ${segment.number}`, kickerColor: segment.color, title: segment.name, bar: segment.color };
  const blocks: Block[] = [];
  if (segment.description.trim()) blocks.push({ kind: 'box', paras: [{ text: segment.description.trim(), style: { size: 15, italic: true, color: MUTED } }] });
  if (segment.summary.trim()) blocks.push(summaryPanel(t.summary, segment.summary, segment.color));
  const head = (text: string): Cell => ({ paras: [{ text, style: { size: 12, bold: true, color: MUTED } }], fill: 'F3F4F6' });
  blocks.push({
    kind: 'table',
    columns: [{ width: 0.8, align: 'center' }, { width: 4.6 }, { width: 4.4 }, { width: CONTENT_W - 9.8, align: 'right' }],
    header: [head(t.segmentStageNumber), head(t.salesStage), head(t.buyerStep), head(t.actions)],
    rows: segment.stages.map((stage): Row => [
      { paras: [{ text: `${segment.number}.${stage.number}`, style: { size: 15, bold: true, color: hex(segment.color) } }] },
      { paras: [{ text: stage.name, style: { size: 15, bold: true } }] },
      { paras: [{ text: stage.buyerStep || '–', style: { size: 14, color: MUTED } }] },
      { paras: [{ text: t.actionCount(stage.actions.length), style: { size: 14, bold: stage.actions.length > 0, color: stage.actions.length > 0 ? INK : FAINT } }] },
    ]),
  });
  if (segment.stages.length === 0) blocks.push({ kind: 'box', paras: [{ text: t.noActions, style: { size: 14, italic: true, color: MUTED } }] });
  return section(deck, header, blocks, `${t.segment} ${segment.number}: ${segment.name}`);
}

function actionCell(item: RoadmapItem, t: RoadmapLabels): Cell {
  const paras: Para[] = [];
  if (item.kind !== 'action') paras.push({ text: t.kinds[item.kind].toLocaleUpperCase(t.locale), style: { size: 10, bold: true, color: WARN } });
  paras.push({ text: item.text, style: { size: 14, color: INK } });
  return { paras };
}

export function stageSection(deck: Deck, segment: RoadmapSegment, stage: RoadmapStage): Section {
  const { t } = deck;
  const subtitle = [stage.buyerStep ? `${t.buyerStep}: ${stage.buyerStep}` : '', t.actionCount(stage.actions.length)].filter(Boolean).join('   ·   ');
  const header: Header = {
    kicker: `${t.segment} ${segment.number} · ${segment.name}`, kickerColor: segment.color,
    title: `${segment.number}.${stage.number}  ${stage.name}`, subtitle, bar: segment.color,
  };
  const blocks: Block[] = [];
  if (stage.summary.trim()) blocks.push(summaryPanel(t.summary, stage.summary, segment.color));
  if (stage.actions.length === 0) blocks.push({ kind: 'box', paras: [{ text: t.noActions, style: { size: 15, italic: true, color: MUTED } }] });
  else {
    const head = (text: string): Cell => ({ paras: [{ text, style: { size: 12, bold: true, color: MUTED } }], fill: 'F3F4F6' });
    blocks.push({
      kind: 'table',
      columns: [{ width: CONTENT_W - 5.0 }, { width: 2.4 }, { width: 2.6 }],
      header: [head(t.actions), head(t.responsible), head(t.supporting)],
      rows: stage.actions.map((item): Row => [
        actionCell(item, t),
        item.responsible
          ? { paras: [{ text: item.responsible.name, style: { size: 14, bold: true, color: INK } }], fill: tint(item.responsible.color, 0.22) }
          : { paras: [{ text: t.noOwner, style: { size: 13, italic: true, color: WARN } }] },
        { paras: item.supporting.length > 0 ? [{ text: item.supporting.map((d) => d.name).join(', '), style: { size: 13, color: INK } }] : [] },
      ]),
    });
  }
  if (stage.open.length > 0) blocks.push({ kind: 'box', paras: [{ text: `${t.openCount(stage.open.length)}.`, style: { size: 13, bold: true, color: WARN } }] });
  return section(deck, header, blocks, header.title);
}

export function questionsSection(deck: Deck): Section {
  const { t, roadmap } = deck;
  const header: Header = { kicker: t.salesRoadmap, kickerColor: deck.accent, title: t.openQuestions, bar: deck.accent };
  if (roadmap.questions.length === 0) {
    return section(deck, header, [{ kind: 'box', paras: [{ text: t.noQuestions, style: { size: 16, italic: true, color: MUTED } }] }], t.openQuestions);
  }
  const segments = new Map(roadmap.segments.map((s) => [s.number, s]));
  const head = (text: string): Cell => ({ paras: [{ text, style: { size: 12, bold: true, color: MUTED } }], fill: 'F3F4F6' });
  return section(deck, header, [{
    kind: 'table',
    columns: [{ width: 3.9 }, { width: CONTENT_W - 3.9 }],
    header: [head(t.stage), head(t.kinds.question)],
    rows: roadmap.questions.map((p): Row => [
      {
        paras: [
          { text: `${p.segmentNumber}.${p.stageNumber}  ${p.stageName}`, style: { size: 13, bold: true, color: INK } },
          { text: p.segmentName, style: { size: 11, color: hex(segments.get(p.segmentNumber)?.color ?? FAINT) } },
        ],
      },
      { paras: [{ text: p.item.text, style: { size: 15, color: INK } }] },
    ]),
  }], t.openQuestions);
}
