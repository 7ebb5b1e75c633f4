import type { Browser } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.js';
import { firstLoadSizes } from '../support/bundle-size.js';
import { openRoom, seedNotes } from './rooms.js';
import { BenchServer } from './servers.js';

export interface Spread {
  p50: number;
  p95: number;
  min: number;
  max: number;
}

export interface FirstLoadResult {
  notes: number;
  runs: number;
  /** From the join click to the first moment the board is live and interactive (see `live` below), ms. */
  joinToLive: Spread;
  /** Every run's join-to-live time, in order, ms. */
  samples: number[];
  /** From navigation start (cold cache) to the join form's name field on screen, ms. */
  formShown: Spread;
  /**
   * The page's main-thread work (Chromium's TaskDuration: script, style, layout, paint) from just
   * before the join click until live was seen, ms. Wall time on a busy machine also counts waiting
   * for a core; this says what the page itself did.
   */
  mainThreadMs: Spread;
  /** From a click on "Menu" right after the board went live to the menu on screen, ms. */
  firstInput: Spread;
  /** Gzipped JavaScript of the built client (tests/support/bundle-size.ts): home and join pages, and what the board adds. */
  bytes: { pageGzip: number; boardGzip: number };
  errors: string[];
  /** When and how these figures were measured (the scenario runs alone: `--only=7`). */
  measured?: { date: string; command: string; load?: string };
}

/**
 * Runs in the page from its first script on (a string, not a function: tsx
 * would wrap a function's inner helpers in its own `__name`, which the page
 * lacks). It watches every frame after the join click and records `live`: the
 * first moment at which
 *   1. the connection indicator says "connected" (the websocket is open and synced),
 *   2. the board model holds all `total` notes, and
 *   3. Konva's "notes" layer (note shapes) or, zoomed out, its "stage-summaries" layer
 *      (every stage's count and top notes) has drawn, in its last draw, at least as many
 *      notes as lie in the canvas's view (their `noteCount`, set by
 *      client/src/notes/NotesLayer.tsx and StageSummaries.tsx).
 * Konva is found when it registers itself as `window.Konva`; its layers' drawScene is
 * wrapped to count what each draw of the notes layer held.
 */
const probe = (total: number) => `(() => {
  const total = ${total};
  const w = window;
  const fl = w.__firstLoad = { drawn: -1 };
  const patch = (K) => {
    if (!K || !K.Layer || K.Layer.prototype.__flPatched) return;
    const draw = K.Layer.prototype.drawScene;
    K.Layer.prototype.__flPatched = true;
    K.Layer.prototype.drawScene = function (...args) {
      const out = draw.apply(this, args);
      const count = this.getAttr('noteCount');
      if ((this.name() === 'notes' || this.name() === 'stage-summaries') && count !== undefined) {
        fl.drawn = Number(count);
        check();
      }
      return out;
    };
  };
  let konva;
  Object.defineProperty(w, 'Konva', {
    configurable: true,
    get: () => konva,
    set: (k) => { konva = k; queueMicrotask(() => patch(k)); },
  });
  const inView = () => {
    const hook = w.__tabella;
    const host = document.querySelector('[data-testid="board-canvas"]');
    if (!hook || !host) return Infinity;
    const c = host.getBoundingClientRect();
    let n = 0;
    for (const id of hook.snapshot().notesById.keys()) {
      const r = hook.noteRect(id);
      if (r && r.x < c.right && r.x + r.w > c.left && r.y < c.bottom && r.y + r.h > c.top) n++;
    }
    return n;
  };
  const check = () => {
    if (fl.t0 === undefined || fl.live !== undefined) return;
    const hook = w.__tabella;
    if (!hook || hook.snapshot().notesById.size < total) return;
    if (document.querySelector('[data-testid="connection"]')?.getAttribute('data-status') !== 'connected') return;
    const need = inView();
    if (need === 0 || fl.drawn < need) return;
    fl.live = performance.now();
    fl.inView = need;
  };
  const frame = () => {
    patch(konva);
    check();
    if (fl.live === undefined) requestAnimationFrame(frame);
  };
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target : null;
    if (el?.closest('[data-testid="join-submit"]') && fl.t0 === undefined) {
      fl.t0 = e.timeStamp;
      requestAnimationFrame(frame);
    }
    if (el?.closest('[data-testid="toolbar-menu"]') && fl.inputAt === undefined) {
      fl.inputAt = e.timeStamp;
      const wait = () => {
        if (document.querySelector('[data-testid="toolbar-menu-list"]')) fl.answered = performance.now();
        else requestAnimationFrame(wait);
      };
      requestAnimationFrame(wait);
    }
  }, true);
})()`;

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: p95 of 20 runs is the 19th value.
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), min: sorted[0] ?? Number.NaN, max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** One cold load: a fresh browser context, the join link, name and department, the click, until live. */
async function oneRun(browser: Browser, link: string, notes: number, i: number, errors: string[], trace?: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(`run ${i}: page error: ${err.message}`));
    await page.addInitScript(probe(notes));
    await page.goto(link);
    const formShown = await page.waitForFunction(() => document.querySelector('[data-testid="join-name"]') && performance.now(),
      undefined, { polling: 'raf' }).then((h) => h.jsonValue() as Promise<number>);
    // A person needs a few seconds to type a name: whatever the page loads meanwhile
    // (the board chunk, prefetched when idle) is loaded before the click.
    await page.waitForLoadState('networkidle');
    await page.getByTestId('join-name').fill(`Bench ${i}`);
    await page.locator('label', { has: page.getByTestId('join-department-sales') }).click();
    if (trace) await browser.startTracing(page, { path: trace, screenshots: true });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
    const busyBefore = await busy();
    await page.getByTestId('join-submit').click();
    await page.waitForFunction(() => (window as unknown as { __firstLoad: { live?: number } }).__firstLoad.live !== undefined,
      undefined, { timeout: 30_000 }).catch(async (err: unknown) => {
      // Say which condition was missing.
      const state = await page.evaluate(() => ({
        probe: (window as unknown as { __firstLoad: unknown }).__firstLoad,
        notes: window.__tabella?.snapshot().notesById.size,
        connection: document.querySelector('[data-testid="connection"]')?.getAttribute('data-status'),
        konva: typeof (window as unknown as { Konva?: unknown }).Konva,
      }));
      throw new Error(`run ${i}: the board did not go live: ${JSON.stringify(state)}`, { cause: err });
    });
    const mainThreadMs = ((await busy()) - busyBefore) * 1000;
    if (trace) await browser.stopTracing();
    const { t0, live } = await page.evaluate(() => (window as unknown as { __firstLoad: { t0: number; live: number } }).__firstLoad);
    await page.getByTestId('toolbar-menu').click();
    await page.waitForFunction(() => (window as unknown as { __firstLoad: { answered?: number } }).__firstLoad.answered !== undefined);
    const { inputAt, answered } = await page.evaluate(() => (window as unknown as { __firstLoad: { inputAt: number; answered: number } }).__firstLoad);
    return { joinToLive: live - t0, formShown, firstInput: answered - inputAt, mainThreadMs };
  } finally {
    await context.close();
  }
}

/**
 * Scenario 7: the first load. A board of `notes` notes (the vision-workshop
 * template, notes written by real participants as in scenarios 4 and 6); each
 * run opens its participant link in a fresh browser context (empty cache, no
 * service worker yet) at 1440x900, fills the join form (name and department)
 * and times the click on "Join" to the live board. `FIRST_LOAD_TRACE=file.json`
 * records a Chromium performance trace of the first run's join (chrome://tracing, Perfetto).
 */
export async function firstLoad(o: { notes: number; runs: number }): Promise<FirstLoadResult> {
  const server = new BenchServer('tabella');
  await server.start();
  const browser = await launchBrowser();
  const errors: string[] = [];
  try {
    const room = await openRoom('tabella', server.url);
    await seedNotes(room, o.notes, 20, 1000);
    room.host.destroy();
    const raw = await room.participantLink?.();
    if (!raw) throw new Error('no participant link');
    const link = raw.startsWith('http') ? raw : `${server.url}${raw}`;
    const runs: Awaited<ReturnType<typeof oneRun>>[] = [];
    for (let i = 0; i < o.runs; i++) {
      runs.push(await oneRun(browser, link, o.notes, i, errors, i === 0 ? process.env.FIRST_LOAD_TRACE : undefined));
    }
    const sizes = firstLoadSizes();
    return {
      notes: o.notes,
      runs: runs.length,
      joinToLive: spread(runs.map((r) => r.joinToLive)),
      samples: runs.map((r) => Math.round(r.joinToLive)),
      formShown: spread(runs.map((r) => r.formShown)),
      firstInput: spread(runs.map((r) => r.firstInput)),
      mainThreadMs: spread(runs.map((r) => r.mainThreadMs)),
      bytes: { pageGzip: sizes.page.gzipBytes, boardGzip: sizes.board.gzipBytes },
      errors,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
