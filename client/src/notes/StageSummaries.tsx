import { memo, useMemo } from 'react';
import Konva from 'konva';
import { Group, Layer, Rect, Text } from 'react-konva';
import { useTranslation } from 'react-i18next';
import type { Department, Note } from '../../../shared/src/index.js';
import type { BoardLayout } from '../board-base/layout.js';
import { LOD_PX, ownerChips, topNotes } from '../board-base/lod.js';
import { NOTE_STYLE } from '../board-base/noteStyle.js';
import type { NoteMarksSource } from '../converge/noteMarks.js';

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const LINE = 1.2;
/** A note's text takes at most this many lines in a summary; the title two. */
const NOTE_LINES = 3;
const TITLE_LINES = 2;

/** Lines `text` wraps to at `width` (cached: the same texts are measured again at each zoom step). */
const lineCache = new Map<string, number>();
function linesOf(text: string, width: number, fontSize: number, bold = false): number {
  const key = `${Math.round(width)}|${Math.round(fontSize)}|${bold ? 'b' : ''}|${text}`;
  let lines = lineCache.get(key);
  if (lines === undefined) {
    const probe = new Konva.Text({ text, width, fontSize, lineHeight: LINE, wrap: 'word', fontFamily: FONT_FAMILY,
      fontStyle: bold ? 'bold' : 'normal' });
    lines = Math.max(1, probe.textArr.length);
    probe.destroy();
    if (lineCache.size > 5000) lineCache.clear();
    lineCache.set(key, lines);
  }
  return lines;
}
function widthOf(text: string, fontSize: number): number {
  const probe = new Konva.Text({ text, fontSize, fontFamily: FONT_FAMILY, fontStyle: 'bold' });
  const w = probe.width();
  probe.destroy();
  return w;
}

type Item =
  | { kind: 'text'; key: string; x: number; y: number; w: number; h: number; text: string; size: number; bold?: boolean;
      color: string; rotate?: boolean }
  | { kind: 'rect'; key: string; x: number; y: number; w: number; h: number; fill: string; stroke?: string; radius: number };

/**
 * The zoomed-out board (level of detail, lod.ts): instead of 300 unreadable
 * rectangles, each stage column shows its name, its note count, its owners
 * as department chips and its top notes' text, and each segment its name
 * along the lane header; every text LOD_PX pixels high on screen whatever the
 * zoom. Laid out once per zoom step (`bucket`), never per frame; texts are
 * wrapped and cut with an ellipsis inside their column.
 */
export const StageSummaries = memo(function StageSummaries({
  layout, bucket, departments, marks, byVotes,
}: {
  layout: BoardLayout;
  /** The zoom the summary is laid out for (lodBucket: at or below the real zoom). */
  bucket: number;
  departments: ReadonlyMap<string, Department>;
  marks?: NoteMarksSource;
  /** Voting is over: the top notes are the most dotted. */
  byVotes: boolean;
}) {
  const { t } = useTranslation();
  const items = useMemo(() => {
    const k = 1 / bucket;
    const out: Item[] = [];
    const byStage = new Map<string, Note[]>();
    for (const box of layout.notes) {
      const list = byStage.get(box.stageId) ?? [];
      list.push(box.note);
      byStage.set(box.stageId, list);
    }
    for (const lane of layout.lanes) {
      const { header } = lane;
      const size = LOD_PX.lane * k;
      // Along the header, bottom to top, as many lines as its width allows.
      const across = header.w - 18 * k;
      out.push({
        kind: 'text', key: `lane-${lane.segment.id}`, rotate: true, x: header.x + 14 * k, y: header.y + header.h - 16 * k,
        w: header.h - 32 * k, h: Math.max(size * LINE, Math.floor(across / (size * LINE)) * size * LINE),
        text: lane.segment.name, size, bold: true, color: '#0f172a',
      });
    }
    const pad = 8 * k;
    for (const box of layout.stages) {
      const x = box.x + pad;
      const w = box.w - pad * 2;
      const bottom = box.y + box.h - pad;
      let y = box.y + 14 * k;
      const title = LOD_PX.title * k;
      const titleLines = Math.min(TITLE_LINES, linesOf(box.stage.name, w, title, true));
      out.push({ kind: 'text', key: `title-${box.stage.id}`, x, y, w, h: titleLines * title * LINE,
        text: box.stage.name, size: title, bold: true, color: '#0f172a' });
      y += titleLines * title * LINE + 6 * k;
      const notes = byStage.get(box.stage.id) ?? [];
      const count = LOD_PX.count * k;
      out.push({ kind: 'text', key: `count-${box.stage.id}`, x, y, w, h: count * LINE,
        text: t('lod.notes', { count: notes.length }), size: count, color: '#334155' });
      y += count * LINE + 8 * k;
      // Owners: one chip per department, wrapped into rows.
      const chip = LOD_PX.chip * k;
      const chipH = chip * LINE + 8 * k;
      let cx = x;
      const owners = ownerChips(notes, (n) => {
        const m = marks?.(n, false);
        return m?.responsible || m?.tally[0]?.department;
      });
      for (const o of owners) {
        const dep = departments.get(o.department);
        if (!dep) continue;
        const label = `${dep.name} ${o.count}`;
        const cw = Math.min(w, widthOf(label, chip) + 14 * k);
        if (cx > x && cx + cw > x + w) {
          cx = x;
          y += chipH + 6 * k;
        }
        if (y + chipH > bottom) break;
        out.push({ kind: 'rect', key: `chip-${box.stage.id}-${o.department}`, x: cx, y, w: cw, h: chipH,
          fill: '#ffffff', stroke: dep.color, radius: chipH / 2 });
        out.push({ kind: 'text', key: `chipt-${box.stage.id}-${o.department}`, x: cx + 7 * k, y: y + 4 * k, w: cw - 14 * k,
          h: chip * LINE, text: label, size: chip, bold: true, color: dep.color });
        cx += cw + 6 * k;
      }
      if (owners.length) y += chipH + 10 * k;
      // The top notes, each on its kind's colour, as many as the column holds.
      const size = LOD_PX.note * k;
      const bar = 6 * k;
      for (const note of topNotes(notes, byVotes, (n) => marks?.(n, false)?.dotTotal ?? 0, 12)) {
        const tw = w - bar - 8 * k;
        const lines = Math.min(NOTE_LINES, linesOf(note.text, tw, size));
        const h = lines * size * LINE + 8 * k;
        if (y + h > bottom) break;
        const style = NOTE_STYLE[note.kind];
        out.push({ kind: 'rect', key: `bg-${note.id}`, x, y, w, h, fill: style.fill, radius: 4 * k });
        out.push({ kind: 'rect', key: `bar-${note.id}`, x, y, w: bar, h, fill: style.edge, radius: 0 });
        out.push({ kind: 'text', key: `note-${note.id}`, x: x + bar + 6 * k, y: y + 4 * k, w: tw, h: lines * size * LINE,
          text: note.text, size, color: '#111827' });
        y += h + 6 * k;
      }
    }
    return out;
  }, [layout, bucket, departments, marks, byVotes, t]);

  return (
    // noteCount: every note is summarised in its stage's count (bench scenario 7 reads it at each draw).
    <Layer name="stage-summaries" listening={false} noteCount={layout.notes.length}>
      <Group>
        {items.map((it) => it.kind === 'rect' ? (
          <Rect key={it.key} x={it.x} y={it.y} width={it.w} height={it.h} fill={it.fill} stroke={it.stroke}
            strokeWidth={it.stroke ? 2 / bucket : 0} cornerRadius={it.radius} perfectDrawEnabled={false} />
        ) : (
          <Text key={it.key} name="lod-text" x={it.x} y={it.y} width={it.w}
            // A little slack: Konva drops the last line when the box is exactly its height.
            height={it.h + it.size * 0.3} text={it.text}
            fontSize={it.size} fontStyle={it.bold ? 'bold' : 'normal'} fontFamily={FONT_FAMILY} fill={it.color}
            lineHeight={LINE} wrap="word" ellipsis rotation={it.rotate ? -90 : 0} perfectDrawEnabled={false} />
        ))}
      </Group>
    </Layer>
  );
});
