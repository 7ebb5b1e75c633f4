import { Group, Layer, Path, Rect, Text } from 'react-konva';
import type { Awareness } from 'y-protocols/awareness';
import { usePeers } from './usePresence.js';

const ARROW = 'M0 0 L0 22 L6 16 L11 27 L15 25 L10 15 L18 15 Z';

/**
 * Other people's pointers. Its own layer, not listening, and drawn at a
 * constant screen size whatever the zoom (the scale is undone per cursor).
 */
export function CursorsLayer({ awareness, scale }: { awareness: Awareness; scale: number }) {
  const peers = usePeers(awareness);
  const inv = 1 / scale;
  return (
    <Layer listening={false}>
      {peers.map(({ clientId, presence, self }) => {
        if (self || !presence.cursor) return null;
        const { user, cursor } = presence;
        const label = user.name || '…';
        const w = Math.ceil(label.length * 7.6) + 16;
        return (
          <Group key={clientId} name={`cursor-${user.id}`} x={cursor.x} y={cursor.y} scaleX={inv} scaleY={inv}>
            <Path data={ARROW} fill={user.color} stroke="#ffffff" strokeWidth={1.5} perfectDrawEnabled={false} />
            <Rect x={14} y={26} width={w} height={24} fill={user.color} cornerRadius={12} perfectDrawEnabled={false} />
            <Text x={14} y={26} width={w} height={24} text={label} fill="#ffffff" fontSize={13} fontStyle="bold"
              align="center" verticalAlign="middle" perfectDrawEnabled={false} />
          </Group>
        );
      })}
    </Layer>
  );
}
