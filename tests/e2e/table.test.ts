import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { LAPTOP, PHONE, useBrowserSession } from './support/session.js';
import { TablePage } from './pages/TablePage.js';
import { seedTableBoard } from './support/seed-table.js';

const POLL = { timeout: 15_000, interval: 50 };
const PROJECTOR = { width: 1920, height: 1080 };

/** Serious and critical accessibility violations inside the table view (axe-core). */
async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('[data-testid="table-view"]').analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the notes table: filter, search, bulk actions, keys, shared view, participants', () => {
  const session = useBrowserSession();
  let seeded: Awaited<ReturnType<typeof seedTableBoard>>;
  let fac: TablePage;
  let shared: string;

  it('a facilitator filters by stage and finds an accented word typed without its accent', async () => {
    seeded = await seedTableBoard(session.server.url, 300);
    fac = new TablePage(await session.newPage(PROJECTOR));
    await fac.open(seeded.board.links.facilitator);
    await fac.join('Giulia Neri', 'sales');
    await fac.openTable();
    await expect.poll(() => fac.shownCount(), POLL).toBe(300);
    // Virtualised: far fewer rows exist than notes.
    expect(await fac.rows.count()).toBeLessThan(80);
    expect(await axeProblems(fac.page)).toEqual([]);
    // Every column header reads in full on the projector and on a laptop ("Responsabile" and "Department" were cut).
    const cutHeaders = () => fac.page.$$eval('.tb-head .tb-sort', (buttons) => buttons
      .filter((b) => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > b.parentElement!.getBoundingClientRect().right + 1)
      .map((b) => b.textContent));
    expect(await cutHeaders()).toEqual([]);
    await fac.page.setViewportSize(LAPTOP);
    expect(await cutHeaders()).toEqual([]);
    await fac.page.setViewportSize(PROJECTOR);
    // The canvas's zoom controls are not drawn over the table.
    expect(await fac.page.getByTestId('toolbar-zoom-in').isVisible()).toBe(false);
    // The Menu opens over the table, and a side panel opened from it is not hidden behind the table.
    await fac.fromMenu('toolbar-results');
    await fac.page.getByTestId('results-panel').waitFor();
    expect(await fac.onTop('results-panel')).toBe(true);
    // The table gives the panel its room: the notes count at the table's right edge is still in sight.
    expect(await fac.onTop('table-count')).toBe(true);
    // With 300 notes ranked, starting the discussion is in sight, not 300 rows down the list.
    expect(await fac.onTop('discuss-start')).toBe(true);
    await fac.fromMenu('toolbar-results');
    await fac.page.getByTestId('results-panel').waitFor({ state: 'detached' });
    await fac.page.screenshot({ path: '/tmp/table-1920.png' });

    const stage = (await fac.stages())[0]!;
    await fac.filter('stage', stage.id);
    await fac.search('perche qualita');
    // Every row shown, and only those, says "Perché … qualità" (filtering is deferred: poll).
    await expect.poll(async () => {
      const texts = await fac.page.getByTestId('table-text').allTextContents();
      return texts.length > 0 && texts.length === await fac.shownCount()
        && texts.every((t) => t.includes('Perché il cliente sceglie la qualità'));
    }, POLL).toBe(true);
    expect(await fac.shownCount()).toBeLessThan(300);
    expect(fac.page.url()).toContain('view=table');
    expect(fac.page.url()).toContain(`stage=${stage.id}`);
    expect(fac.page.url()).toMatch(/q=perche(\+|%20)qualita/);
    shared = fac.page.url();
  });

  it('shift-selects, bulk-accepts, sets the responsible by typing its name, and undoes that as one step', async () => {
    await fac.page.getByTestId('table-clear-filter').click();
    await fac.search('citta');
    // Filtering is deferred (the input stays responsive): wait for the filtered rows themselves.
    await expect.poll(async () => {
      const texts = await fac.page.getByTestId('table-text').allTextContents();
      return texts.length > 2 && texts.every((t) => t.includes('città'));
    }, POLL).toBe(true);
    const ids = (await fac.renderedIds()).slice(0, 3);
    // With nothing selected, "Supporting" looks and acts disabled like the buttons beside it.
    await fac.page.getByTestId('table-bulk-supporting').click();
    expect(await fac.page.locator('details.tb-support').getAttribute('open')).toBeNull();
    expect(await fac.page.getByTestId('table-bulk-supporting').evaluate((el) => getComputedStyle(el).opacity)).toBe('0.4');
    await fac.row(ids[0]!).click();
    await fac.row(ids[2]!).click({ modifiers: ['Shift'] });
    expect(await fac.selectedCount()).toBe(3);
    expect(await fac.row(ids[1]!).getAttribute('aria-selected')).toBe('true');

    await fac.page.getByTestId('table-bulk-accept').click();
    await expect.poll(() => fac.decisions(ids), POLL).toEqual(ids.map(() => ({ status: 'accepted', responsible: '' })));
    const combo = fac.page.getByTestId('table-responsible-input');
    await combo.fill('ingegneria app');
    await expect.poll(() => combo.getAttribute('data-match')).toBe('fae');
    await combo.press('Enter');
    await expect.poll(() => fac.decisions(ids), POLL).toEqual(ids.map(() => ({ status: 'accepted', responsible: 'fae' })));
    for (const id of ids) expect(await fac.row(id).getByTestId('table-responsible').getAttribute('data-key')).toBe('fae');

    // One Ctrl+Z takes the responsible off all three notes at once, and only that: accepting was its own step.
    await fac.page.keyboard.press('Control+z');
    await expect.poll(() => fac.decisions(ids), POLL).toEqual(ids.map(() => ({ status: 'accepted', responsible: '' })));
    await fac.page.keyboard.press('Control+z');
    await expect.poll(() => fac.decisions(ids), POLL).toEqual(ids.map(() => ({ status: 'open', responsible: '' })));
  });

  it('triages with the keyboard only: j/k, accept, park, a digit for the responsible, Shift+arrows, the key list', async () => {
    await fac.page.getByTestId('table-clear-filter').click();
    await expect.poll(() => fac.shownCount(), POLL).toBe(300);
    await fac.grid.focus();
    await fac.page.keyboard.press('Escape');
    await fac.page.keyboard.press('Home');
    const start = await fac.cursorId();
    expect(start).toBe((await fac.renderedIds())[0]);
    await fac.page.keyboard.press('j');
    await fac.page.keyboard.press('j');
    await fac.page.keyboard.press('k');
    const second = (await fac.renderedIds())[1]!;
    expect(start).not.toBe(second);
    expect(await fac.cursorId()).toBe(second);
    await fac.page.keyboard.press('p');
    await expect.poll(async () => (await fac.decisions([second]))[0]!.status, POLL).toBe('parked');
    await fac.page.keyboard.press('a');
    await expect.poll(async () => (await fac.decisions([second]))[0]!.status, POLL).toBe('accepted');
    await fac.page.keyboard.press('3'); // the third department: Ingegneria
    await expect.poll(async () => (await fac.decisions([second]))[0]!.responsible, POLL).toBe('engineering');
    await fac.page.keyboard.press('Shift+ArrowDown');
    await fac.page.keyboard.press('Shift+ArrowDown');
    expect(await fac.selectedCount()).toBe(3);
    await fac.page.keyboard.press('o');
    const three = (await fac.renderedIds()).slice(1, 4);
    await expect.poll(async () => (await fac.decisions(three)).map((d) => d.status), POLL).toEqual(['open', 'open', 'open']);
    // Far down the list: the cursor row is brought into view.
    for (let i = 0; i < 40; i++) await fac.page.keyboard.press('ArrowDown');
    const cursor = await fac.cursorId();
    expect(await fac.row(cursor!).isVisible()).toBe(true);
    await fac.page.keyboard.press('?');
    await fac.page.getByTestId('table-shortcuts').waitFor();
    await fac.page.keyboard.press('Escape');
    await fac.page.getByTestId('table-shortcuts').waitFor({ state: 'detached' });
    // Enter shows the note on the board.
    await fac.grid.focus();
    await fac.page.keyboard.press('Enter');
    await fac.tableView.waitFor({ state: 'detached' });
    expect(fac.page.url()).not.toContain('view=table');
  });

  it('a shared link opens the table with the same filter', async () => {
    const other = new TablePage(await session.newPage(PROJECTOR));
    await other.open(`${shared}#token=${seeded.board.tokens.facilitator}`);
    await other.join('Marco Gallo', 'marketing');
    await other.grid.waitFor();
    expect(await other.page.getByTestId('table-search').inputValue()).toBe('perche qualita');
    const stage = new URL(shared).searchParams.get('stage')!;
    expect(await other.page.getByTestId('table-filter-stage').inputValue()).toBe(stage);
    await expect.poll(() => other.shownCount(), POLL).toBeGreaterThan(0);
    expect(other.page.url()).toContain(`stage=${stage}`);
  });

  it('a participant sees every note read-only except their own, and edits it from the table', async () => {
    const alice = new TablePage(await session.newPage());
    await alice.open(seeded.board.links.participant);
    await alice.join('Alice Rossi', 'sales');
    await expect.poll(async () => (await alice.stages()).length, POLL).toBeGreaterThan(0);
    const stage = (await alice.stages())[0]!;
    const own = await alice.addNote(stage.id, 'La mia nota sulla qualità');
    // The table on a phone: the canvas's note tools are laptop-sized, the table is not.
    await alice.page.setViewportSize(PHONE);
    await alice.openTable();
    // One way back to the board ("← Board"), not also the phone's list/board switch next to it.
    await alice.page.getByTestId('back-to-board').waitFor();
    expect(await alice.page.getByTestId('phone-switch').count()).toBe(0);
    await alice.search('mia nota');
    await alice.row(own).waitFor();
    expect(await alice.page.getByTestId('table-bulk').count()).toBe(0);
    expect(await alice.page.getByTestId('table-row-select').count()).toBe(0);
    await alice.search('');
    await expect.poll(() => alice.shownCount(), POLL).toBe(301);
    const editable = await alice.page.$$eval('[data-testid="table-row"]', (rows) =>
      rows.filter((r) => r.getAttribute('data-editable') === 'true').map((r) => r.getAttribute('data-note-id')));
    expect(editable.every((id) => id === own)).toBe(true);
    expect(await alice.page.getByTestId('table-edit-text').count()).toBeLessThanOrEqual(1);
    await alice.page.screenshot({ path: '/tmp/table-390.png' });

    // The brainstorm phase lets participants propose owners: Alice proposes one on someone else's note.
    const other = (await alice.renderedIds()).find((id) => id !== own)!;
    await alice.row(other).getByTestId('table-propose').selectOption('marketing');
    const aliceId = await alice.memberId('Alice Rossi');
    await expect.poll(() => alice.page.evaluate(([note, me]) =>
      window.__tabella!.snapshot().proposalsByNote.get(note!)?.get(me!), [other, aliceId]), POLL).toBe('marketing');

    await alice.search('mia nota');
    await alice.row(own).getByTestId('table-edit-text').click();
    const input = alice.page.getByTestId('table-text-input');
    await input.fill('La mia nota, riscritta dalla tabella');
    await input.press('Enter');
    await expect.poll(async () => (await alice.notes()).find((n) => n.id === own)?.text, POLL)
      .toBe('La mia nota, riscritta dalla tabella');
    expect(await axeProblems(alice.page)).toEqual([]);
  });
});
