import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { testLogoPng } from '../support/test-logo.js';
import { LAPTOP, PHONE, useBrowserSession } from './support/session.js';
import { HomePage, type WorkshopLinks } from './pages/HomePage.js';
import { RoadmapPage } from './pages/RoadmapPage.js';
import { CommitmentFormPage, FeedbackFormPage } from './pages/FormsPage.js';
import { exampleBackup } from './support/example-backup.js';

const POLL = { timeout: 15_000, interval: 100 };
const BACKUP = '/tmp/tabella-e2e-board.json';
const SHOTS = '/tmp/tabella-booklet';
const SCREEN = { width: 1280, height: 800 };

const FOREWORD = 'Our sales team and the departments behind it agreed on this roadmap in Milano.';
const FOREWORD_2 = 'Every action has one owner, and è, à and «quotes» come out right.';
const SEGMENT_SUMMARY = 'Machine builders buy on uptime: engineers join the first technical call.';

/** Every text of a zip's XML parts, tags removed (a sentence a library split into runs reads whole again). */
function zipText(body: Buffer): string {
  const files = unzipSync(new Uint8Array(body));
  return Object.entries(files).filter(([name]) => name.endsWith('.xml'))
    .map(([, bytes]) => strFromU8(bytes).replace(/<[^>]+>/g, '')).join('\n')
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** axe-core's serious and critical violations inside the roadmap view. */
async function roadmapViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('[data-testid="roadmap-view"]').analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
}

/** The roadmap view scrolled so `testId`'s first element is at the top, then a picture of the screen. */
async function shotAt(page: Page, testId: string, path: string): Promise<void> {
  await page.getByTestId(testId).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path });
}

describe('the roadmap: view, exports, restore, commitments, feedback, versions', () => {
  const session = useBrowserSession({ acceptDownloads: true });
  const newPage = session.newPage;
  let links: WorkshopLinks;
  let fac: RoadmapPage;
  let alice: RoadmapPage;
  let stageId: string;
  const ids = { first: '', second: '' };


  it('the roadmap view shows an accepted action with its confirmed owner, and updates live', async () => {
    const home = new HomePage(await newPage());
    await home.open(session.server.url);
    links = await home.createWorkshop('Roadmap in Milano');
    fac = new RoadmapPage(home.page);
    await fac.open(links.facilitator);
    await fac.join('Giulia Neri', 'management');
    alice = new RoadmapPage(await newPage());
    await alice.open(links.participant);
    await alice.join('Alice Rossi', 'sales');

    stageId = (await fac.stages())[0]!.id;
    ids.first = await fac.addNote(stageId, 'An application engineer joins every first technical call');
    ids.second = await fac.addNote(stageId, 'Weekly pipeline review with marketing');
    await fac.zoomToStage(stageId);
    await fac.selectNote(ids.first);
    if (!(await fac.page.getByTestId('confirm-responsible-engineering').isVisible())) {
      await fac.page.getByTestId('confirm-owners-open').click();
    }
    await fac.page.getByTestId('confirm-responsible-engineering').click();
    await fac.page.getByTestId('status-accepted').click();

    await alice.showMode('roadmap');
    const first = alice.roadmapItem(ids.first);
    await first.waitFor();
    expect(await first.getByTestId('roadmap-responsible').textContent()).toContain('Engineering');
    expect(await alice.roadmapItem(ids.second).count()).toBe(0);
    // The open note is not hidden: counted on the cover and the stage, listed under "Still to decide".
    expect(await alice.page.getByTestId('roadmap-count-open').textContent()).toBe('1');
    expect(await alice.page.getByTestId('roadmap-stage-open').textContent()).toContain('1 note still to decide');
    expect(await alice.page.getByTestId('roadmap-still-to-decide').textContent()).toContain('Weekly pipeline review with marketing');

    // The facilitator accepts another: Alice's roadmap shows it without a reload.
    await fac.selectNote(ids.second);
    await fac.page.getByTestId('status-accepted').click();
    await alice.roadmapItem(ids.second).waitFor(POLL);
    expect(await alice.roadmapItem(ids.second).getByTestId('roadmap-responsible').textContent()).toContain('not assigned');
    await expect.poll(() => alice.page.getByTestId('roadmap-count-open').textContent(), POLL).toBe('0');
    expect(await alice.page.getByTestId('roadmap-still-to-decide').count()).toBe(0);
    await alice.page.screenshot({ path: '/tmp/roadmap-view.png' });
  });

  it('downloads every export from the UI: PDF, Markdown, CSV, JSON and PNGs', async () => {
    const pdf = await fac.exportFile('export-roadmap.pdf');
    // One style for every export: tabella-<title>-<yyyy-mm-dd>-<what>.<ext> (exportFileName).
    const named = (what: string) => new RegExp(`^tabella-roadmap-in-milano-\\d{4}-\\d{2}-\\d{2}-${what}$`);
    expect(pdf.name).toMatch(named('roadmap\\.pdf'));
    expect(pdf.body.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.body.length).toBeGreaterThan(2000);

    // The facilitator's final booklet (without the notes still to decide) is a PDF too.
    const final = await fac.exportFile('export-roadmap-final');
    expect(final.name).toMatch(named('roadmap\\.pdf'));
    expect(final.body.subarray(0, 4).toString('latin1')).toBe('%PDF');

    const md = await fac.exportFile('export-roadmap.md');
    expect(md.name).toMatch(named('roadmap\\.md'));
    expect(md.body.toString('utf8')).toContain('An application engineer joins every first technical call');

    const csv = await fac.exportFile('export-roadmap.csv');
    expect(csv.name).toMatch(named('roadmap\\.csv'));
    const text = csv.body.toString('utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = text.split(/\r?\n/).filter(Boolean);
    expect(header!.toLowerCase()).toContain('segment');
    expect(header!.toLowerCase()).toContain('responsible');
    expect(rows.some((r) => r.includes('An application engineer joins every first technical call') && r.includes('Engineering'))).toBe(true);

    const json = await fac.exportFile('export-board.json');
    expect(json.name).toMatch(named('board\\.json'));
    const backup = JSON.parse(json.body.toString('utf8')) as { format: string };
    expect(backup.format).toBe('tabella-board');
    await writeFile(BACKUP, json.body);

    const png = await fac.exportFile('export-png-board');
    expect(png.name).toMatch(named('board\\.png'));
    expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    const size = await fac.pngSize(png.body);
    expect(size.width).toBeGreaterThan(2000);
    expect(size.height).toBeGreaterThan(1000);
    const segment = await fac.exportFile('export-png-segment-1');
    expect(segment.name).toMatch(named('segment-1\\.png'));
    const segmentSize = await fac.pngSize(segment.body);
    expect(segmentSize.width).toBeGreaterThan(1000);
    expect(segmentSize.height).toBeLessThan(size.height);
    await fac.page.keyboard.press('Escape');
  });

  it('restores the board.json from the home page: the new board has the same notes', async () => {
    const page = await newPage();
    const home = new HomePage(page);
    await home.open(session.server.url);
    await page.getByTestId('restore-open').click();
    await page.getByTestId('restore-file').setInputFiles(BACKUP);
    await page.getByTestId('restore-submit').click();
    await page.getByTestId('links').waitFor();
    const restored = new RoadmapPage(page);
    await restored.open(await page.getByTestId('link-facilitator').inputValue());
    await restored.join('Marco Blu', 'sales');
    const texts = async (p: RoadmapPage) => (await p.notes()).map((n) => n.text).sort();
    await expect.poll(() => texts(restored), POLL).toEqual(await texts(fac));
  });

  it('an executive commits through the commitment link; the board and the roadmap show it', async () => {
    const link = await fac.followUpLink('commitment');
    expect(link).toMatch(/\/c\/[A-Za-z0-9]+#token=/);
    const exec = new CommitmentFormPage(await newPage());
    await exec.open(link);
    await exec.identify('engineering', 'Paolo Conti');
    await exec.stage(stageId).getByText('An application engineer joins every first technical call').waitFor();
    await exec.page.screenshot({ path: '/tmp/commitment-form.png' });
    const promise = 'An application engineer on every first technical call within 48 hours';
    await exec.commit(stageId, promise);
    await exec.page.screenshot({ path: '/tmp/commitment-form-saved.png' });
    const phone = new CommitmentFormPage(await newPage(PHONE));
    await phone.open(link);
    await phone.identify('engineering', 'Paolo Conti');
    await phone.page.screenshot({ path: '/tmp/commitment-form-phone.png' });

    const count = fac.stageBadge(stageId).getByTestId('stage-commitment-count');
    await expect.poll(() => count.getAttribute('data-count'), POLL).toBe('1');
    await fac.page.getByTestId('after-close').click();
    await fac.page.getByTestId('toolbar-fit').click();
    await fac.page.screenshot({ path: '/tmp/board-badges.png' });
    await fac.stageBadge(stageId).click();
    await fac.page.getByTestId('stage-followup').getByText(promise).waitFor();
    await fac.page.getByTestId('stage-followup-close').click();
    await fac.showMode('roadmap');
    expect(await fac.page.getByTestId('roadmap-commitment').first().textContent()).toContain(promise);
    await fac.showMode('board');
  });

  it('a rep sends feedback from a phone; the stage shows the count and the adoption view explains it', async () => {
    const link = await fac.followUpLink('feedback');
    expect(link).toMatch(/\/f\/[A-Za-z0-9]+#token=/);
    const rep = new FeedbackFormPage(await newPage(PHONE));
    await rep.open(link);
    await rep.fill({
      segmentIndex: 0, stageNumber: 1, outcome: 'blocked', blocker: 'No engineer free for the first call',
      department: 'engineering', comment: 'The customer waited two weeks', name: 'Rita Gallo',
    });
    await rep.page.screenshot({ path: '/tmp/feedback-form.png', fullPage: true });
    await rep.send();
    await rep.page.screenshot({ path: '/tmp/feedback-thanks.png' });
    await rep.page.getByTestId('feedback-another').click();
    await rep.page.getByTestId('feedback-submit').waitFor();

    const blocked = fac.stageBadge(stageId).getByTestId('feedback-count-blocked');
    await expect.poll(() => blocked.getAttribute('data-count'), POLL).toBe('1');
    await fac.showMode('adoption');
    const stage = fac.page.locator(`[data-testid="adoption-stage"][data-stage-id="${stageId}"]`);
    await expect.poll(() => stage.getAttribute('data-total'), POLL).toBe('1');
    expect(await stage.textContent()).toContain('No engineer free for the first call');
    await fac.page.screenshot({ path: '/tmp/adoption-view.png' });
    // The After-the-workshop panel is open beside the view: the view gives it room instead of lying under it.
    expect(await fac.page.getByTestId('adoption-csv').first().isVisible()).toBe(true);
    expect(await fac.onTop('adoption-csv')).toBe(true);
    const csv = await fac.downloadFrom('adoption-csv');
    expect(csv.name).toMatch(/^tabella-roadmap-in-milano-\d{4}-\d{2}-\d{2}-feedback\.csv$/);
    expect(csv.body.toString('utf8')).toContain('No engineer free for the first call');
    await fac.showMode('board');
  });

  it('the facilitator saves a version, exports it and starts a new board from it', async () => {
    // Saved versions are one step from the menu: the panel opens at them, ready to type a name.
    await fac.fromMenu('toolbar-versions');
    await fac.page.getByTestId('after-panel').waitFor();
    await expect.poll(() => fac.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('version-name');
    await fac.page.keyboard.type('End of day 1');
    expect(await fac.page.getByTestId('version-name').inputValue()).toBe('End of day 1');
    await fac.page.getByTestId('version-save').click();
    const version = fac.page.getByTestId('version').filter({ hasText: 'End of day 1' });
    await version.waitFor();
    const md = await fac.downloadFrom('version-export-roadmap.md');
    await writeFile('/tmp/version.md', md.body);
    expect(md.body.toString('utf8')).toContain('Weekly pipeline review with marketing');
    await version.getByTestId('version-copy-button').click();
    const copyLink = await fac.page.getByTestId('version-copy').getByTestId('link-facilitator').inputValue();
    const copy = new RoadmapPage(await newPage());
    await copy.open(copyLink);
    await copy.join('Giulia Neri', 'management');
    const texts = async (p: RoadmapPage) => (await p.notes()).map((n) => n.text).sort();
    await expect.poll(() => texts(copy), POLL).toEqual(await texts(fac));
  });

  it('the facilitator writes the foreword and a segment summary and sets the brand; a participant reads them without edit controls', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await fac.showMode('roadmap');
    // Empty texts are quiet prompts for the facilitator only.
    expect(await fac.booklet('foreword').getByTestId('booklet-foreword-add').textContent()).toBe('Add a foreword…');
    expect(await alice.page.getByTestId('roadmap-intro').count()).toBe(0);

    await fac.writeBooklet('foreword', `${FOREWORD}\n\n${FOREWORD_2}`);
    expect(await fac.booklet('foreword').locator('.rm-prose p').allTextContents()).toEqual([FOREWORD, FOREWORD_2]);
    expect(await fac.booklet('foreword').getByTestId('booklet-saved').textContent()).toContain('Saved');
    await fac.writeBooklet('segment', SEGMENT_SUMMARY);
    // Cancel leaves the text as it was.
    await fac.booklet('foreword').getByTestId('booklet-foreword-edit').click();
    await fac.booklet('foreword').getByTestId('booklet-foreword-input').fill('Not this');
    // A stray Escape keeps typed words: the editor stays open with them.
    await fac.booklet('foreword').getByTestId('booklet-foreword-input').press('Escape');
    expect(await fac.booklet('foreword').getByTestId('booklet-foreword-input').inputValue()).toBe('Not this');
    await fac.booklet('foreword').getByTestId('booklet-foreword-cancel').click();
    expect(await fac.booklet('foreword').getByTestId('booklet-foreword-text').textContent()).toContain(FOREWORD);

    await fac.setBrand({ company: 'Rossi Meccanica S.p.A.', accent: '#0F766E' });
    await expect.poll(() => fac.page.getByTestId('roadmap-cover').getAttribute('data-accent'), POLL).toBe('#0f766e');
    // A colour that is not #rrggbb is refused where it is typed, with the reason.
    await fac.page.getByTestId('brand-accent').fill('teal');
    await fac.page.getByTestId('brand-accent').press('Enter');
    expect(await fac.page.getByTestId('brand-accent').getAttribute('aria-invalid')).toBe('true');
    await fac.page.getByTestId('brand-accent').press('Escape');
    // A logo over 512 KiB is refused before it is sent.
    const requests: string[] = [];
    fac.page.on('request', (r) => r.url().includes('/brand/logo') && requests.push(r.url()));
    await fac.page.getByTestId('brand-logo-file').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(600 * 1024, 1) });
    expect(await fac.page.getByTestId('brand-logo-error').textContent()).toContain('512 KiB');
    expect(requests).toEqual([]);

    // Alice, a participant, reads every word live, with no way to change them.
    await alice.booklet('foreword').getByTestId('booklet-foreword-text').waitFor(POLL);
    expect(await alice.booklet('foreword').locator('.rm-prose p').allTextContents()).toEqual([FOREWORD, FOREWORD_2]);
    await expect.poll(() => alice.booklet('segment').textContent(), POLL).toContain(SEGMENT_SUMMARY);
    await expect.poll(() => alice.page.getByTestId('roadmap-prepared-for').textContent(), POLL).toBe('Prepared for Rossi Meccanica S.p.A.');
    expect(await alice.page.getByTestId('roadmap-cover').getAttribute('data-accent')).toBe('#0f766e');
    const view = alice.page.getByTestId('roadmap-view');
    expect(await view.locator('textarea, input, [data-testid$="-edit"], [data-testid$="-add"]').count()).toBe(0);
    expect(await alice.page.getByTestId('brand-panel').count()).toBe(0);
    // No empty executive summary or stage summary shows to her.
    expect(await alice.page.getByTestId('booklet-executiveSummary').count()).toBe(0);
    expect(await alice.page.getByTestId('booklet-stage').count()).toBe(0);

    // With the editors open, the view has no serious accessibility problem.
    await fac.booklet('executiveSummary').getByTestId('booklet-executiveSummary-add').click();
    await fac.booklet('stage').getByTestId('booklet-stage-add').click();
    // The counter shows near the limit (1,500 for a summary), and the field takes no more than the limit.
    expect(await fac.booklet('stage').getByTestId('booklet-stage-count').textContent()).toBe('');
    await fac.booklet('stage').getByTestId('booklet-stage-input').fill('x'.repeat(1250));
    expect(await fac.booklet('stage').getByTestId('booklet-stage-count').textContent()).toBe('1250 of 1500 characters');
    await fac.booklet('stage').getByTestId('booklet-stage-input').fill('x'.repeat(1600));
    expect((await fac.booklet('stage').getByTestId('booklet-stage-input').inputValue()).length).toBe(1500);
    await fac.booklet('stage').getByTestId('booklet-stage-input').fill('');
    await fac.openBrand();
    expect(await roadmapViolations(fac.page)).toEqual([]);
    await fac.page.setViewportSize(SCREEN);
    await shotAt(fac.page, 'roadmap-cover', `${SHOTS}/en-facilitator-editing.png`);
    await shotAt(fac.page, 'roadmap-segment', `${SHOTS}/en-facilitator-segment-editing.png`);
    await shotAt(fac.page, 'roadmap-intro', `${SHOTS}/en-facilitator-intro-editing.png`);
    await fac.booklet('stage').getByTestId('booklet-stage-cancel').click();
    await fac.booklet('executiveSummary').getByTestId('booklet-executiveSummary-cancel').click();
    await fac.page.getByTestId('brand-open').click();
    await alice.page.setViewportSize(SCREEN);
    await shotAt(alice.page, 'roadmap-cover', `${SHOTS}/en-participant.png`);
    await shotAt(alice.page, 'roadmap-segment', `${SHOTS}/en-participant-segment.png`);
    expect(await roadmapViolations(alice.page)).toEqual([]);
  });

  it('the facilitator uploads a logo: the panel previews it and every reader\'s cover shows it', async () => {
    await fac.openBrand();
    await fac.page.getByTestId('brand-logo-file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: testLogoPng() });
    await expect.poll(() => fac.page.getByTestId('brand-logo-preview').getAttribute('data-has-logo'), POLL).toBe('true');
    const size = await fac.page.getByTestId('brand-logo-preview').locator('img')
      .evaluate(async (img: HTMLImageElement) => { await img.decode(); return [img.naturalWidth, img.naturalHeight]; });
    expect(size).toEqual([240, 80]);
    expect(await fac.page.getByTestId('brand-logo-status').textContent()).toBe('Logo saved.');
    await alice.page.getByTestId('roadmap-cover-logo').waitFor(POLL);
    expect(await alice.page.getByTestId('roadmap-cover-logo').getAttribute('alt')).toBe('Logo of Rossi Meccanica S.p.A.');
    await fac.page.getByTestId('brand-open').click();
    await shotAt(alice.page, 'roadmap-cover', `${SHOTS}/en-participant-logo.png`);
    const phone = new RoadmapPage(await newPage(PHONE));
    await phone.open(links.participant);
    await phone.join('Bruno Verdi', 'sales');
    await phone.showMode('roadmap');
    await phone.page.getByTestId('roadmap-cover-logo').waitFor(POLL);
    await phone.page.screenshot({ path: `${SHOTS}/en-phone-cover.png` });
    await shotAt(phone.page, 'roadmap-intro', `${SHOTS}/en-phone-foreword.png`);
  });

  it('downloads the Word booklet, the PowerPoint deck and the Excel tracker: each a zip with the foreword in it', async () => {
    const named = (ext: string) => new RegExp(`^tabella-roadmap-in-milano-\\d{4}-\\d{2}-\\d{2}-roadmap\\.${ext}$`);
    const types = {
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    if (!(await fac.page.getByTestId('export-list').count())) await fac.page.getByTestId('toolbar-menu').click();
    expect(await fac.page.getByTestId('export-roadmap.docx').textContent()).toContain('Editable booklet (Word)');
    expect(await fac.page.getByTestId('export-roadmap.pptx').textContent()).toContain('Deck for the executives (PowerPoint)');
    expect(await fac.page.getByTestId('export-roadmap.xlsx').textContent()).toContain('Action tracker (Excel)');
    for (const ext of ['docx', 'pptx', 'xlsx'] as const) {
      const file = await fac.exportFromServer(`export-roadmap.${ext}`);
      expect(file.name).toMatch(named(ext));
      expect(file.contentType).toBe(types[ext]);
      expect(file.body.subarray(0, 2).toString('latin1')).toBe('PK');
      await writeFile(`${SHOTS}/roadmap.${ext}`, file.body);
      expect(zipText(file.body), ext).toContain(FOREWORD);
    }
    await fac.page.keyboard.press('Escape');
  });

  it('prints the roadmap as a booklet (print media)', async () => {
    await fac.showMode('roadmap');
    await fac.page.emulateMedia({ media: 'print' });
    expect(await fac.page.getByTestId('toolbar').isVisible()).toBe(false);
    await fac.page.screenshot({ path: '/tmp/roadmap-print.png', fullPage: true });
    await fac.page.emulateMedia({ media: 'screen' });
    await fac.page.getByTestId('toolbar').waitFor();
  });
});

describe('the roadmap of the example workshop, in Italian (screenshots)', () => {
  const italian = useBrowserSession();

  it('shows segments, owners, commitments, feedback, warnings and the matrix; prints without the toolbar', async () => {
    const res = await fetch(`${italian.server.url}/api/boards`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ backup: exampleBackup('it') }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { links: { facilitator: string } };
    const fac = new RoadmapPage(await italian.newPage(LAPTOP, { locale: 'it-IT' }));
    await fac.open(created.links.facilitator);
    await fac.join('Giulia Rossi', 'sales');
    await fac.showMode('roadmap');
    await fac.page.getByTestId('roadmap-warnings').waitFor();
    expect(await fac.page.getByTestId('roadmap-view').textContent()).toContain('Responsabile');
    expect(await fac.page.getByTestId('roadmap-commitment').count()).toBeGreaterThan(0);
    await fac.page.screenshot({ path: '/tmp/roadmap-example.png' });
    // The restored workshop's texts and brand, in Italian: cover, foreword, a segment's summary, the brand panel; laptop and phone.
    mkdirSync(SHOTS, { recursive: true });
    expect(await fac.page.getByTestId('roadmap-prepared-for').textContent()).toBe('Preparato per Componenti Rossi S.p.A. – Qualità');
    await fac.page.getByTestId('roadmap-cover-logo').waitFor();
    expect(await fac.booklet('foreword').locator('h2').textContent()).toBe('Prefazione');
    expect(await fac.booklet('executiveSummary').locator('h2').textContent()).toBe('Sintesi per la direzione');
    expect(await fac.booklet('foreword').getByTestId('booklet-foreword-edit').textContent()).toBe('Modifica');
    await fac.page.setViewportSize(SCREEN);
    await shotAt(fac.page, 'roadmap-cover', `${SHOTS}/it-cover.png`);
    await shotAt(fac.page, 'roadmap-intro', `${SHOTS}/it-intro.png`);
    await shotAt(fac.page, 'roadmap-segment', `${SHOTS}/it-segment.png`);
    await fac.booklet('foreword').getByTestId('booklet-foreword-edit').click();
    expect(await fac.booklet('foreword').getByTestId('booklet-foreword-save').textContent()).toBe('Salva');
    await shotAt(fac.page, 'roadmap-intro', `${SHOTS}/it-foreword-editing.png`);
    await fac.booklet('foreword').getByTestId('booklet-foreword-cancel').click();
    await fac.openBrand();
    expect(await fac.page.getByTestId('brand-panel').textContent()).toContain('Marchio del cliente');
    expect(await fac.page.getByTestId('brand-logo-preview').getAttribute('data-has-logo')).toBe('true');
    expect(await roadmapViolations(fac.page)).toEqual([]);
    await fac.page.getByTestId('brand-panel').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await fac.page.screenshot({ path: `${SHOTS}/it-brand-panel.png` });
    await fac.page.getByTestId('brand-open').click();
    await fac.page.setViewportSize(LAPTOP);
    const phone = new RoadmapPage(await italian.newPage(PHONE, { locale: 'it-IT' }));
    await phone.open(created.links.facilitator);
    await phone.join('Marta Bianchi', 'sales');
    await phone.showMode('roadmap');
    await phone.page.getByTestId('roadmap-cover-logo').waitFor();
    await phone.page.screenshot({ path: `${SHOTS}/it-phone-cover.png` });
    await shotAt(phone.page, 'roadmap-intro', `${SHOTS}/it-phone-intro.png`);
    await phone.openBrand();
    await phone.page.getByTestId('brand-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await phone.page.screenshot({ path: `${SHOTS}/it-phone-brand.png` });
    await shotAt(phone.page, 'roadmap-segment', `${SHOTS}/it-phone-segment.png`);
    await fac.page.getByTestId('roadmap-segment').first().locator('.rm-stage').nth(2).scrollIntoViewIfNeeded();
    await fac.page.screenshot({ path: '/tmp/roadmap-example-stage.png' });
    await fac.page.emulateMedia({ media: 'print' });
    await fac.page.screenshot({ path: '/tmp/roadmap-example-print.png', fullPage: true });
    await fac.page.emulateMedia({ media: 'screen' });
    await fac.showMode('adoption');
    await fac.page.screenshot({ path: '/tmp/adoption-example.png' });
    // A warning's "show on the board" goes back to the board with the note selected.
    await fac.showMode('roadmap');
    await fac.page.getByTestId('roadmap-warning-jump').first().click();
    await fac.page.getByTestId('note-inspector').waitFor();
  });
});
