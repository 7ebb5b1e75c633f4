import { Circle, Group, Rect, Text } from 'react-konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/src/index.js';
import { NOTE_W } from '../board-base/layout.js';
import type { NoteMarksData } from './noteMarks.js';

export const MARK_PAD = 12;
export const MARK_ROW_H = 26;
export const DOT_COLOR = '#e11d48';
/** Room the status badge takes at the top right corner (the kind label stops before it). */
export const STATUS_ROOM = 16;

const charW = (n: number, size: number) => Math.ceil(n * size * 0.6);

function short(name: string, max: number): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

/**
 * Everything drawn on a note about converging: merge highlight, status badge,
 * dot count, and a bottom row that is either +/− dot buttons (while we can
 * vote) or its owners (the confirmed responsible department as a solid badge,
 * otherwise the proposal tally as outlined chips with counts).
 */
export function NoteMarks({ noteId, marks, mergedCount, h, departments, onVote }: {
  noteId: string;
  marks: NoteMarksData;
  /** Notes merged into this one (a sticker on the top edge). */
  mergedCount: number;
  h: number;
  departments: ReadonlyMap<string, Department>;
  onVote?: (id: string, delta: 1 | -1) => void;
}) {
  const { t } = useTranslation();
  const rowY = h - MARK_PAD - MARK_ROW_H;
  const press = (delta: 1 | -1) => (e: KonvaEventObject<Event>) => {
    e.cancelBubble = true;
    onVote?.(noteId, delta);
  };
  const statusBadge = marks.status !== 'open';
  const shown = marks.dotTotal ?? marks.myDots;
  const pillLabel = marks.dotTotal === null ? t('votes.pillMine', { count: shown }) : String(shown);
  const pillW = 24 + charW(pillLabel.length, 14);
  const mergedLabel = t('merge.badge', { count: mergedCount });
  const mergedW = charW(mergedLabel.length, 12) + 16;
  return (
    <>
      {marks.highlight && (
        <Rect x={-7} y={-7} width={NOTE_W + 14} height={h + 14} cornerRadius={10} listening={false}
          stroke={marks.highlight === 'merge-target' ? '#7c3aed' : '#0284c7'} strokeWidth={marks.highlight === 'merge-target' ? 6 : 4}
          dash={marks.highlight === 'multi' ? [10, 6] : undefined}
          fill={marks.highlight === 'merge-target' ? 'rgba(124,58,237,0.12)' : undefined} perfectDrawEnabled={false} />
      )}
      {marks.highlight === 'merge-target' && (
        <Group x={NOTE_W / 2 - 70} y={-36} listening={false}>
          <Rect width={140} height={26} cornerRadius={13} fill="#7c3aed" perfectDrawEnabled={false} />
          <Text width={140} height={26} text={t('merge.dropHere')} fill="#fff" fontSize={14} fontStyle="bold"
            align="center" verticalAlign="middle" perfectDrawEnabled={false} />
        </Group>
      )}
      {marks.showDots && shown > 0 && (
        <Group x={NOTE_W - MARK_PAD - pillW - (statusBadge ? 16 : 0)} y={-11} listening={false} name="dot-count">
          <Rect width={pillW} height={22} cornerRadius={11} fill={marks.dotTotal === null ? '#fff' : DOT_COLOR}
            stroke={DOT_COLOR} strokeWidth={1.5} perfectDrawEnabled={false} />
          <Circle x={11} y={11} radius={5} fill={marks.dotTotal === null ? DOT_COLOR : '#fff'} perfectDrawEnabled={false} />
          <Text x={19} width={pillW - 22} height={22} text={pillLabel} fontSize={14} fontStyle="bold"
            fill={marks.dotTotal === null ? DOT_COLOR : '#fff'} verticalAlign="middle" perfectDrawEnabled={false} />
        </Group>
      )}
      {mergedCount > 0 && (
        <Group x={MARK_PAD} y={-10} listening={false} name="merged-count">
          <Rect width={mergedW} height={20} cornerRadius={10} fill="#7c3aed" perfectDrawEnabled={false} />
          <Text width={mergedW} height={20} text={mergedLabel} fontSize={12} fontStyle="bold" fill="#fff" align="center"
            verticalAlign="middle" perfectDrawEnabled={false} />
        </Group>
      )}
      {statusBadge && (
        <Group x={NOTE_W - 4} y={4} listening={false}>
          <Circle radius={15} fill={marks.status === 'accepted' ? '#16a34a' : '#475569'} stroke="#fff" strokeWidth={2.5}
            perfectDrawEnabled={false} />
          {marks.status === 'accepted'
            ? <Text x={-15} y={-15} width={30} height={30} text="✓" fontSize={19} fontStyle="bold" fill="#fff"
              align="center" verticalAlign="middle" perfectDrawEnabled={false} />
            : <>
              <Rect x={-5} y={-6} width={3.5} height={12} fill="#fff" perfectDrawEnabled={false} />
              <Rect x={1.5} y={-6} width={3.5} height={12} fill="#fff" perfectDrawEnabled={false} />
            </>}
        </Group>
      )}
      {marks.canVote ? (
        <Group y={rowY}>
          {marks.myDots > 0 && (
            <Group x={MARK_PAD} name="dot-remove" onClick={press(-1)} onTap={press(-1)}>
              <Rect width={30} height={MARK_ROW_H} cornerRadius={8} fill="#fff" stroke={DOT_COLOR} strokeWidth={1.5}
                perfectDrawEnabled={false} />
              <Text width={30} height={MARK_ROW_H} text="−" fontSize={20} fontStyle="bold" fill={DOT_COLOR} align="center"
                verticalAlign="middle" perfectDrawEnabled={false} />
            </Group>
          )}
          {Array.from({ length: Math.min(marks.myDots, 4) }, (_, i) => (
            <Circle key={i} x={MARK_PAD + 44 + i * 13} y={MARK_ROW_H / 2} radius={5.5} fill={DOT_COLOR} listening={false}
              perfectDrawEnabled={false} />
          ))}
          {marks.myDots > 4 && (
            <Text x={MARK_PAD + 44 + 4 * 13 - 4} width={30} height={MARK_ROW_H} text={`+${marks.myDots - 4}`} fontSize={12}
              fontStyle="bold" fill={DOT_COLOR} verticalAlign="middle" listening={false} perfectDrawEnabled={false} />
          )}
          <Group x={NOTE_W - MARK_PAD - 76} name="dot-add" onClick={marks.canAdd ? press(1) : undefined}
            onTap={marks.canAdd ? press(1) : undefined} opacity={marks.canAdd ? 1 : 0.4}>
            <Rect width={76} height={MARK_ROW_H} cornerRadius={8} fill={DOT_COLOR} perfectDrawEnabled={false} />
            <Text width={76} height={MARK_ROW_H} text={`+ ${t('votes.dot')}`} fontSize={14} fontStyle="bold" fill="#fff"
              align="center" verticalAlign="middle" perfectDrawEnabled={false} />
          </Group>
        </Group>
      ) : (
        <OwnersRow marks={marks} y={rowY} departments={departments} ownerLabel={t('owners.badgeShort')} />
      )}
    </>
  );
}

function OwnersRow({ marks, y, departments, ownerLabel }: {
  marks: NoteMarksData; y: number; departments: ReadonlyMap<string, Department>; ownerLabel: string;
}) {
  const responsible = departments.get(marks.responsible);
  if (responsible) {
    const more = marks.supporting > 0 ? `+${marks.supporting}` : '';
    const label = `${ownerLabel} ${short(responsible.name, more ? 15 : 18)}`;
    const w = Math.min(NOTE_W - MARK_PAD * 2 - (more ? 30 : 0), charW(label.length, 13) + 18);
    return (
      <Group x={MARK_PAD} y={y} listening={false} name="owner-badge">
        <Rect width={w} height={MARK_ROW_H} cornerRadius={6} fill={responsible.color} perfectDrawEnabled={false} />
        <Text x={8} width={w - 12} height={MARK_ROW_H} text={label} fontSize={13} fontStyle="bold" fill="#fff"
          verticalAlign="middle" wrap="none" ellipsis perfectDrawEnabled={false} />
        {more && (
          <Text x={w + 4} width={28} height={MARK_ROW_H} text={more} fontSize={13} fontStyle="bold" fill={responsible.color}
            verticalAlign="middle" perfectDrawEnabled={false} />
        )}
      </Group>
    );
  }
  const chips: { key: string; x: number; w: number; label: string; color: string }[] = [];
  let x = MARK_PAD;
  let hiddenCount = 0;
  for (const [i, c] of marks.tally.entries()) {
    const d = departments.get(c.department);
    if (!d) continue;
    const room = NOTE_W - MARK_PAD - (i < marks.tally.length - 1 ? 30 : 0) - x;
    let label = `${short(d.name, 18)} ${c.count}`;
    if (charW(label.length, 12) + 14 > room) label = `${short(d.name, 10)} ${c.count}`;
    const w = charW(label.length, 12) + 14;
    if (w > room) {
      hiddenCount = marks.tally.length - i;
      break;
    }
    chips.push({ key: d.key, x, w, label, color: d.color });
    x += w + 4;
  }
  return (
    <Group y={y} listening={false} name="owner-tally">
      {chips.map((c) => (
        <Group key={c.key} x={c.x}>
          <Rect width={c.w} height={MARK_ROW_H - 4} y={2} cornerRadius={11} fill="#fff" stroke={c.color} strokeWidth={2}
            perfectDrawEnabled={false} />
          <Text width={c.w} height={MARK_ROW_H} text={c.label} fontSize={12} fontStyle="bold" fill={c.color} align="center"
            verticalAlign="middle" perfectDrawEnabled={false} />
        </Group>
      ))}
      {hiddenCount > 0 && (
        <Text x={NOTE_W - MARK_PAD - 28} width={28} height={MARK_ROW_H} text={`+${hiddenCount}`} fontSize={13}
          fontStyle="bold" fill="#334155" align="right" verticalAlign="middle" perfectDrawEnabled={false} />
      )}
    </Group>
  );
}
