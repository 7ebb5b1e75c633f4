/**
 * Takes docs/screenshot.png: starts the built server, creates the example
 * workshop, seeds the scenario's sample notes, opens it as a facilitator in
 * headless Chromium with a second participant present. `npm run screenshot`.
 */
import { chromium } from 'playwright-core';
import { BoardPage } from '../e2e/pages/BoardPage.js';
import { fileURLToPath } from 'node:url';
import { connectMember, createBoard } from './clients.js';
import { seedSampleNotes } from './seed-demo.js';
import { ServerProcess } from './server-process.js';

const out = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));
const server = new ServerProcess();
const url = await server.start();
const board = await createBoard(url, { title: 'Sales roadmap vision workshop', template: 'vision-workshop', language: 'en' });
// A facilitator may write notes signed by anyone, so the sample notes keep their authors.
const seeder = await connectMember(url, board, 'facilitator', 'Seeder', 'management');
await seeder.synced;
seedSampleNotes(seeder.doc, 'en');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const join = async (link: string, name: string, department: string) => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(link);
    await new BoardPage(page).join(name, department);
    await page.waitForFunction(() => {
      const hook = (window as unknown as { __tabella?: { snapshot(): { notesById: Map<string, unknown> } } }).__tabella;
      return (hook?.snapshot().notesById.size ?? 0) >= 8;
    });
    return page;
  };
  const facilitator = await join(board.links.facilitator, 'Anna Ferri', 'sales');
  const participant = await join(board.links.participant, 'Marco Bruno', 'support');
  await participant.mouse.move(700, 420);
  await participant.mouse.move(720, 430);
  await facilitator.waitForFunction(() => {
    const hook = (window as unknown as { __tabella?: { cursors?(): unknown[] } }).__tabella;
    return (hook?.cursors?.().length ?? 0) > 0;
  });
  await facilitator.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  seeder.destroy();
  await server.stop();
}
