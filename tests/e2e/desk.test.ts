import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session.js';
import { HomePage, type WorkshopLinks } from './pages/HomePage.js';
import { BoardPage } from './pages/BoardPage.js';

const POLL = { timeout: 15_000, interval: 100 };

async function seriousViolations(page: Page, include: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(include).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

/**
 * The facilitator's desk: a new board starts in setup with one button to start
 * the brainstorm; the home page keeps "My workshops" on this device (role, last
 * opened, links; removable); a lost participant link is issued anew from inside
 * the board, and the old one stops working.
 */
describe("the facilitator's desk", () => {
  const session = useBrowserSession({ acceptDialogs: true });
  let links: WorkshopLinks;
  let home: HomePage;

  it('a new board starts in setup; the home page lists it under My workshops with its links', async () => {
    home = new HomePage(await session.newPage());
    await home.open(session.server.url);
    expect(await home.page.getByTestId('my-workshops').count()).toBe(0);
    links = await home.createWorkshop('Workshop di Padova', 'vision-workshop', 'it');
    const fac = new BoardPage(home.page);
    await fac.open(links.facilitator);
    await fac.join('Giulia Neri', 'management');
    await expect.poll(() => fac.page.getByTestId('phase-bar').getAttribute('data-phase'), POLL).toBe('setup');
    await fac.page.getByTestId('start-brainstorm').waitFor();
    // On a laptop, in Italian (the longer texts), the button stays on one line and the setup
    // instruction (which ends with sharing the link) is not cut.
    await fac.page.getByTestId('language-it').click();
    await expect.poll(() => fac.page.getByTestId('start-brainstorm').textContent(), POLL).toBe('Avvia il brainstorming');
    expect(await fac.page.getByTestId('start-brainstorm').evaluate((b) => {
      const range = document.createRange();
      range.selectNodeContents(b);
      return range.getClientRects().length;
    })).toBe(1);
    expect(await fac.page.getByTestId('phase-instruction').evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    await fac.page.getByTestId('language-en').click();

    await home.open(session.server.url);
    const entry = home.page.getByTestId('my-workshop');
    await expect.poll(() => entry.count(), POLL).toBe(1);
    expect(await entry.locator('.my-workshop-title').innerText()).toBe('Workshop di Padova');
    await entry.getByTestId('my-workshop-links').click();
    expect(await entry.getByTestId('my-workshop-link-participant').inputValue()).toBe(links.participant);
    expect(await entry.getByTestId('my-workshop-link-viewer').inputValue()).toBe(links.viewer);
    // The whole home page, the create form's chosen template included.
    expect(await seriousViolations(home.page, 'body')).toEqual([]);
    await home.page.screenshot({ path: '/tmp/tabella-my-workshops.png', fullPage: true });

    // Opening it from the list needs no link: this device kept the session.
    await entry.getByTestId('my-workshop-open').click();
    await fac.waitReady();
    await fac.startBrainstorm();
  });

  it('a lost participant link is replaced from inside the board: the old one stops working, the new one lets people join', async () => {
    const fac = new BoardPage(home.page);
    await fac.fromMenu('toolbar-links');
    const panel = fac.page.getByTestId('links-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('board-link-participant-value').inputValue()).toBe(links.participant);
    expect(await seriousViolations(fac.page, '[data-testid="links-panel"]')).toEqual([]);
    await panel.getByTestId('board-link-participant-renew').click();
    await expect.poll(() => panel.getByTestId('board-link-participant-value').inputValue(), POLL).not.toBe(links.participant);
    const fresh = await panel.getByTestId('board-link-participant-value').inputValue();
    expect(fresh).toMatch(/\/b\/[A-Za-z0-9]+#token=[A-Za-z0-9_-]+$/);
    await fac.page.screenshot({ path: '/tmp/tabella-links-panel.png' });

    const late = await session.newPage();
    await late.goto(links.participant);
    await late.getByTestId('error-screen').waitFor();
    const carla = new BoardPage(await session.newPage());
    await carla.open(fresh);
    await carla.join('Carla Bianchi', 'sales');
    await expect.poll(() => carla.page.getByTestId('phase-bar').getAttribute('data-phase'), POLL).toBe('brainstorm');

    // The home page shows the new link, not the dead one.
    await home.open(session.server.url);
    const entry = home.page.getByTestId('my-workshop');
    await entry.getByTestId('my-workshop-links').click();
    expect(await entry.getByTestId('my-workshop-link-participant').inputValue()).toBe(fresh);
  });

  it('forgetting a workshop removes it and its session from this device', async () => {
    await home.page.getByTestId('my-workshop-forget').click();
    await expect.poll(() => home.page.getByTestId('my-workshops').count(), POLL).toBe(0);
    const boardPath = new URL(links.facilitator).pathname;
    await home.page.goto(`${session.server.url}${boardPath}`);
    // No token or session kept: the bare board address is not enough any more.
    await home.page.getByTestId('error-screen').waitFor();
  });
});
