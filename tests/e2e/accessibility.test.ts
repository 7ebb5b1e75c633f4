import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LAPTOP, useBrowserSession } from './support/session.js';
import { HomePage } from './pages/HomePage.js';
import { BoardPage } from './pages/BoardPage.js';
import { RoadmapPage } from './pages/RoadmapPage.js';
import { TablePage } from './pages/TablePage.js';
import { CommitmentFormPage, FeedbackFormPage } from './pages/FormsPage.js';
import { exampleBackup } from './support/example-backup.js';

const SHOTS = '/tmp/shots-keys';

/** axe-core's serious and critical violations on the whole page, each with the elements it found (printed when a test fails). */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 6).map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`).join('\n')}`);
}

/**
 * Every page of a workshop, each role's board included, checked with axe-core
 * on the example workshop after a session (notes, owners, votes, a
 * commitment, feedback): no serious or critical violation. And two stacking
 * bugs: the toolbar Menu over the roadmap and adoption views, the timer's
 * popover over an open side panel.
 */
describe('accessibility of every page (axe-core)', () => {
  const session = useBrowserSession();
  let links: { facilitator: string; participant: string; viewer: string };
  let fac: RoadmapPage;

  it('home', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const home = new HomePage(await session.newPage());
    await home.open(session.server.url);
    expect(await seriousViolations(home.page)).toEqual([]);
    const res = await fetch(`${session.server.url}/api/boards`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ backup: exampleBackup('en') }),
    });
    expect(res.status).toBe(201);
    links = ((await res.json()) as { links: typeof links }).links;
  });

  it('the board for the facilitator, a participant and a viewer', async () => {
    fac = new RoadmapPage(await session.newPage(LAPTOP));
    await fac.open(links.facilitator);
    await fac.join('Giulia Rossi', 'sales');
    expect(await seriousViolations(fac.page)).toEqual([]);

    const participant = new BoardPage(await session.newPage(LAPTOP));
    await participant.open(links.participant);
    await participant.join('Paolo Verdi', 'fae');
    expect(await seriousViolations(participant.page)).toEqual([]);

    const viewer = new BoardPage(await session.newPage(LAPTOP));
    await viewer.open(links.viewer);
    await viewer.waitReady();
    expect(await seriousViolations(viewer.page)).toEqual([]);
  });

  it('the timer popover opens over an open side panel', async () => {
    await fac.openPeople();
    await fac.page.getByTestId('timer-open').click();
    await fac.page.getByTestId('timer-popover').waitFor();
    expect(await fac.onTop('timer-popover')).toBe(true);
    await fac.page.screenshot({ path: `${SHOTS}/timer-over-panel-1440x900.png` });
    expect(await seriousViolations(fac.page)).toEqual([]);
    await fac.page.getByTestId('timer-custom').press('Escape');
    await fac.page.getByTestId('timer-popover').waitFor({ state: 'detached' });
    await fac.page.getByTestId('participants-toggle').click();
  });

  it('the table', async () => {
    const table = new TablePage(fac.page);
    await table.openTable();
    expect(await seriousViolations(fac.page)).toEqual([]);
  });

  it('the roadmap and adoption views, with the Menu over them', async () => {
    await fac.showMode('roadmap');
    await fac.page.getByTestId('roadmap-warnings').waitFor();
    expect(await seriousViolations(fac.page)).toEqual([]);
    // The responsibility matrix scrolls with the keyboard: a focusable, named region.
    const matrix = fac.page.getByTestId('roadmap-matrix-scroll');
    expect(await matrix.getAttribute('tabindex')).toBe('0');
    expect(await matrix.getAttribute('aria-label')).toBeTruthy();
    await fac.page.getByTestId('toolbar-menu').click();
    await fac.page.getByTestId('toolbar-menu-list').waitFor();
    expect(await fac.onTop('toolbar-menu-list')).toBe(true);
    expect(await fac.onTop('mode-adoption')).toBe(true);
    await fac.page.screenshot({ path: `${SHOTS}/roadmap-menu-open-1440x900.png` });
    await fac.page.getByTestId('mode-adoption').click();
    await fac.page.getByTestId('adoption-view').waitFor();
    expect(await seriousViolations(fac.page)).toEqual([]);
    await fac.page.getByTestId('toolbar-menu').click();
    expect(await fac.onTop('mode-roadmap')).toBe(true);
    await fac.page.screenshot({ path: `${SHOTS}/adoption-menu-open-1440x900.png` });
    await fac.page.getByTestId('mode-board').click();
  });

  it('the commitment and feedback forms', async () => {
    const commitLink = await fac.followUpLink('commitment');
    const feedbackLink = await fac.followUpLink('feedback');
    const exec = new CommitmentFormPage(await session.newPage(LAPTOP));
    await exec.open(commitLink);
    expect(await seriousViolations(exec.page)).toEqual([]);
    const rep = new FeedbackFormPage(await session.newPage(LAPTOP));
    await rep.open(feedbackLink);
    expect(await seriousViolations(rep.page)).toEqual([]);
  });
});
