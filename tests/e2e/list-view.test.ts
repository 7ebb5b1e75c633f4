import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { LAPTOP, useBrowserSession } from './support/session.js';
import { HomePage, type WorkshopLinks } from './pages/HomePage.js';
import { ListPage } from './pages/ListPage.js';

const POLL = { timeout: 15_000, interval: 100 };

/**
 * The List view on a laptop (#13, part 4): the phone list at any width, chosen
 * in the menu and kept in the address, usable with the keyboard alone, free of
 * serious axe violations, and telling a screen reader politely what others
 * changed (never what we changed ourselves).
 */
describe('the list view on a laptop', () => {
  const session = useBrowserSession();
  let links: WorkshopLinks;
  let fac: ListPage;
  let alice: ListPage;

  it('is a view in the menu, kept in the address, a readable column with a main landmark and a heading', async () => {
    const home = new HomePage(await session.newPage());
    await home.open(session.server.url);
    links = await home.createWorkshop('List view in Verona');
    fac = new ListPage(home.page);
    await fac.open(links.facilitator);
    await fac.join('Giulia Neri', 'management');
    await fac.startBrainstorm();

    alice = new ListPage(await session.newPage(LAPTOP));
    await alice.open(links.participant);
    await alice.join('Alice Rossi', 'sales');
    expect(await alice.list.count()).toBe(0);
    await alice.fromMenu('mode-list');
    await alice.list.waitFor();
    expect(new URL(alice.page.url()).searchParams.get('view')).toBe('list');
    expect(await alice.page.locator('main[data-testid="phone-view"]').count()).toBe(1);
    const column = await alice.page.locator('.phone-column').boundingBox();
    expect(column!.width).toBeLessThanOrEqual(720);
    await expect.poll(() => alice.page.getByRole('heading', { level: 2 }).first().textContent(), POLL).toMatch(/^Notes in /);
    // A reload opens the list again.
    await alice.page.reload();
    await alice.waitReady();
    await alice.list.waitFor();
  });

  it('works with the keyboard alone: stages by arrow keys, write, edit', async () => {
    await alice.page.locator('body').click({ position: { x: 5, y: 300 } });
    const first = await alice.shownStageId();
    expect(await alice.tabTo('phone-stage')).toBe(true);
    await alice.page.keyboard.press('ArrowRight');
    const second = await alice.shownStageId();
    expect(second).not.toBe(first);
    expect(await alice.page.evaluate(() => document.activeElement?.getAttribute('data-stage-id'))).toBe(second);

    expect(await alice.tabTo('phone-note-text')).toBe(true);
    await alice.page.keyboard.type('Call every lead within a day');
    expect(await alice.tabTo('phone-add')).toBe(true);
    await alice.page.keyboard.press('Enter');
    await expect.poll(async () => (await fac.notes()).find((n) => n.text === 'Call every lead within a day')?.stageId, POLL).toBe(second);
    // Our own note is never announced to us.
    expect(await alice.announced()).toBe('');

    expect(await alice.tabTo('phone-edit')).toBe(true);
    await alice.page.keyboard.press('Enter');
    await expect.poll(() => alice.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), POLL).toBe('phone-edit-text');
    await alice.page.keyboard.press('End');
    await alice.page.keyboard.type(' or two');
    expect(await alice.tabTo('phone-edit-save', 3)).toBe(true);
    await alice.page.keyboard.press('Enter');
    await expect.poll(async () => (await fac.notes()).some((n) => n.text === 'Call every lead within a day or two'), POLL).toBe(true);
    // Focus is back on the note's Edit button.
    await expect.poll(() => alice.page.evaluate(() => document.activeElement?.getAttribute('data-testid')), POLL).toBe('phone-edit');
    expect(await alice.announced()).toBe('');
  });

  it("announces another person's notes politely in the live region", async () => {
    const stageId = (await alice.shownStageId())!;
    const stageName = (await fac.stages()).find((s) => s.id === stageId)!.name;
    const region = alice.page.getByTestId('list-announcer');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    await fac.addNote(stageId, 'A price list for resellers');
    await expect.poll(() => alice.announced(), POLL).toBe(`New note by Giulia Neri in ${stageName}.`);
    await alice.page.screenshot({ path: '/tmp/shots-phone/list-view-1440.png' });
  });

  it('has no serious or critical accessibility violations', async () => {
    const result = await new AxeBuilder({ page: alice.page }).include('[data-testid="phone-view"]').include('[data-testid="toolbar"]').analyze();
    const problems = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(problems).toEqual([]);
  });
});
