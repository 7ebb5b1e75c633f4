import * as Y from 'yjs';
import { initializeBoard, systemOrigin, upsertMember } from '../../../shared/src/index.js';
import { runRoadmapScenario } from '../../support/roadmap-scenario.js';

/**
 * A board.json of the example workshop after a session (notes, owners,
 * votes, a commitment, a feedback report), for screenshots of a full roadmap.
 */
export function exampleBackup(language: 'en' | 'it'): unknown {
  const doc = new Y.Doc();
  const system = systemOrigin('e2e');
  initializeBoard(doc, { title: language === 'it' ? 'Workshop di visione · Qualità' : 'Vision workshop', template: 'vision-workshop', language },
    system, Date.UTC(2025, 2, 12, 8));
  for (const [id, department] of [['fac', 'sales'], ['v1', 'sales'], ['v2', 'fae'], ['v3', 'shipping']] as const) {
    upsertMember(doc, id, { name: `Person ${id}`, department, role: id === 'fac' ? 'facilitator' : 'participant', joinedAt: 1, removed: false }, system);
  }
  runRoadmapScenario(doc, language, { id: 'fac', name: 'Giulia Rossi', department: 'sales' }, system, ['v1', 'v2', 'v3']);
  const board = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
  doc.destroy();
  return { format: 'tabella-board', version: 1, board };
}
