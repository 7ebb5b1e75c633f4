import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, WebSocketRoute } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { launchBrowser } from './support/browser.js';
import type { WorkshopLinks } from './pages/HomePage.js';
import { createBoard } from '../support/clients.js';
import { BoardPage } from './pages/BoardPage.js';
import { SaveStatus } from './pages/SaveStatus.js';
import { limitFileSize } from '../support/file-size-limit.js';

const POLL = { timeout: 20_000, interval: 100 };
/** Tabella's `saved` and `storage` message types (docs/protocol.md). */
const SAVED = 100;
const STORAGE = 101;

/**
 * Durability you can see: the save indicator follows the server's
 * acknowledgements, and edits made offline survive a reload and reach the
 * server when it is back.
 */
describe('saving and offline work', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let links: WorkshopLinks;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // Straight into the brainstorm: this file is about saving what people write.
    ({ links } = await createBoard(server.url, { title: 'Durability workshop', template: 'vision-workshop', language: 'en', phase: 'brainstorm' }));
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  async function newPage(viewport = { width: 1440, height: 900 }, route?: (ws: WebSocketRoute) => void) {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    if (route) await context.routeWebSocket(/\/sync\//, route);
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    return page;
  }

  it('says "Saving…" until the server confirms the commit, then "All changes saved"', async () => {
    // Between page and server: hold back the server's `saved` messages until we let them through.
    let holdAcks = true;
    const held: (() => void)[] = [];
    const page = await newPage({ width: 1440, height: 900 }, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => {
        const deliver = () => ws.send(m);
        if (holdAcks && typeof m !== 'string' && m[0] === SAVED) held.push(deliver);
        else deliver();
      });
    });
    const alice = new BoardPage(page);
    const save = new SaveStatus(page);
    await alice.open(links.participant);
    await alice.join('Alice Rossi', 'sales');
    await expect.poll(() => save.state(), POLL).toBe('saved');
    await save.record();

    await expect.poll(async () => (await alice.stages()).length, POLL).toBeGreaterThan(0);
    const [stage] = await alice.stages();
    await alice.addNote(stage!.id, 'Saved only when stored');
    await expect.poll(() => save.state(), POLL).toBe('saving');
    expect(await save.label()).toBe('Saving…');
    await page.screenshot({ path: '/tmp/tabella-save-saving.png', clip: { x: 700, y: 0, width: 740, height: 64 } });

    holdAcks = false;
    for (const deliver of held.splice(0)) deliver();
    await expect.poll(() => save.state(), POLL).toBe('saved');
    expect(await save.label()).toBe('All changes saved');
    expect(await save.history()).toEqual(['saved', 'saving', 'saved']);
    const title = await page.getByTestId('save-status').getAttribute('title');
    expect(title).toMatch(/Last saved at/);
    await page.screenshot({ path: '/tmp/tabella-save-saved.png', clip: { x: 700, y: 0, width: 740, height: 64 } });
  });

  it('shows "the server cannot save" while the server\'s disk refuses writes, then "All changes saved"', async () => {
    // A real filesystem failure: the server process may not grow any file (prlimit, EFBIG),
    // as with a failing or full disk. Root ignores read-only permissions, a file size limit it does not.
    const page = await newPage();
    const flavia = new BoardPage(page);
    const save = new SaveStatus(page);
    await flavia.open(links.participant);
    await flavia.join('Flavia Grigi', 'sales');
    await expect.poll(() => save.state(), POLL).toBe('saved');
    await expect.poll(async () => (await flavia.stages()).length, POLL).toBeGreaterThan(0);
    const [stage] = await flavia.stages();
    await save.record();

    const lift = limitFileSize(server.pid, 1);
    try {
      await flavia.addNote(stage!.id, 'Written while the server cannot save');
      await expect.poll(() => save.state(), POLL).toBe('storage');
      expect(await save.label()).toBe('The server cannot save right now — keep working, nothing is lost');
    } finally {
      lift();
    }
    await expect.poll(() => save.state(), POLL).toBe('saved');
    expect(await save.label()).toBe('All changes saved');
    const history = await save.history();
    expect(history.indexOf('storage')).toBeGreaterThan(0);
    expect(history.at(-1)).toBe('saved');
  });

  it('tells people calmly when the server cannot write to its disk', async () => {
    // The real failure is the test above; here the page gets the server's `storage`
    // message as it would be sent, to check both layouts (laptop and phone) and recovery.
    let toPage: ((m: Buffer) => void) | undefined;
    const page = await newPage({ width: 1440, height: 900 }, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => ws.send(m));
      toPage = (m) => ws.send(m);
    });
    const bea = new BoardPage(page);
    const save = new SaveStatus(page);
    await bea.open(links.participant);
    await bea.join('Bea Neri', 'sales');
    await expect.poll(() => save.state(), POLL).toBe('saved');
    toPage!(Buffer.from([STORAGE, 1]));
    await expect.poll(() => save.state(), POLL).toBe('storage');
    expect(await save.label()).toBe('The server cannot save right now — keep working, nothing is lost');
    await page.screenshot({ path: '/tmp/tabella-save-storage.png', clip: { x: 560, y: 0, width: 880, height: 64 } });

    const phone = await newPage({ width: 390, height: 844 }, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => ws.send(m));
      toPage = (m) => ws.send(m);
    });
    const phoneBoard = new BoardPage(phone);
    await phoneBoard.open(links.participant);
    await phoneBoard.join('Carla Blu', 'sales');
    await phone.screenshot({ path: '/tmp/tabella-save-phone-saved.png', clip: { x: 0, y: 0, width: 390, height: 140 } });
    toPage!(Buffer.from([STORAGE, 1]));
    await expect.poll(() => new SaveStatus(phone).state(), POLL).toBe('storage');
    await phone.screenshot({ path: '/tmp/tabella-save-phone-storage.png', clip: { x: 0, y: 0, width: 390, height: 140 } });
    toPage!(Buffer.from([STORAGE, 0]));
    await expect.poll(() => new SaveStatus(phone).state(), POLL).toBe('saved');
  });

  it('keeps notes written offline through a reload and sends them when the server is back', async () => {
    const page = await newPage();
    const dario = new BoardPage(page);
    const save = new SaveStatus(page);
    await dario.open(links.participant);
    await dario.join('Dario Gialli', 'service');
    await expect.poll(() => save.offlineReady(), POLL).toBe(true);
    await expect.poll(async () => (await dario.stages()).length, POLL).toBeGreaterThan(1);
    const [, stage] = await dario.stages();

    // The server goes away (a restart, or the room's Wi-Fi): keep working.
    await server.halt();
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-status'), POLL).not.toBe('connected');
    await dario.addNote(stage!.id, 'Written offline, first');
    await dario.addNote(stage!.id, 'Written offline, second');
    await expect.poll(() => save.state(), POLL).toBe('offline');
    expect(await save.label()).toBe('Offline — 2 changes kept on this device');
    // The service worker controls this page, so the help may promise a reload.
    expect(await page.getByTestId('save-status').getAttribute('title')).toContain('also if you reload the page');
    await expect.poll(() => save.keptEdits(), POLL).toBe(2);
    await page.screenshot({ path: '/tmp/tabella-save-offline.png', clip: { x: 560, y: 0, width: 880, height: 64 } });

    // A reload while still offline: the app comes from the service worker, the notes from IndexedDB.
    await page.reload();
    await page.getByTestId('board').waitFor();
    await expect.poll(async () => (await dario.notes()).map((n) => n.text).filter((t) => t.startsWith('Written offline')).sort(), POLL)
      .toEqual(['Written offline, first', 'Written offline, second']);
    await expect.poll(() => save.state(), POLL).toBe('offline');
    expect(await save.label()).toBe('Offline — 2 changes kept on this device');

    // Back: the notes reach the server, the indicator says so, someone else sees them.
    await server.resume();
    await expect.poll(() => save.state(), POLL).toBe('saved');
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-status'), POLL).toBe('connected');

    const elena = new BoardPage(await newPage());
    await elena.open(links.participant);
    await elena.join('Elena Viola', 'sales');
    await expect.poll(async () => (await elena.notes()).map((n) => n.text).filter((t) => t.startsWith('Written offline')).sort(), POLL)
      .toEqual(['Written offline, first', 'Written offline, second']);
  });
});
