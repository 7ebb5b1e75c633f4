import { describe, expect, it } from 'vitest';
import { LAPTOP, useBrowserSession } from './support/session.js';
import { HomePage } from './pages/HomePage.js';
import { BoardPage } from './pages/BoardPage.js';

const POLL = { timeout: 15_000, interval: 100 };

describe('facilitator, viewer and undo', () => {
  const session = useBrowserSession();

  it('facilitator edits the structure and the title, undoes a note; the viewer follows read-only', async () => {
    const page = await session.newPage(LAPTOP);
    const links = await (async () => {
      const home = new HomePage(page);
      await home.open(session.server.url);
      return home.createWorkshop('Workshop di visione', 'vision-workshop', 'it');
    })();

    const facilitator = new BoardPage(page);
    await facilitator.open(links.facilitator);
    await facilitator.join('Giulia Neri', 'management');
    // The board's language (Italian) is the default on the board.
    expect(await page.getByTestId('toolbar-fit').textContent()).toContain('Adatta');

    await page.getByTestId('board-title').click();
    await page.getByTestId('board-title-input').fill('Workshop Milano');
    await page.getByTestId('board-title-input').press('Enter');

    await facilitator.fromMenu('toolbar-structure');
    await page.getByTestId('structure-add-stage').first().click();
    await expect.poll(async () => (await facilitator.stages()).some((s) => s.name === 'Nuova fase'), POLL).toBe(true);
    await page.screenshot({ path: '/tmp/tabella-facilitator-structure.png' });
    await facilitator.fromMenu('toolbar-structure');

    // Undo of one's own note with Ctrl+Z, redo with Ctrl+Shift+Z.
    const [stage] = await facilitator.stages();
    const id = await facilitator.addNote(stage!.id, 'Nota da annullare');
    await page.mouse.click(5, 200);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await facilitator.notes()).some((n) => n.id === id), POLL).toBe(false);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await facilitator.notes()).some((n) => n.id === id), POLL).toBe(true);

    const viewer = new BoardPage(await session.newPage({ width: 1920, height: 1080 }));
    await viewer.open(links.viewer);
    await viewer.waitReady();
    await expect.poll(() => viewer.page.getByTestId('board-title').textContent(), POLL).toBe('Workshop Milano');
    expect(await viewer.page.getByTestId('toolbar-add-note').count()).toBe(0);
    expect(await viewer.page.getByTestId('fab-add-note').count()).toBe(0);
    await expect.poll(async () => (await viewer.notes()).length, POLL).toBe(1);
    await viewer.page.screenshot({ path: '/tmp/tabella-viewer-projector.png' });

    // The connection indicator tells the truth: offline device, then a server that went away.
    await viewer.page.context().setOffline(true);
    await expect.poll(() => viewer.page.getByTestId('connection').getAttribute('data-status'), POLL).toBe('offline');
    await viewer.page.context().setOffline(false);
    await expect.poll(() => viewer.page.getByTestId('connection').getAttribute('data-status'), POLL).toBe('connected');
    await session.server.halt();
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-status'), POLL).toBe('reconnecting');
    await page.screenshot({ path: '/tmp/tabella-reconnecting.png' });
  });
});
