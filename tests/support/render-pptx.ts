/**
 * Renders the example workshop's deck (en and it) into a folder, to look at
 * it: `npx tsx tests/support/render-pptx.ts /tmp/deck`, then
 * `soffice --headless --convert-to pdf --outdir /tmp/deck /tmp/deck/en-roadmap.pptx`
 * and `pdftoppm -png -r 50 /tmp/deck/en-roadmap.pdf /tmp/deck/en`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { initializeBoard, localOrigin, systemOrigin, upsertMember } from '../../shared/src/index.js';
import { renderExport } from '../../server/src/exports/render.js';
import { runRoadmapScenario } from './roadmap-scenario.js';
import { scenario } from './seed-demo.js';

const out = process.argv[2] ?? 'exports';
mkdirSync(out, { recursive: true });
const system = systemOrigin('render-pptx');
for (const language of ['en', 'it'] as const) {
  const doc = new Y.Doc();
  const title = language === 'it' ? 'Workshop di visione: qualità & velocità' : 'Vision workshop: quality & speed';
  initializeBoard(doc, { title, template: 'vision-workshop', language }, system, Date.UTC(2025, 2, 12, 8));
  scenario.participants.forEach((p, i) => {
    upsertMember(doc, `p${i}`, { name: p.name, department: p.department, role: i === 0 ? 'facilitator' : 'participant', joinedAt: 1, removed: false }, system);
  });
  const facilitator = { id: 'p0', name: scenario.participants[0]!.name, department: scenario.participants[0]!.department };
  runRoadmapScenario(doc, language, facilitator, localOrigin('p0'), ['p1', 'p2', 'p3']);
  const started = performance.now();
  const rendered = await renderExport('roadmap.pptx', Y.encodeStateAsUpdate(doc));
  console.log(`${language}: ${Math.round(performance.now() - started)} ms, ${rendered.body.length} bytes`);
  writeFileSync(join(out, `${language}-roadmap.pptx`), rendered.body);
}
