import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './support/session.js';
import { HomePage, type WorkshopLinks } from './pages/HomePage.js';
import { BoardPage } from './pages/BoardPage.js';

const POLL = { timeout: 15_000, interval: 100 };

describe('workshop collaboration in two browsers', () => {
  const session = useBrowserSession();
  const newPage = session.newPage;
  let links: WorkshopLinks;

  it('creates a workshop from the home page and shows the three links', async () => {
    const page = await newPage();
    const home = new HomePage(page);
    await home.open(session.server.url);
    await page.screenshot({ path: '/tmp/tabella-home.png' });
    links = await home.createWorkshop('Vision workshop Milano');
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      expect(links[role]).toMatch(/\/b\/[A-Za-z0-9]+#token=[A-Za-z0-9_-]+$/);
    }
    await page.screenshot({ path: '/tmp/tabella-home-links.png' });
    await home.startBrainstorm(links);
  });

  it('shares notes, edits, moves and cursors between two participants, and keeps them after a reload', async () => {
    const alice = new BoardPage(await newPage());
    const bruno = new BoardPage(await newPage());
    await alice.open(links.participant);
    await alice.join('Alice Rossi', 'sales');
    await bruno.open(links.participant);
    await bruno.join('Bruno Verdi');

    await expect.poll(() => alice.onlineCount(), POLL).toBe(2);
    const stages = await alice.stages();
    expect(stages.length).toBeGreaterThan(2);
    const [first, second] = stages as [typeof stages[0], typeof stages[0]];

    // Created in one, appears in the other.
    const id = await alice.addNote(first.id, 'Invite an application engineer to the first meeting');
    await expect.poll(async () => (await bruno.notes()).find((n) => n.id === id)?.text, POLL)
      .toBe('Invite an application engineer to the first meeting');

    // Someone else's note cannot be edited by a participant: no editor opens.
    const r0 = await bruno.page.evaluate((nid) => window.__tabella!.noteRect(nid), id);
    await bruno.page.mouse.dblclick(r0!.x + r0!.w / 2, r0!.y + r0!.h / 2);
    expect(await bruno.page.getByTestId('note-editor').count()).toBe(0);
    await bruno.page.keyboard.press('Escape');

    // Edited by its author, appears in the other.
    await alice.editNote(id, 'Bring an application engineer to the first customer meeting');
    await expect.poll(async () => (await bruno.notes()).find((n) => n.id === id)?.text, POLL)
      .toBe('Bring an application engineer to the first customer meeting');

    // Moved to another stage by dragging.
    await alice.dragNoteToStage(id, second.id);
    await expect.poll(async () => (await alice.notes()).find((n) => n.id === id)?.stageId, POLL).toBe(second.id);
    await expect.poll(async () => (await bruno.notes()).find((n) => n.id === id)?.stageId, POLL).toBe(second.id);

    // A cursor of one shows in the other, with the name label.
    await alice.hoverStage(first.id);
    await expect.poll(async () => (await bruno.remoteCursors()).map((c) => c.name), POLL).toContain('Alice Rossi');

    // Proposed owner: one per person, the author too (a second pick replaces the first), shown in the other.
    const r = await alice.page.evaluate((nid) => window.__tabella!.noteRect(nid), id);
    await alice.page.mouse.click(r!.x + r!.w / 2, r!.y + r!.h / 2);
    await alice.page.getByTestId('propose-owner-engineering').click();
    await alice.page.getByTestId('propose-owner-sales').click();
    await alice.page.getByTestId('note-kind-bestPractice').click();
    await expect.poll(async () => (await bruno.notes()).find((n) => n.id === id)?.kind, POLL).toBe('best practice');
    await expect.poll(() => bruno.page.evaluate((nid) =>
      [...(window.__tabella!.snapshot().proposalsByNote.get(nid) ?? new Map<string, string>()).values()], id), POLL).toEqual(['sales']);
    expect(await alice.page.getByTestId('propose-owner-sales').getAttribute('aria-pressed')).toBe('true');
    expect(await alice.page.getByTestId('propose-owner-engineering').getAttribute('aria-pressed')).toBe('false');

    await alice.page.screenshot({ path: '/tmp/tabella-board-laptop.png' });
    await bruno.page.getByTestId('participants-toggle').click();
    await bruno.page.getByTestId('participants-panel').waitFor();
    await bruno.page.screenshot({ path: '/tmp/tabella-board-laptop-people.png' });
    // Alice, Bruno and the facilitator who started the brainstorm (offline now): everyone who joined.
    expect(await bruno.page.getByTestId('participant').count()).toBe(3);

    // Delete with the keyboard removes a selected note everywhere.
    const doomed = await alice.addNote(first.id, 'Temporary note');
    await expect.poll(async () => (await bruno.notes()).some((n) => n.id === doomed), POLL).toBe(true);
    const d = await alice.page.evaluate((nid) => window.__tabella!.noteRect(nid), doomed);
    await alice.page.mouse.click(d!.x + d!.w / 2, d!.y + d!.h / 2);
    await alice.page.keyboard.press('Delete');
    await expect.poll(async () => (await bruno.notes()).some((n) => n.id === doomed), POLL).toBe(false);

    // A reload keeps everything (note, identity, token).
    await bruno.page.reload();
    await bruno.waitReady();
    await expect.poll(async () => (await bruno.notes()).find((n) => n.id === id), POLL).toMatchObject({
      text: 'Bring an application engineer to the first customer meeting',
      stageId: second.id,
    });
  });

  it('works on a phone: adding a note with the big button', async () => {
    const phone = new BoardPage(await newPage({ width: 390, height: 844 }));
    await phone.open(links.participant);
    await phone.page.screenshot({ path: '/tmp/tabella-join-phone.png' });
    await phone.join('Carla Bianchi', 'marketing');
    await phone.page.screenshot({ path: '/tmp/tabella-board-phone.png' });
    const before = (await phone.notes()).length;
    // Participants on a phone start in the list view; this test is about the canvas.
    await phone.page.getByTestId('phone-switch').click();
    await phone.page.getByTestId('fab-add-note').click();
    const editor = phone.page.getByTestId('note-editor');
    await editor.fill('Share the roadmap booklet with every rep');
    await phone.page.screenshot({ path: '/tmp/tabella-board-phone-editing.png' });
    await phone.page.getByTestId('note-editor-save').click();
    await expect.poll(async () => (await phone.notes()).length, POLL).toBe(before + 1);
    await phone.page.screenshot({ path: '/tmp/tabella-board-phone-after.png' });
  });

  it('refuses a wrong token and an unknown board with the same clear message', async () => {
    // The server does not say which of the two it is (docs/security.md), so neither does the page.
    const wrongToken = links.viewer.replace(/token=.*/, 'token=' + 'x'.repeat(43));
    const unknownBoard = links.viewer.replace(/\/b\/[A-Za-z0-9]+/, '/b/' + 'Z'.repeat(16));
    const unknownForm = links.viewer.replace(/\/b\/[A-Za-z0-9]+/, '/c/' + 'Z'.repeat(16));
    const seen: { kind: string | null; text: string }[] = [];
    for (const url of [wrongToken, unknownBoard, unknownForm]) {
      const page = await newPage();
      await page.goto(url);
      const screen = page.getByTestId('error-screen');
      await screen.waitFor();
      seen.push({ kind: await screen.getAttribute('data-kind'), text: await screen.locator('h1').innerText() });
    }
    expect(seen).toEqual(Array(3).fill({ kind: 'invalidLink', text: 'This link is not valid or the board no longer exists' }));
  });
});
