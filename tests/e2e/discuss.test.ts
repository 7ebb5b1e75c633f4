import { describe, expect, it } from 'vitest';
import {
  castVote, configureVoting, localOrigin, readBoard, setPhase, setVotingOpen,
} from '../../shared/src/index.js';
import { connectMember, createBoard, type Member } from '../support/clients.js';
import { seedSampleNotes } from '../support/seed-demo.js';
import { PHONE, useBrowserSession } from './support/session.js';
import { DiscussPage } from './pages/DiscussPage.js';

const POLL = { timeout: 15_000, interval: 100 };
const PROJECTOR = { width: 1920, height: 1080 };

/**
 * Ranked results and "Discuss next" across screens: a facilitator, a
 * participant on a laptop, one on a phone, and the projector (viewer link).
 * The board is the vision-workshop template with the scenario's sample notes;
 * a facilitator's script client casts the dots (a facilitator may write any
 * vote key), so the ranking has a clear winner and a tie.
 */
describe('results and discuss next', () => {
  const session = useBrowserSession();
  let links: Record<'facilitator' | 'participant' | 'viewer', string>;
  let seeder: Member;
  let noteIds: string[];
  let fac: DiscussPage;
  let marco: DiscussPage;
  let phone: DiscussPage;
  let early: DiscussPage;
  let projector: DiscussPage;

  it('after voting, the Results list shows ranks, with ties as ties', async () => {
    const board = await createBoard(session.server.url);
    links = board.links as typeof links;
    seeder = await connectMember(session.server.url, board, 'facilitator', 'Script', 'management');
    await seeder.synced;
    const o = localOrigin(seeder.memberId);
    noteIds = seedSampleNotes(seeder.doc, 'en');
    configureVoting(seeder.doc, { votesPerPerson: 10, capPerNote: null, hideResults: true }, o);
    setVotingOpen(seeder.doc, true, o);
    setPhase(seeder.doc, 'vote', o);
    // Dots: note 0 gets 4, notes 1 and 2 get 3 each (a tie for rank 2), note 3 gets 1.
    const dots = [4, 3, 3, 1];
    dots.forEach((n, i) => {
      for (let k = 0; k < n; k++) castVote(seeder.doc, noteIds[i]!, `voter${k}`, o);
    });

    fac = new DiscussPage(await session.newPage());
    await fac.open(links.facilitator);
    await fac.join('Giulia Neri', 'management');
    marco = new DiscussPage(await session.newPage());
    await marco.open(links.participant);
    await marco.join('Marco Bianchi', 'sales');
    // A participant on a phone watches the ranking in Results, which covers the whole phone screen.
    early = new DiscussPage(await session.newPage(PHONE));
    await early.open(links.participant);
    await early.join('Luca Verdi', 'sales');
    await early.openResults();
    projector = new DiscussPage(await session.newPage(PROJECTOR));
    await projector.open(links.viewer);
    await projector.waitReady();

    // While voting is open with hidden results, participants get the notes without ranks or dots; the facilitator sees them.
    await marco.openResults();
    await marco.page.getByTestId('results-hidden').waitFor();
    await expect.poll(async () => (await marco.results()).length, POLL).toBeGreaterThan(4);
    expect((await marco.results()).every((r) => r.rank === null && r.votes === null && !r.tied)).toBe(true);
    await fac.openResults();
    await expect.poll(async () => (await fac.results())[0], POLL).toEqual({ id: noteIds[0], rank: 1, tied: false, votes: 4 });
    setVotingOpen(seeder.doc, false, localOrigin(seeder.memberId));

    await expect.poll(async () => (await marco.results()).slice(0, 4), POLL).toEqual([
      { id: noteIds[0], rank: 1, tied: false, votes: 4 },
      { id: noteIds[1], rank: 2, tied: true, votes: 3 },
      { id: noteIds[2], rank: 2, tied: true, votes: 3 },
      { id: noteIds[3], rank: 4, tied: false, votes: 1 },
    ]);
    await expect.poll(() => marco.page.getByTestId(`result-${noteIds[1]}`).textContent(), POLL).toContain('tied');
    // Per stage: the stage of note 0 ranks its own notes.
    await marco.page.getByTestId('results-scope-stage').click();
    const stageId = readBoard(seeder.doc).notesById.get(noteIds[0]!)!.stageId;
    await marco.page.getByTestId('results-stage').selectOption(stageId);
    await expect.poll(async () => (await marco.results())[0], POLL).toEqual({ id: noteIds[0], rank: 1, tied: false, votes: 4 });
    // The facilitator can sort every stage by votes from the same panel.
    await fac.page.screenshot({ path: '/tmp/tabella-results-facilitator.png' });
    await fac.page.getByTestId('results-sort-all').click();
    await expect.poll(async () => (await fac.page.evaluate((sid) =>
      window.__tabella!.snapshot().notesByStage.get(sid)!.map((n) => n.id)[0], stageId)), POLL).toBe(noteIds[0]);
  });

  it('the facilitator starts Discuss: every screen shows the top note, and the board moves to Assign', async () => {
    // Starting is in sight at the foot of Results, not below the whole ranking.
    expect(await fac.onTop('discuss-start')).toBe(true);
    await fac.page.getByTestId('discuss-start').click();
    for (const p of [fac, marco, projector, early]) await expect.poll(() => p.currentNoteId(), POLL).toBe(noteIds[0]);
    // On the phone the full-screen Results panel gives way: the note under discussion is what that person sees.
    await early.page.getByTestId('results-panel').waitFor({ state: 'detached' });
    expect(await early.onTop('discuss-note-text')).toBe(true);
    // On a laptop the facilitator keeps Results beside the overlay; the canvas's zoom controls are not drawn over it.
    expect(await fac.onTop('discuss-note-text')).toBe(true);
    expect(await fac.page.getByTestId('toolbar-zoom-in').isVisible()).toBe(false);
    // Results (still open beside it) says that starting again would replace the running discussion's list.
    await fac.page.getByTestId('discuss-running').waitFor();
    expect(await fac.page.getByTestId('discuss-start').textContent()).toMatch(/^Start again with \d+ notes? in rank order$/);
    await expect.poll(() => marco.progressText(), POLL).toBe('0 of 4 discussed');
    expect(await projector.page.getByTestId('discuss-note-text').textContent())
      .toBe(readBoard(seeder.doc).notesById.get(noteIds[0]!)!.text);
    expect(await projector.page.getByTestId('discuss-votes').getAttribute('data-votes')).toBe('4');
    await expect.poll(() => marco.page.getByTestId('phase-name').textContent(), POLL).toBe('Assign owners');
    // Only the facilitator has the controls.
    expect(await marco.page.getByTestId('discuss-accept').count()).toBe(0);
    expect(await projector.page.getByTestId('discuss-next').count()).toBe(0);
    expect(await projector.page.getByTestId('discuss-propose').count()).toBe(0);
  });

  it('a participant proposes an owner from the overlay; the facilitator sees the tally and who proposed', async () => {
    const before = await fac.tallyCount('engineering');
    await marco.page.getByTestId('discuss-propose-engineering').click();
    await expect.poll(() => fac.tallyCount('engineering'), POLL).toBe(before + 1);
    await expect.poll(() => fac.proposers('engineering'), POLL).toContain('Marco Bianchi');
    await expect.poll(() => projector.proposers('engineering'), POLL).toContain('Marco Bianchi');
    expect(await marco.page.getByTestId('discuss-propose-engineering').getAttribute('aria-pressed')).toBe('true');
  });

  it('the overlay has no serious or critical accessibility violations', async () => {
    for (const p of [fac, marco, projector]) expect(await p.overlayViolations()).toEqual([]);
  });

  it('one click accepts with the owners chosen, moves on, and progress reads "1 of 4"; a reload keeps it', async () => {
    // Responsible defaults to the top proposal unless the facilitator picks; pick explicitly, plus a supporting one.
    await fac.page.getByTestId('discuss-responsible-engineering').click();
    await expect.poll(() => fac.page.getByTestId('discuss-responsible').getAttribute('data-value'), POLL).toBe('engineering');
    await fac.page.getByTestId('discuss-supporting-sales').click();
    await fac.page.getByTestId('discuss-accept').click();
    for (const p of [fac, marco, projector]) {
      await expect.poll(() => p.progressText(), POLL).toBe('1 of 4 discussed');
      await expect.poll(() => p.currentNoteId(), POLL).not.toBe(noteIds[0]);
    }
    const next = await marco.currentNoteId();
    expect([noteIds[1], noteIds[2]]).toContain(next);
    await expect.poll(() => fac.page.evaluate((id) => {
      const n = window.__tabella!.snapshot().notesById.get(id)!;
      return { status: n.status, responsible: n.responsible, supporting: n.supporting };
    }, noteIds[0]!), POLL).toEqual({ status: 'accepted', responsible: 'engineering', supporting: ['sales'] });

    await marco.page.reload();
    await marco.waitReady();
    await expect.poll(() => marco.currentNoteId(), POLL).toBe(next);
    await expect.poll(() => marco.progressText(), POLL).toBe('1 of 4 discussed');
    await fac.page.reload();
    await fac.waitReady();
    await expect.poll(() => fac.progressText(), POLL).toBe('1 of 4 discussed');
  });

  it('the projector and a phone show the discussion readably', async () => {
    phone = new DiscussPage(await session.newPage(PHONE));
    await phone.open(links.participant);
    await phone.join('Sara Gallo', 'fae');
    await expect.poll(() => phone.currentNoteId(), POLL).toBe(await fac.currentNoteId());
    await phone.page.getByTestId('discuss-propose-fae').click();
    await expect.poll(() => projector.tallyCount('fae'), POLL).toBeGreaterThan(0);
    // A time box counts down on the server clock, on every screen.
    await fac.page.getByTestId('discuss-timebox-select').selectOption('120');
    for (const p of [projector, phone]) {
      await expect.poll(async () => Number(await p.page.getByTestId('discuss-timebox').getAttribute('data-remaining-ms')), POLL)
        .toBeGreaterThan(100_000);
    }
    expect(Number(await projector.page.getByTestId('discuss-timebox').getAttribute('data-remaining-ms'))).toBeLessThanOrEqual(120_000);
    // The note text stays large on the projector: at least 40 px.
    const size = await projector.page.getByTestId('discuss-note-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(40);
    // Nothing wider than the phone's screen.
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await projector.page.screenshot({ path: '/tmp/tabella-discuss-projector.png' });
    await phone.page.screenshot({ path: '/tmp/tabella-discuss-phone.png' });
    await fac.page.screenshot({ path: '/tmp/tabella-discuss-facilitator.png' });
    expect(await phone.overlayViolations()).toEqual([]);
    // Minimised on the phone: a bar across the bottom edge, not a squeezed pill over the top of the page.
    await phone.page.getByTestId('discuss-hide').click();
    const bar = (await phone.page.getByTestId('discuss-mini').boundingBox())!;
    expect(bar.width).toBeGreaterThan(PHONE.width - 40);
    expect(bar.y).toBeGreaterThan(PHONE.height / 2);
    expect(bar.y + bar.height).toBeLessThanOrEqual(PHONE.height);
    await phone.page.getByTestId('discuss-show').click();
    await phone.overlay().waitFor();

    // A chosen order: the facilitator takes a later note first from "Up next"; nothing counts as discussed for it.
    const later = noteIds[3]!;
    await fac.page.getByTestId(`discuss-goto-${later}`).click();
    for (const p of [projector, phone]) await expect.poll(() => p.currentNoteId(), POLL).toBe(later);
    expect(await projector.progressText()).toBe('1 of 4 discussed');
    seeder.destroy();
  });
});
