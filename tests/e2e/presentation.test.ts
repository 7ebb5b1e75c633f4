import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { DrawnText } from '../../client/src/board-screen/testHook.js';
import type { Rect } from '../../client/src/board-base/layout.js';
import { LAPTOP, useBrowserSession } from './support/session.js';
import { seedTableBoard } from './support/seed-table.js';
import { BoardPage } from './pages/BoardPage.js';
import { JoinScreen } from './pages/JoinPage.js';

const POLL = { timeout: 20_000, interval: 100 };
const PROJECTOR = { width: 1920, height: 1080 };
/** Readable from the back of a room. */
const MIN_PX = 14;
const SHOTS = '/tmp/shots-projector';

/** Serious and critical accessibility violations on the page (axe-core). */
async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const texts = (page: Page) => page.evaluate(() => window.__tabella!.texts());
const centreIn = (t: DrawnText, r: Rect) => {
  const x = t.rect.x + t.rect.w / 2;
  const y = t.rect.y + t.rect.h / 2;
  return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
};
const plain = (s: string) => s.replace(/…$/, '').replace(/\s+/g, ' ').trim();

/**
 * What a screen shows of each stage, computed from the Konva texts on it:
 * every text's on-screen size, and per stage its note count and whether some
 * of its notes' text is readable there.
 */
async function readability(page: Page) {
  const drawn = await texts(page);
  const board = await page.evaluate(() => {
    const s = window.__tabella!.snapshot();
    return s.segments.flatMap((seg) => seg.stages.map((st) => ({
      id: st.id, name: st.name, rect: window.__tabella!.stageRect(st.id)!,
      notes: (s.notesByStage.get(st.id) ?? []).map((n) => n.text),
    })));
  });
  const small = drawn.filter((t) => t.px < MIN_PX).map((t) => `${t.text.slice(0, 30)}: ${t.px.toFixed(1)} px`);
  const stages = board.map((st) => {
    const inside = drawn.filter((t) => centreIn(t, st.rect));
    const count = inside.map((t) => /^(\d+) (note|notes|nota)$/.exec(t.text)?.[1]).find(Boolean);
    const noteTexts = inside.filter((t) => {
      const shown = plain(t.text);
      return shown.length >= 8 && st.notes.some((n) => plain(n).startsWith(shown));
    });
    return { name: st.name, count: count === undefined ? undefined : Number(count), expected: st.notes.length,
      noteTexts: noteTexts.length, insideColumn: inside.every((t) => t.rect.x >= st.rect.x - 1 && t.rect.x + t.rect.w <= st.rect.x + st.rect.w + 1) };
  });
  return { drawn: drawn.length, small, stages };
}

describe('the projector: a 300-note board readable at "Fit", and presentation mode', () => {
  const session = useBrowserSession();

  it('at Fit on a 1920x1080 projector every text is at least 14 px and each stage shows its count and notes', { timeout: 180_000 }, async () => {
    const seeded = await seedTableBoard(session.server.url, 300);
    const fac = new BoardPage(await session.newPage(PROJECTOR));
    await fac.open(seeded.board.links.facilitator);
    await fac.join('Giulia Neri', 'sales');
    await expect.poll(() => fac.page.evaluate(() => window.__tabella!.snapshot().notesById.size), POLL).toBe(300);

    await fac.page.getByTestId('toolbar-fit').click();
    await expect.poll(async () => (await readability(fac.page)).drawn, POLL).toBeGreaterThan(30);
    const atFit = await readability(fac.page);
    await fac.page.screenshot({ path: `${SHOTS}/projector-fit-300.png` });
    expect(atFit.small).toEqual([]);
    expect(atFit.stages).toHaveLength(15);
    for (const st of atFit.stages) {
      expect(st, st.name).toMatchObject({ count: st.expected, insideColumn: true });
      expect(st.noteTexts, st.name).toBeGreaterThan(0);
    }

    // Presentation mode from the menu: no editing chrome; the phase, its prompt; still readable.
    await fac.fromMenu('toolbar-present');
    await fac.page.getByTestId('presentation-bar').waitFor();
    expect(await fac.page.getByTestId('toolbar').count()).toBe(0);
    expect(await fac.page.getByTestId('phase-bar').count()).toBe(0);
    expect(await fac.page.getByTestId('fab-add-note').count()).toBe(0);
    expect(await fac.page.getByTestId('presentation-join-slot').count()).toBe(1);
    expect(await fac.page.getByTestId('presentation-phase').textContent()).not.toBe('');
    expect(fac.page.url()).toContain('present=1');
    await expect.poll(async () => (await readability(fac.page)).drawn, POLL).toBeGreaterThan(30);
    const presenting = await readability(fac.page);
    expect(presenting.small).toEqual([]);
    await fac.page.screenshot({ path: `${SHOTS}/projector-presentation-fac.png` });
    // Escape leaves it: the tools are back.
    await fac.page.keyboard.press('Escape');
    await fac.page.getByTestId('toolbar').waitFor();
    expect(fac.page.url()).not.toContain('present=1');

    // The facilitator gives the board a join code (its Join screen), so the projector shows it.
    const joinScreen = new JoinScreen(fac.page);
    await joinScreen.open();
    const code = await joinScreen.code();
    await fac.page.getByTestId('join-screen-close').click();

    // A viewer link with ?present=1 on the projector follows the facilitator's view.
    const viewerLink = seeded.board.links.viewer.replace('#', '?present=1#');
    const projector = new BoardPage(await session.newPage(PROJECTOR));
    await projector.open(viewerLink);
    await projector.waitReady();
    await projector.page.getByTestId('presentation-bar').waitFor();
    // While joining is open its QR code and code sit in a corner of the projector.
    await expect.poll(() => projector.page.getByTestId('presentation-join-code').textContent(), POLL).toBe(code);
    await projector.page.getByTestId('join-qr').waitFor({ state: 'visible' });
    const stages = await fac.stages();
    await fac.page.getByTestId('toolbar-fit').click();
    // The facilitator looks at one stage (a click on its header zooms there).
    const target = stages[7]!;
    const r = (await fac.page.evaluate((id) => window.__tabella!.stageRect(id), target.id))!;
    await fac.page.mouse.click(r.x + r.w / 2, r.y + 10);
    await expect.poll(async () => {
      const s = await fac.page.evaluate((id) => window.__tabella!.stageRect(id), target.id);
      return s !== undefined && s.w > r.w * 2;
    }, POLL).toBe(true);
    await expect.poll(async () => {
      const [a, b] = [await fac.view(), await projector.view()];
      return a !== undefined && b !== undefined && Math.abs(a.x - b.x) < 40 && Math.abs(a.y - b.y) < 40;
    }, POLL).toBe(true);
    await expect.poll(async () => (await texts(projector.page)).some((t) => t.text.includes(target.name.slice(0, 8))), POLL).toBe(true);
    await projector.page.screenshot({ path: `${SHOTS}/projector-presentation-viewer-stage.png` });
    await fac.page.getByTestId('toolbar-fit').click();
    await expect.poll(async () => (await readability(projector.page)).stages.filter((s) => s.count !== undefined).length, POLL)
      .toBeGreaterThan(10);
    expect((await readability(projector.page)).small).toEqual([]);
    await projector.page.screenshot({ path: `${SHOTS}/projector-presentation-viewer-fit.png` });
    expect(await axeProblems(projector.page)).toEqual([]);
  });

  it('a laptop zooms by steps and shows a minimap of the large board', { timeout: 120_000 }, async () => {
    const seeded = await seedTableBoard(session.server.url, 300);
    const fac = new BoardPage(await session.newPage(LAPTOP));
    await fac.open(seeded.board.links.facilitator);
    await fac.join('Marco Riva', 'sales');
    await fac.page.getByTestId('toolbar-fit').click();
    await expect.poll(async () => (await texts(fac.page)).length, POLL).toBeGreaterThan(30);
    // The whole board in view: no minimap needed yet.
    expect(await fac.page.getByTestId('minimap').count()).toBe(0);
    expect((await readability(fac.page)).small).toEqual([]);
    await fac.page.screenshot({ path: `${SHOTS}/laptop-fit-300.png` });
    const zoom = async () => fac.page.getByTestId('zoom-level').textContent();
    const seen: (string | null)[] = [];
    while (seen.length < 10 && seen.at(-1) !== '100%') {
      await fac.page.getByTestId('toolbar-zoom-in').click();
      seen.push(await zoom());
    }
    expect(seen.slice(-5)).toEqual(['33%', '50%', '67%', '80%', '100%']);
    await fac.page.getByTestId('minimap').waitFor();
    await fac.page.screenshot({ path: `${SHOTS}/laptop-100-300.png` });
    // One Ctrl+wheel notch: one step.
    const canvas = (await fac.page.getByTestId('board-canvas').boundingBox())!;
    await fac.page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await fac.page.keyboard.down('Control');
    await fac.page.mouse.wheel(0, 100);
    await fac.page.keyboard.up('Control');
    await expect.poll(zoom, POLL).toBe('80%');
    // The minimap moves the view: a click on its bottom-right corner shows the end of the board.
    const before = (await fac.view())!;
    const map = (await fac.page.getByTestId('minimap').boundingBox())!;
    await fac.page.mouse.click(map.x + map.width - 4, map.y + map.height - 4);
    await expect.poll(async () => (await fac.view())!.y, POLL).toBeGreaterThan(before.y + 500);
  });
});
