import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.js';
import { TablePage } from '../e2e/pages/TablePage.js';
import { openRoom, seedNotes } from './rooms.js';
import { BenchServer } from './servers.js';

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /**
   * The page's main-thread work (Chromium's TaskDuration: script, style,
   * layout, paint) per frame, ms. Frame intervals also count time the page
   * waited for a core; on a loaded machine this says what the table itself costs.
   */
  busyPerFrameMs: number;
}

export interface TableBenchResult {
  notes: number;
  /** From choosing "Table" in the menu to the end of the first frame showing its rows, ms. */
  firstRenderMs: number;
  /** Frame intervals while the list scrolls from top to bottom, 240 px (5 rows) a frame. */
  scroll: FrameStats;
  /** Frame intervals while a stage filter is picked and a search is typed (each key re-filters every note). */
  filter: FrameStats;
  errors: string[];
  /** When and how these figures were measured (the scenario can run alone: `--only=6`). */
  measured?: { date: string; command: string; /** Load average when it started: other work on the machine slows every frame. */ load?: string };
}

const startFrames = `(() => {
  const w = window;
  w.__frames = [];
  w.__framing = true;
  let last = 0;
  const frame = (t) => { w.__frames.push(t - last); last = t; if (w.__framing) requestAnimationFrame(frame); };
  requestAnimationFrame((t) => { last = t; requestAnimationFrame(frame); });
})()`;

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

async function taskSeconds(cdp: Cdp): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
}

async function stopFrames(page: Page, cdp: Cdp, busyBefore: number): Promise<FrameStats> {
  const busy = (await taskSeconds(cdp)) - busyBefore;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framing: boolean };
    w.__framing = false;
    return w.__frames;
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
  return {
    frames: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? Number.NaN,
    busyPerFrameMs: (busy * 1000) / Math.max(1, sorted.length),
  };
}

/**
 * Scenario 6: the notes table (client/src/table) on a board of `notes` notes
 * in headless Chromium, as a participant at 1440x900. Times the first render
 * after choosing the view, then records requestAnimationFrame intervals while
 * the virtualised list scrolls to the bottom, and while a filter is applied.
 */
export async function tableView(o: { notes: number }): Promise<TableBenchResult> {
  const server = new BenchServer('tabella');
  await server.start();
  const browser = await launchBrowser();
  const errors: string[] = [];
  try {
    const room = await openRoom('tabella', server.url);
    await seedNotes(room, o.notes, 20, 1000);
    room.host.destroy();
    const link = await room.participantLink?.();
    if (!link) throw new Error('no participant link');
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const table = new TablePage(await context.newPage());
    const { page } = table;
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await table.open(link.startsWith('http') ? link : `${server.url}${link}`);
    await table.join('Bench Viewer');
    await page.waitForFunction((n) => (window.__tabella?.snapshot().notesById.size ?? 0) >= n, o.notes, { timeout: 60_000 });

    await page.getByTestId('toolbar-menu').click();
    // Strings, not functions: tsx wraps a function's inner helpers in its own `__name`, which the page lacks.
    const firstRenderMs = await page.evaluate<number>(`new Promise((resolve) => {
      const t0 = performance.now();
      document.querySelector('[data-testid="mode-table"]').click();
      const wait = () => {
        if (document.querySelector('[data-testid="table-row"]')) requestAnimationFrame((t) => resolve(t - t0));
        else requestAnimationFrame(wait);
      };
      requestAnimationFrame(wait);
    })`);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="table-count"]')?.getAttribute('data-shown')) >= n, o.notes);

    let busy = await taskSeconds(cdp);
    await page.evaluate(startFrames);
    await page.evaluate(`new Promise((resolve) => {
      const el = document.querySelector('[data-testid="table-grid"]');
      const step = () => {
        el.scrollTop += 240;
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) resolve();
        else requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    })`);
    const scroll = await stopFrames(page, cdp, busy);

    const stage = await page.evaluate(() => window.__tabella!.snapshot().segments[0]!.stages[1]!.id);
    busy = await taskSeconds(cdp);
    await page.evaluate(startFrames);
    await table.filter('stage', stage);
    await table.filter('stage', '');
    await page.getByTestId('table-search').pressSequentially('idea 12', { delay: 30 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="table-count"]')?.getAttribute('data-shown')) > 0);
    const filter = await stopFrames(page, cdp, busy);
    await context.close();
    return { notes: o.notes, firstRenderMs, scroll, filter, errors };
  } finally {
    await browser.close();
    await server.stop();
  }
}
