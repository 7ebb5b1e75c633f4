import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.js';
import { BoardPage } from '../e2e/pages/BoardPage.js';

import { openRoom, seedNotes } from './rooms.js';
import { BenchServer } from './servers.js';

export interface BrowserResult {
  notes: number;
  /** From the first frame whose model holds every note to the end of the first frame that drew them, ms. */
  firstRenderMs: number;
  panMedianMs: number;
  panP95Ms: number;
  fitPanMedianMs: number;
  fitPanP95Ms: number;
  errors: string[];
}

/**
 * Scenario 4: the built client, served by Tabella, opens a board of `notes`
 * notes in headless Chromium. Frame times come from requestAnimationFrame in
 * the page while page.mouse drags the canvas (the person owns no note, so a
 * drag pans): at 100% zoom, then fitted to the whole board.
 */
export async function bigBoard(o: { notes: number; panSteps: number }): Promise<BrowserResult> {
  const server = new BenchServer('tabella');
  await server.start();
  const browser = await launchBrowser();
  const errors: string[] = [];
  try {
    const room = await openRoom('tabella', server.url);
    await seedNotes(room, o.notes, 20, 1000);
    room.host.destroy();

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    // Watches every frame from the very start: when the model first holds
    // every note, and when the canvas first lays one out after that.
    // A string, not a function: tsx would wrap a function's inner helpers in
    // its own `__name`, which does not exist in the page.
    await page.addInitScript(`(() => {
      const total = ${o.notes};
      const w = window;
      w.__bench = {};
      let drawn = false;
      const step = () => {
        const hook = w.__tabella;
        if (!hook || drawn) return;
        if (w.__bench.synced === undefined && hook.snapshot().notesById.size >= total) w.__bench.synced = performance.now();
        if (w.__bench.synced !== undefined) {
          for (const id of hook.snapshot().notesById.keys()) {
            if (hook.noteRect(id)) {
              drawn = true;
              // The frame that drew the notes ends when the next one starts.
              requestAnimationFrame((t) => { w.__bench.rendered = t; });
              return;
            }
          }
        }
      };
      const tick = () => {
        try { step(); } catch (e) { w.__bench.error = String(e); }
        if (!drawn) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })();`);
    const { links } = await createBoardLinks(server.url, room);
    const board = new BoardPage(page);
    await board.open(links);
    await board.join('Bench Viewer');
    await page.waitForFunction(() => (window as unknown as { __bench: { rendered?: number } }).__bench.rendered !== undefined, undefined, { timeout: 60_000 })
      .catch(async (error: unknown) => {
        const state = await page.evaluate(() => ({
          bench: (window as unknown as { __bench: unknown }).__bench,
          notes: window.__tabella?.snapshot().notesById.size,
        }));
        throw new Error(`board never drawn: ${JSON.stringify(state)} (${String(error)})`);
      });
    const marks = await page.evaluate(() => (window as unknown as { __bench: { synced: number; rendered: number } }).__bench);
    // The first view of a board this size is already the whole board (8%): zoom to 100% first.
    await zoomTo100(page);
    const pan = await panFrames(page, o.panSteps);
    await page.getByTestId('toolbar-fit').click();
    await page.waitForTimeout(500);
    const fit = await panFrames(page, o.panSteps);
    await context.close();
    return {
      notes: o.notes, firstRenderMs: marks.rendered - marks.synced,
      panMedianMs: pan.median, panP95Ms: pan.p95, fitPanMedianMs: fit.median, fitPanP95Ms: fit.p95, errors,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function createBoardLinks(baseUrl: string, room: Awaited<ReturnType<typeof openRoom>>): Promise<{ links: string }> {
  // The participant link of the seeded board, as the facilitator would share it.
  const link = await room.participantLink?.();
  if (!link) throw new Error('no participant link');
  return { links: link.startsWith('http') ? link : `${baseUrl}${link}` };
}

/** Zoom-in button until the toolbar shows at least 100%. */
async function zoomTo100(page: Page): Promise<void> {
  const level = async () => Number.parseInt((await page.getByTestId('zoom-level').textContent()) ?? '0', 10);
  for (let i = 0; i < 30 && (await level()) < 100; i++) await page.getByTestId('toolbar-zoom-in').click();
  if ((await level()) < 100) throw new Error(`could not zoom to 100% (at ${await level()}%)`);
  await page.waitForTimeout(500);
}

async function panFrames(page: Page, steps: number): Promise<{ median: number; p95: number }> {
  const box = await page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.evaluate(`(() => {
    const w = window;
    w.__frames = [];
    w.__framing = true;
    let last = 0;
    const frame = (t) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__framing) requestAnimationFrame(frame);
    };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(frame); });
  })()`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < steps; i++) {
    const angle = (i / steps) * Math.PI * 4;
    await page.mouse.move(cx + Math.cos(angle) * 300, cy + Math.sin(angle) * 200);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framing: boolean };
    w.__framing = false;
    return w.__frames;
  });
  const sorted = frames.sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? NaN, p95: sorted[Math.floor(sorted.length * 0.95)] ?? NaN };
}
