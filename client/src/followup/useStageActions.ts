import { useMemo } from 'react';
import { buildRoadmap, type RoadmapItem } from '../../../shared/src/index.js';
import { useBoardSync, useSnapshot } from '../sync/useBoardSync.js';

/**
 * The roadmap actions of every stage, for context on the commitment form. The
 * form endpoint gives no notes, so the board is read like a viewer (the link's
 * token allows reading; the server drops anything it would send).
 */
export function useStageActions(boardId: string, token: string | undefined): ReadonlyMap<string, RoadmapItem[]> | undefined {
  const sync = useBoardSync(boardId, token ?? '', { enabled: token !== undefined });
  const snapshot = useSnapshot(sync.connection);
  return useMemo(() => {
    if (!sync.synced || !snapshot) return undefined;
    const roadmap = buildRoadmap(snapshot);
    return new Map(roadmap.segments.flatMap((s) => s.stages.map((st) => [st.id, st.actions])));
  }, [sync.synced, snapshot]);
}
