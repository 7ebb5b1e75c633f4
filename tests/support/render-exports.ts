/**
 * Renders the example workshop's exports (en and it) into a folder, to look
 * at them: `npx tsx tests/support/render-exports.ts /tmp/exports`, then e.g.
 * `pdftoppm -png -r 60 /tmp/exports/it-roadmap.pdf /tmp/exports/it`. A second argument
 * picks files: `... /tmp/exports roadmap.pdf,roadmap.docx`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { EXPORT_FILES, initializeBoard, localOrigin, systemOrigin, upsertMember } from '../../shared/src/index.js';
import { renderExport } from '../../server/src/exports/render.js';
import { runRoadmapScenario } from './roadmap-scenario.js';
import { scenario } from './seed-demo.js';

const out = process.argv[2] ?? 'exports';
const only = process.argv[3]?.split(',');
mkdirSync(out, { recursive: true });
const system = systemOrigin('render-exports');
for (const language of ['en', 'it'] as const) {
  const doc = new Y.Doc();
  const title = language === 'it' ? 'Workshop di visione: qualità & velocità' : 'Vision workshop: quality & speed';
  initializeBoard(doc, { title, template: 'vision-workshop', language }, system, Date.UTC(2025, 2, 12, 8));
  scenario.participants.forEach((p, i) => {
    upsertMember(doc, `p${i}`, { name: p.name, department: p.department, role: i === 0 ? 'facilitator' : 'participant', joinedAt: 1, removed: false }, system);
  });
  const facilitator = { id: 'p0', name: scenario.participants[0]!.name, department: scenario.participants[0]!.department };
  runRoadmapScenario(doc, language, facilitator, localOrigin('p0'), ['p1', 'p2', 'p3']);
  const state = Y.encodeStateAsUpdate(doc);
  for (const file of EXPORT_FILES.filter((f) => !only || only.includes(f))) {
    const rendered = await renderExport(file, state);
    writeFileSync(join(out, `${language}-${file}`), rendered.body);
  }
}
console.log(`exports written to ${out}`);
