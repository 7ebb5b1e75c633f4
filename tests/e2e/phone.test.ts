import { describe, expect, it } from 'vitest';
import { PHONE, useBrowserSession } from './support/session.js';
import { HomePage, type WorkshopLinks } from './pages/HomePage.js';
import { ListPage } from './pages/ListPage.js';
import type { StageView } from './pages/BoardPage.js';

const POLL = { timeout: 15_000, interval: 100 };
const TABLET = { width: 768, height: 1024 };
const SHOTS = '/tmp/shots-phone';

/**
 * Phones and tablets as first-class (#13, part 3): on a 390x844 touch phone a
 * participant writes, edits, deletes, votes and proposes owners in the list;
 * the facilitator's spotlight and "Bring everyone here" move the list and say
 * so; every menu entry is reachable; no text is cut at 360 and 430 px. A
 * facilitator runs phases, the timer and private writing from a tablet.
 */
describe('phones and tablets', () => {
  const session = useBrowserSession({ acceptDialogs: true });
  let links: WorkshopLinks;
  let fac: ListPage;
  let carla: ListPage;
  let stages: StageView[];
  const mine = 'Marketing kit for the first visit';
  const edited = 'Marketing kit for every first visit';

  it('a participant on a phone adds a note (brought into view), edits it and deletes another', async () => {
    const home = new HomePage(await session.newPage());
    await home.open(session.server.url);
    links = await home.createWorkshop('Phones in Bologna');
    fac = new ListPage(home.page);
    await fac.open(links.facilitator);
    await fac.join('Giulia Neri', 'management');
    await fac.startBrainstorm();
    stages = await fac.stages();

    carla = new ListPage(await session.newPage(PHONE, { touch: true }));
    await carla.open(links.participant);
    await carla.join('Carla Bianchi', 'marketing');
    await carla.list.waitFor();
    const stageId = await carla.shownStageId();
    // Enough notes that a new one lands below the fold.
    for (let i = 1; i <= 5; i++) await carla.write(`Idea number ${i} for the first visit`);
    await expect.poll(() => carla.page.getByTestId('phone-note').count(), POLL).toBe(5);
    await carla.write(mine);
    const card = carla.card(mine);
    await expect.poll(() => card.getAttribute('class'), POLL).toContain('just-added');
    await expect.poll(() => carla.reachable(card.getByTestId('phone-note-text-shown')), POLL).toBe(true);
    await carla.page.screenshot({ path: `${SHOTS}/phone-390-added.png` });

    await carla.edit(mine, edited);
    await expect.poll(async () => (await fac.notes()).some((n) => n.text === edited && n.stageId === stageId), POLL).toBe(true);
    expect((await fac.notes()).some((n) => n.text === mine)).toBe(false);
    // Cancel leaves the note as it was.
    const editedCard = carla.page.locator(`[data-note-id="${await carla.card(edited).getAttribute('data-note-id')}"]`);
    await editedCard.getByTestId('phone-edit').click();
    await editedCard.getByTestId('phone-edit-text').fill('Something else');
    await editedCard.getByTestId('phone-edit-cancel').click();
    await expect.poll(() => carla.card(edited).getByTestId('phone-note-text-shown').textContent(), POLL).toBe(edited);

    // Delete asks first; "Keep it" keeps it.
    const doomed = 'Idea number 2 for the first visit';
    await carla.card(doomed).getByTestId('phone-delete').click();
    await carla.card(doomed).getByTestId('phone-delete-keep').click();
    await carla.remove(doomed);
    await expect.poll(async () => (await fac.notes()).some((n) => n.text === doomed), POLL).toBe(false);
    await expect.poll(() => carla.page.getByTestId('phone-note').count(), POLL).toBe(5);
    // Someone else's note has no Edit or Delete.
    await fac.addNote(stageId!, 'Facilitator note on pricing');
    await expect.poll(() => carla.card('Facilitator note on pricing').count(), POLL).toBe(1);
    expect(await carla.card('Facilitator note on pricing').getByTestId('phone-edit').count()).toBe(0);
    expect(await carla.card('Facilitator note on pricing').getByTestId('phone-delete').count()).toBe(0);
  });

  it('votes in the vote phase and proposes an owner in the assign phase', async () => {
    await fac.openVotingPanel();
    await fac.page.getByTestId('voting-open').click();
    await fac.setPhase('vote');
    const card = carla.card('Facilitator note on pricing');
    await expect.poll(async () => carla.dotsLeft(), POLL).toBeGreaterThan(0);
    const before = await carla.dotsLeft();
    await card.getByTestId('dot-add').click();
    await expect.poll(() => card.getByTestId('note-dots-mine').getAttribute('data-count'), POLL).toBe('1');
    await expect.poll(() => carla.dotsLeft(), POLL).toBe(before - 1);
    await carla.page.screenshot({ path: `${SHOTS}/phone-390-vote.png` });

    await fac.setPhase('assign');
    await card.getByTestId('phone-propose').selectOption('engineering');
    const noteId = (await fac.notes()).find((n) => n.text === 'Facilitator note on pricing')!.id;
    await expect.poll(() => fac.page.evaluate((id) =>
      [...(window.__tabella!.snapshot().proposalsByNote.get(id)?.values() ?? [])], noteId), POLL).toEqual(['engineering']);
    // One proposal per person: a second pick replaces the first.
    await card.getByTestId('phone-propose').selectOption('sales');
    await expect.poll(() => fac.page.evaluate((id) =>
      [...(window.__tabella!.snapshot().proposalsByNote.get(id)?.values() ?? [])], noteId), POLL).toEqual(['sales']);
  });

  it('the facilitator brings everyone to a stage: the phone list switches there and says what happened', async () => {
    const here = await carla.shownStageId();
    const target = stages.find((s) => s.segment !== stages.find((x) => x.id === here)!.segment)!;
    await fac.fromMenu('toolbar-structure');
    await fac.page.getByTestId('spotlight-stage').nth(stages.indexOf(target)).click();
    await expect.poll(() => carla.shownStageId(), POLL).toBe(target.id);
    await expect.poll(() => carla.page.getByTestId('phone-segment').evaluate((s: HTMLSelectElement) =>
      s.selectedOptions[0]!.textContent), POLL).toContain(target.segment);
    const notice = carla.page.getByTestId('phone-notice');
    await expect.poll(() => notice.textContent(), POLL).toContain(`The facilitator brought you to “${target.name}”`);
    expect(await carla.reachable(notice)).toBe(true);
    await carla.page.screenshot({ path: `${SHOTS}/phone-390-brought.png` });

    // "Bring everyone here" from the facilitator's view: the stage at the centre of their screen.
    await fac.fromMenu('toolbar-structure');
    await fac.page.getByTestId('structure-panel').waitFor({ state: 'detached' });
    const other = stages[1]!;
    // A click on its header zooms the facilitator's view to that stage (centred on it).
    await fac.page.getByTestId('toolbar-fit').click();
    const before = (await fac.page.evaluate((id) => window.__tabella!.stageRect(id), other.id))!;
    await fac.page.mouse.click(before.x + before.w / 2, before.y + 10);
    await expect.poll(async () => {
      const r = await fac.page.evaluate((id) => window.__tabella!.stageRect(id), other.id);
      return r !== undefined && r.w > before.w * 1.5;
    }, POLL).toBe(true);
    await fac.page.getByTestId('bring-everyone').click();
    const expected = await fac.page.evaluate(() => {
      const hook = window.__tabella!;
      const v = hook.view()!;
      const snap = hook.snapshot();
      const ids = snap.segments.flatMap((s) => s.stages.map((st) => st.id));
      const c = hook.worldToScreen(v.x, v.y);
      const inside = ids.find((id) => {
        const r = hook.stageRect(id)!;
        return c.x >= r.x && c.x <= r.x + r.w && c.y >= r.y && c.y <= r.y + r.h;
      });
      return inside;
    });
    expect(expected).toBeDefined();
    await expect.poll(() => carla.shownStageId(), POLL).toBe(expected);
    const name = stages.find((s) => s.id === expected)!.name;
    await expect.poll(() => notice.textContent(), POLL).toContain(name);
  });

  it('every menu entry is reachable on the phone: views, results, exports, name and language', async () => {
    await carla.page.getByTestId('toolbar-menu').click();
    const menu = carla.page.getByTestId('toolbar-menu-list');
    await menu.waitFor();
    await carla.page.screenshot({ path: `${SHOTS}/phone-390-menu.png` });
    const ids = await menu.locator('[role^="menuitem"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
    for (const id of ['mode-board', 'mode-list', 'mode-table', 'mode-roadmap', 'mode-adoption', 'toolbar-results',
      'menu-me', 'menu-language-en', 'menu-language-it']) {
      expect(ids).toContain(id);
    }
    expect(ids.some((id) => id.startsWith('export-'))).toBe(true);
    for (const id of ids) {
      const item = menu.getByTestId(id).first();
      await item.scrollIntoViewIfNeeded();
      expect(await carla.reachable(item), id).toBe(true);
    }
    await carla.page.screenshot({ path: `${SHOTS}/phone-390-menu-end.png` });
    // Each entry works: Adoption opens, then Italian from the menu.
    await carla.page.getByTestId('mode-adoption').click();
    await carla.page.getByTestId('back-to-board').waitFor();
    await carla.fromMenu('menu-language-it');
    await expect.poll(() => carla.page.getByTestId('toolbar-menu').textContent(), POLL).toContain('Menu');
    await expect.poll(() => carla.page.locator('html').getAttribute('lang'), POLL).toBe('it');
    await carla.page.getByTestId('back-to-board').click();
    await carla.list.waitFor();
    await carla.page.screenshot({ path: `${SHOTS}/phone-390-it.png` });
    await carla.fromMenu('menu-language-en');
    await expect.poll(() => carla.page.locator('html').getAttribute('lang'), POLL).toBe('en');
    await carla.page.screenshot({ path: `${SHOTS}/phone-390-en.png` });
    // On the phone the menu's Board and List are the board's two modes (the same as the toolbar switch).
    await carla.fromMenu('mode-board');
    await carla.list.waitFor({ state: 'detached' });
    expect(await carla.page.getByTestId('phone-switch').getAttribute('data-mode')).toBe('board');
    await carla.fromMenu('mode-list');
    await carla.list.waitFor();
    expect(await carla.page.getByTestId('back-to-board').count()).toBe(0);
  });

  it('no text is cut or pushed off screen in the list at 360 and 430 px, in English and Italian', async () => {
    for (const width of [360, 430]) {
      for (const lang of ['en', 'it'] as const) {
        await carla.page.setViewportSize({ width, height: 800 });
        await carla.fromMenu(`menu-language-${lang}`);
        await expect.poll(() => carla.page.locator('html').getAttribute('lang'), POLL).toBe(lang);
        await carla.list.waitFor();
        expect(await carla.overflowingTexts(), `${width} px, ${lang}`).toEqual([]);
        await carla.page.screenshot({ path: `${SHOTS}/phone-${width}-${lang}.png` });
      }
    }
    await carla.page.setViewportSize(PHONE);
  });

  it('a facilitator on a tablet (768x1024, touch) changes the phase, starts the timer and turns on private writing', async () => {
    const tab = new ListPage(await session.newPage(TABLET, { touch: true }));
    await tab.open(links.facilitator);
    await tab.join('Giulia on the tablet', 'management');
    for (const size of [TABLET, { width: 1024, height: 768 }]) {
      await tab.page.setViewportSize(size);
      for (const id of ['phase-select', 'timer-open', 'bring-everyone', 'toolbar-menu']) {
        expect(await tab.reachable(tab.page.getByTestId(id)), `${id} at ${size.width}`).toBe(true);
      }
    }
    await tab.page.setViewportSize(TABLET);
    await tab.setPhase('brainstorm');
    await expect.poll(() => carla.page.getByTestId('phase-bar').getAttribute('data-phase'), POLL).toBe('brainstorm');
    await tab.page.getByTestId('timer-open').tap();
    const five = tab.page.getByTestId('timer-preset-5');
    expect(await tab.reachable(five)).toBe(true);
    await tab.page.screenshot({ path: `${SHOTS}/tablet-768-timer.png` });
    await five.tap();
    await expect.poll(() => fac.timerEndsAt(), POLL).toBeGreaterThan(Date.now());
    const privately = tab.page.getByTestId('private-toggle');
    expect(await tab.reachable(privately)).toBe(true);
    await privately.tap();
    await expect.poll(() => fac.page.evaluate(() => window.__tabella!.snapshot().session.privateWriting), POLL).toBe(true);
    // With the timer running and private writing on (the longest phase bar), both ways up:
    // every control on screen and on top, no text cut.
    for (const size of [TABLET, { width: 1024, height: 768 }]) {
      await tab.page.setViewportSize(size);
      for (const id of ['phase-select', 'private-toggle', 'timer-pause', 'timer-extend', 'bring-everyone', 'toolbar-menu']) {
        expect(await tab.reachable(tab.page.getByTestId(id)), `${id} at ${size.width}`).toBe(true);
      }
      expect(await tab.overflowingTexts(), `${size.width} px`).toEqual([]);
      await tab.page.screenshot({ path: `${SHOTS}/tablet-${size.width}-facilitator.png` });
    }
  });
});
