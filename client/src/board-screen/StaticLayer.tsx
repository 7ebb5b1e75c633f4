import { memo } from 'react';
import Konva from 'konva';
import { Group, Layer, Rect, Text } from 'react-konva';
import { useTranslation } from 'react-i18next';
import type { BoardLayout, LaneBox, StageBox } from '../board-base/layout.js';

/** Phones and tablets: say "double-tap", not "double-click". */
function coarsePointer(): boolean {
  return window.matchMedia('(pointer: coarse)').matches;
}

/**
 * Lanes, stage headers and cells: everything that changes only when the
 * structure or a cell's size changes. Nothing here listens for events; the
 * canvas hit-tests stages from the layout instead.
 */
export const StaticLayer = memo(function StaticLayer({
  layout, selectedStageId, dropStageId, showAddHints, summary,
}: {
  layout: BoardLayout;
  /** Zoomed far out: names are drawn readable by the stage summaries, not here (no text, no hints). */
  summary: boolean;
  selectedStageId: string | undefined;
  dropStageId: string | undefined;
  showAddHints: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Layer listening={false}>
      {layout.lanes.map((lane) => (
        <LaneShape key={lane.segment.id} lane={lane} texts={!summary} />
      ))}
      {layout.stages.map((box) => (
        <StageShape
          key={box.stage.id}
          box={box}
          accent={layout.lanes.find((l) => l.segment.id === box.segmentId)?.segment.color ?? '#64748b'}
          selected={box.stage.id === selectedStageId}
          dropping={box.stage.id === dropStageId}
          buyerLabel={t('board.buyer', { step: box.stage.buyerStep })}
          texts={!summary}
          addHint={showAddHints && !summary ? t(coarsePointer() ? 'board.addHintTouch' : 'board.addHint') : undefined}
        />
      ))}
    </Layer>
  );
});

const LANE_NAME_FONT = 30;

/** Height of the wrapped segment name, so the description starts below it however long it is. */
function laneNameHeight(name: string, width: number): number {
  const probe = new Konva.Text({ text: name, width, fontSize: LANE_NAME_FONT, fontStyle: 'bold', lineHeight: 1.15, wrap: 'word' });
  const h = probe.height();
  probe.destroy();
  return h;
}

const LaneShape = memo(function LaneShape({ lane, texts }: { lane: LaneBox; texts: boolean }) {
  const { segment, header } = lane;
  // +2: Konva drops the last line when the box is exactly the measured height.
  const nameH = Math.min(laneNameHeight(segment.name, header.w - 48) + 2, header.h - 60);
  const descY = header.y + 28 + nameH + 14;
  return (
    <Group>
      <Rect x={lane.x} y={lane.y} width={lane.w} height={lane.h} fill="#ffffff" cornerRadius={14}
        stroke="#cbd5e1" strokeWidth={2} perfectDrawEnabled={false} />
      <Rect x={header.x} y={header.y} width={header.w} height={header.h} fill={segment.color} opacity={0.1}
        cornerRadius={[14, 0, 0, 14]} perfectDrawEnabled={false} />
      <Rect x={header.x} y={header.y} width={10} height={header.h} fill={segment.color}
        cornerRadius={[14, 0, 0, 14]} perfectDrawEnabled={false} />
      {texts && <>
      <Text x={header.x + 28} y={header.y + 28} width={header.w - 48} height={nameH} text={segment.name}
        fontSize={LANE_NAME_FONT} fontStyle="bold" fill="#0f172a" wrap="word" ellipsis lineHeight={1.15}
        perfectDrawEnabled={false} />
      <Text x={header.x + 28} y={descY} width={header.w - 48}
        height={Math.max(0, header.y + header.h - 20 - descY)} text={segment.description}
        fontSize={19} fill="#334155" lineHeight={1.35} wrap="word" ellipsis perfectDrawEnabled={false} />
      </>}
    </Group>
  );
});

const StageShape = memo(function StageShape({
  box, accent, selected, dropping, buyerLabel, texts, addHint,
}: {
  texts: boolean;
  box: StageBox;
  accent: string;
  selected: boolean;
  dropping: boolean;
  buyerLabel: string;
  addHint: string | undefined;
}) {
  const { header, cell, nextSlot } = box;
  return (
    <Group>
      <Rect x={box.x} y={box.y} width={box.w} height={box.h} fill={dropping ? '#e0f2fe' : '#f1f5f9'}
        cornerRadius={10} stroke={selected || dropping ? '#0284c7' : undefined}
        strokeWidth={selected || dropping ? 4 : 0} perfectDrawEnabled={false} />
      <Rect x={header.x} y={header.y} width={header.w} height={6} fill={accent} cornerRadius={[10, 10, 0, 0]}
        perfectDrawEnabled={false} />
      {texts && <Text x={header.x + 16} y={header.y + 18} width={header.w - 32} height={60} text={box.stage.name}
        fontSize={26} fontStyle="bold" fill="#0f172a" lineHeight={1.1} wrap="word" ellipsis perfectDrawEnabled={false} />}
      {texts && box.stage.buyerStep && (
        <Text x={header.x + 16} y={header.y + 78} width={header.w - 32} height={40} text={buyerLabel}
          fontSize={19} fill="#475569" lineHeight={1.2} wrap="word" ellipsis perfectDrawEnabled={false} />
      )}
      {texts && <Rect x={cell.x + 8} y={cell.y} width={cell.w - 16} height={1.5} fill="#cbd5e1" perfectDrawEnabled={false} />}
      {addHint && (
        <Group>
          <Rect x={nextSlot.x} y={nextSlot.y} width={nextSlot.w} height={nextSlot.h} cornerRadius={6}
            stroke="#94a3b8" strokeWidth={2} dash={[8, 6]} perfectDrawEnabled={false} />
          <Text x={nextSlot.x} y={nextSlot.y} width={nextSlot.w} height={nextSlot.h} text={`+\n${addHint}`}
            align="center" verticalAlign="middle" fontSize={16} fill="#64748b" lineHeight={1.3}
            perfectDrawEnabled={false} />
        </Group>
      )}
    </Group>
  );
});
