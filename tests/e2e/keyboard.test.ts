import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session.js';
import { HomePage, type WorkshopLinks } from './pages/HomePage.js';
import { BoardPage } from './pages/BoardPage.js';

const POLL = { timeout: 15_000, interval: 100 };
const SHOTS = '/tmp/shots-keys';

/** The test id of the element with the keyboard focus (or its tag when it has none). */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.tagName.toLowerCase() ?? null;
  });
}

function said(page: Page): Promise<string> {
  return page.getByTestId('board-announcer').innerText();
}

/**
 * The whole note-writing loop of the workshop with the keyboard only: Tab to
 * the canvas, arrows between stages and notes (said in a live region), N to
 * write, Ctrl+Enter to save (the focus comes back to the new note), Enter to
 * edit, Escape to cancel, Delete for one's own note only, ? for the keys,
 * Escape to leave. The keyboard person never uses the mouse.
 */
describe('the board with the keyboard only', () => {
  const session = useBrowserSession();
  let links: WorkshopLinks;

  it('writes, edits and deletes a note, and finds the list of keys, without a mouse', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const home = new HomePage(await session.newPage());
    await home.open(session.server.url);
    links = await home.createWorkshop('Keyboard workshop');
    await home.startBrainstorm(links);

    const board = new BoardPage(await session.newPage());
    await board.open(links.participant);
    await board.join('Kim Tastiera', 'sales');
    const { page } = board;
    await expect.poll(async () => (await board.stages()).length, POLL).toBeGreaterThan(1);
    const stages = await board.stages();
    const [first, second] = stages;
    if (!first || !second) throw new Error('the template has stages');

    // Tab reaches the canvas region, named and described.
    let tabs = 0;
    while ((await focused(page)) !== 'board-canvas' && tabs < 60) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(await focused(page)).toBe('board-canvas');
    const canvas = page.getByTestId('board-canvas');
    expect(await canvas.getAttribute('aria-label')).toBe('Board: stages and notes');
    const hintId = await canvas.getAttribute('aria-describedby');
    expect(await page.locator(`#${hintId}`).innerText()).toContain('Arrow keys move between stages and notes');
    await expect.poll(() => said(page), POLL).toContain(`Stage ${first.name}, 1 of`);

    // Right arrow: the next stage. N: a new note there, typed and saved with Ctrl+Enter.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => said(page), POLL).toContain(`Stage ${second.name}, 2 of`);
    await page.keyboard.press('n');
    await expect.poll(() => focused(page), POLL).toBe('note-editor');
    await page.keyboard.type('Call back within a day');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('note-editor').waitFor({ state: 'detached' });
    await expect.poll(() => board.notes(), POLL).toEqual([expect.objectContaining({ text: 'Call back within a day', stageId: second.id })]);
    // The focus is back on the board, on the new note.
    await expect.poll(() => focused(page), POLL).toBe('board-canvas');
    await expect.poll(() => said(page), POLL).toBe(`Note 1 of 1 in ${second.name}: Call back within a day`);
    await page.screenshot({ path: `${SHOTS}/board-keyboard-focus-1440x900.png` });

    // Up to the stage, down to the note again; Enter edits; Escape cancels the edit.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => said(page), POLL).toContain(`Stage ${second.name}`);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => said(page), POLL).toContain('Note 1 of 1');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), POLL).toBe('note-editor');
    await page.keyboard.type(' and never lose it');
    await page.keyboard.press('Escape');
    await page.getByTestId('note-editor').waitFor({ state: 'detached' });
    await expect.poll(() => focused(page), POLL).toBe('board-canvas');
    expect((await board.notes())[0]?.text).toBe('Call back within a day');

    // Enter again, this time saved.
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), POLL).toBe('note-editor');
    await page.keyboard.type(', by phone');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await board.notes())[0]?.text, POLL).toBe('Call back within a day, by phone');
    await expect.poll(() => focused(page), POLL).toBe('board-canvas');

    // Someone else's note in the same stage: Delete leaves it there.
    const other = new BoardPage(await session.newPage());
    await other.open(links.participant);
    await other.join('Olga Altri', 'support');
    const theirs = await other.addNote(second.id, 'Not yours to delete');
    await expect.poll(async () => (await board.notes()).length, POLL).toBe(2);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => said(page), POLL).toBe(`Note 2 of 2 in ${second.name}: Not yours to delete`);
    await page.keyboard.press('Delete');
    await expect.poll(() => said(page), POLL).toContain('someone else');
    expect((await board.notes()).map((n) => n.id)).toContain(theirs);

    // Our own note: Delete removes it, and the focus stays on the board.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => said(page), POLL).toContain('Note 1 of 2');
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await board.notes()).map((n) => n.text), POLL).toEqual(['Not yours to delete']);
    await expect.poll(() => said(page), POLL).toBe('Note deleted.');
    expect(await focused(page)).toBe('board-canvas');

    // ? opens the list of keys (its button has the focus); ? again closes it, back to the board.
    await page.keyboard.press('?');
    await page.getByTestId('board-shortcuts').waitFor();
    expect(await focused(page)).toBe('board-shortcuts-close');
    expect(await page.getByTestId('board-shortcuts').innerText()).toContain('New note in the stage');
    await page.screenshot({ path: `${SHOTS}/board-shortcut-list-1440x900.png` });
    await page.keyboard.press('?');
    await page.getByTestId('board-shortcuts').waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('board-canvas');

    // Escape leaves the board.
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page), POLL).not.toBe('board-canvas');
  });
});

/**
 * Konva warned "Pointer position is missing" for every note drawn while the
 * mouse was not over the canvas (over the toolbar, say): 100+ lines per page.
 */
describe('a session with the mouse', () => {
  const session = useBrowserSession();

  it('logs no Konva pointer warnings while notes are written, and the view changes from the toolbar', async () => {
    const home = new HomePage(await session.newPage());
    await home.open(session.server.url);
    const links = await home.createWorkshop('Mouse workshop');
    await home.startBrainstorm(links);
    const board = new BoardPage(await session.newPage());
    const warnings: string[] = [];
    board.page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await board.open(links.participant);
    await board.join('Marta Mouse', 'sales');
    await expect.poll(async () => (await board.stages()).length, POLL).toBeGreaterThan(4);
    const stages = await board.stages();
    await board.addNote(stages[0]!.id, 'Mine, written with the mouse');
    // The pointer rests on the toolbar while someone else's notes arrive and are drawn.
    await board.page.getByTestId('toolbar-fit').hover();
    const other = new BoardPage(await session.newPage());
    await other.open(links.participant);
    await other.join('Nico Altri', 'support');
    for (const stage of stages.slice(1, 4)) await other.addNote(stage.id, `Theirs in ${stage.name}`);
    await expect.poll(async () => (await board.notes()).length, POLL).toBe(4);
    await board.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(warnings.filter((w) => w.includes('Pointer position is missing'))).toEqual([]);

    // While Marta drags her note, Nico sees her cursor move with it (it used to freeze until the drop).
    const mine = (await board.notes()).find((n) => n.text === 'Mine, written with the mouse')!;
    const from = await board.page.evaluate((id) => window.__tabella!.noteRect(id), mine.id);
    const to = await board.page.evaluate((id) => window.__tabella!.stageRect(id), stages[4]!.id);
    if (!from || !to) throw new Error('note and stage are laid out');
    const cursorX = async () => (await other.remoteCursors()).find((c) => c.name === 'Marta Mouse')?.x;
    const mouse = board.page.mouse;
    await mouse.move(from.x + from.w / 2, from.y + from.h / 2);
    await expect.poll(cursorX, POLL).toBeDefined();
    const start = (await cursorX())!;
    await mouse.down();
    for (let i = 1; i <= 10; i++) await mouse.move(from.x + from.w / 2 + ((to.x + to.w / 2 - from.x - from.w / 2) * i) / 10, from.y + from.h / 2, { steps: 2 });
    // Still dragging: the remote cursor has moved most of the way.
    await expect.poll(async () => ((await cursorX()) ?? start) - start, POLL).toBeGreaterThan((to.x - from.x) / (await zoom(board)) * 0.5);
    await mouse.up();
    await expect.poll(async () => (await board.notes()).find((n) => n.id === mine.id)?.stageId, POLL).toBe(stages[4]!.id);
  });
});

/** Screen pixels per board unit on this page. */
function zoom(board: BoardPage): Promise<number> {
  return board.page.evaluate(() => {
    const a = window.__tabella!.worldToScreen(0, 0);
    const b = window.__tabella!.worldToScreen(100, 0);
    return (b.x - a.x) / 100;
  });
}
