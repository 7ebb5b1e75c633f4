import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './support/session.js';
import { seedTableBoard } from './support/seed-table.js';
import { TablePage } from './pages/TablePage.js';
import { DiscussPage } from './pages/DiscussPage.js';
import { RoadmapPage } from './pages/RoadmapPage.js';
import { escapeMarkdown } from '../../server/src/exports/markdown.js';

const POLL = { timeout: 20_000, interval: 100 };
const PROJECTOR = { width: 1920, height: 1080 };

/** What the facilitator's page holds: notes on stages by status (the test hook reads the model). */
async function statusCounts(page: TablePage): Promise<Record<string, number>> {
  return page.page.evaluate(() => {
    const counts: Record<string, number> = { open: 0, accepted: 0, parked: 0 };
    const snapshot = window.__tabella!.snapshot();
    for (const notes of snapshot.notesByStage.values()) for (const n of notes) counts[n.status] = (counts[n.status] ?? 0) + 1;
    return counts;
  });
}

/**
 * Day 2 of a workshop at the room's real size, driven through the UI only: an
 * Italian board with 300 notes, dots and owner proposals (seeded by real
 * providers). The facilitator parks every question in one bulk action from the
 * notes table, triages a few notes with the keyboard, walks the room through
 * the ranked notes with "Discuss next" (one click per decision; progress
 * survives a reload), and exports the booklet, whose cover and "Still to
 * decide" section count exactly the notes left open.
 */
describe('a 300-note workshop from triage to the booklet, through the UI', () => {
  const session = useBrowserSession({ acceptDialogs: true, acceptDownloads: true });

  it('triage in the table, ranked discussion, export', { timeout: 240_000 }, async () => {
    const seeded = await seedTableBoard(session.server.url, 300);
    const page = await session.newPage(PROJECTOR);
    const table = new TablePage(page);
    const discuss = new DiscussPage(page);
    const roadmap = new RoadmapPage(page);
    await table.open(seeded.board.links.facilitator);
    await table.join('Giulia Neri', 'sales');
    await expect.poll(async () => (await statusCounts(table)).open, POLL).toBe(300);

    // 1. Triage: every question parked in one bulk action.
    await table.openTable();
    await table.filter('kind', 'question');
    await expect.poll(() => table.shownCount(), POLL).toBeLessThan(300);
    const questions = await table.shownCount();
    expect(questions).toBeGreaterThan(0);
    await page.getByTestId('table-select-all').check();
    expect(await table.selectedCount()).toBe(questions);
    await page.getByTestId('table-bulk-park').click();
    await expect.poll(async () => (await statusCounts(table)).parked, POLL).toBe(questions);

    // A few by keyboard: accept and give the first department as responsible.
    // (A filter that a decision does not change, so the rows stay put under the cursor.)
    await page.getByTestId('table-clear-filter').click();
    await table.filter('kind', 'action');
    await expect.poll(() => table.shownCount(), POLL).toBeLessThan(300 - questions);
    await table.grid.focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('a');
      await page.keyboard.press('1');
      await page.keyboard.press('j');
    }
    await expect.poll(async () => (await statusCounts(table)).accepted, POLL).toBe(3);

    // 2. Ranked discussion: the Results list starts it in rank order.
    await page.getByTestId('back-to-board').click();
    await discuss.openResults();
    const ranked = await discuss.results();
    expect(ranked.length).toBeGreaterThan(100);
    expect(ranked[0]!.rank).toBe(1);
    expect(ranked.some((r) => r.tied)).toBe(true);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.votes!).toBeLessThanOrEqual(ranked[i - 1]!.votes!);
    // The agenda: notes with dots still open, most dots first.
    const open = new Set(await page.evaluate(() => [...window.__tabella!.snapshot().notesById.values()]
      .filter((n) => n.status === 'open').map((n) => n.id)));
    await page.getByTestId('discuss-start').click();
    await discuss.overlay().waitFor();
    expect(await discuss.currentNoteId()).toBe(ranked.find((r) => r.votes! > 0 && open.has(r.id))!.id);

    // One click per decision: accept, accept, park.
    const decided: string[] = [];
    for (const action of ['discuss-accept', 'discuss-accept', 'discuss-park']) {
      const current = (await discuss.currentNoteId())!;
      decided.push(current);
      await page.getByTestId(action).click();
      await expect.poll(() => discuss.currentNoteId(), POLL).not.toBe(current);
    }
    await expect.poll(() => discuss.progressText(), POLL).toMatch(/^3 /);
    const decisions = await table.decisions(decided);
    expect(decisions.map((d) => d.status)).toEqual(['accepted', 'accepted', 'parked']);
    await page.screenshot({ path: '/tmp/tabella-300-discuss.png' });

    // Progress survives a reload.
    await page.reload();
    await table.waitReady();
    await discuss.overlay().waitFor();
    await expect.poll(() => discuss.progressText(), POLL).toMatch(/^3 /);
    await page.getByTestId('discuss-stop').click();
    await discuss.overlay().waitFor({ state: 'detached' });

    // 3. The booklet: the cover and "Still to decide" count exactly the open notes.
    const counts = await statusCounts(table);
    expect(counts.accepted).toBe(5);
    expect(counts.parked).toBe(questions + 1);
    expect(counts.open).toBe(300 - questions - 6);
    const md = (await roadmap.exportFile('export-roadmap.md')).body.toString('utf8');
    expect(md).toContain(`**Azioni:** ${counts.accepted}`);
    expect(md).toMatch(new RegExp(`Ancora da decidere[^\\n]*:\\*\\* ${counts.open}`));
    expect(md).toContain('## <a id="still-to-decide"></a>Ancora da decidere');
    const acceptedTexts = await page.evaluate(() => [...window.__tabella!.snapshot().notesById.values()]
      .filter((n) => n.status === 'accepted').map((n) => n.text));
    expect(acceptedTexts).toHaveLength(5);
    for (const text of acceptedTexts) expect(md).toContain(escapeMarkdown(text));
  });
});
