import { describe, expect, it } from 'vitest';
import { PHONE, useBrowserSession } from './support/session.js';
import { HomePage, type WorkshopLinks } from './pages/HomePage.js';
import { ConvergePage } from './pages/ConvergePage.js';

const POLL = { timeout: 15_000, interval: 100 };

describe('converging: owners, dot voting, sorting, merge, status, phone list', () => {
  const session = useBrowserSession();
  const newPage = session.newPage;
  let links: WorkshopLinks;
  let fac: ConvergePage;
  let alice: ConvergePage;
  let bruno: ConvergePage;
  let stageId: string;
  const ids = { fac: '', alice1: '', alice2: '', bruno1: '' };


  it('a facilitator and two participants write notes in one stage', async () => {
    const home = new HomePage(await newPage());
    await home.open(session.server.url);
    links = await home.createWorkshop('Converging in Bologna');
    fac = new ConvergePage(home.page);
    await fac.open(links.facilitator);
    await fac.join('Giulia Neri', 'management');
    await fac.startBrainstorm();
    alice = new ConvergePage(await newPage());
    await alice.open(links.participant);
    await alice.join('Alice Rossi', 'sales');
    bruno = new ConvergePage(await newPage());
    await bruno.open(links.participant);
    await bruno.join('Bruno Verdi', 'engineering');

    stageId = (await fac.stages())[0]!.id;
    ids.fac = await fac.addNote(stageId, 'Technical pre-sales desk per region');
    ids.alice1 = await alice.addNote(stageId, 'Share the lead scoring with engineering');
    ids.bruno1 = await bruno.addNote(stageId, 'One engineer on call for every big deal');
    ids.alice2 = await alice.addNote(stageId, 'An engineer joins every large deal');
    await expect.poll(async () => (await bruno.stageOrder(stageId)).length, POLL).toBe(4);
  });

  it('participants propose owners, the facilitator sees the tally and confirms; both participants see the owner', async () => {
    await alice.zoomToStage(stageId);
    await alice.selectNote(ids.fac);
    await alice.page.getByTestId('propose-owner-engineering').click();
    await bruno.zoomToStage(stageId);
    await bruno.selectNote(ids.fac);
    // Changeable: a first pick, then another.
    await bruno.page.getByTestId('propose-owner-marketing').click();
    await expect.poll(() => bruno.page.getByTestId('propose-owner-marketing').getAttribute('aria-pressed'), POLL).toBe('true');
    await bruno.page.getByTestId('propose-owner-engineering').click();
    await expect.poll(() => bruno.page.getByTestId('propose-owner-marketing').getAttribute('aria-pressed'), POLL).toBe('false');

    await fac.zoomToStage(stageId);
    await fac.selectNote(ids.fac);
    const tally = fac.page.getByTestId('owner-tally-engineering');
    await expect.poll(() => tally.getAttribute('data-count'), POLL).toBe('2');
    expect(await fac.page.getByTestId('owner-tally-marketing').count()).toBe(0);
    await alice.page.screenshot({ path: '/tmp/conv-owner-tally-laptop.png' });

    if (!(await fac.page.getByTestId('confirm-responsible-engineering').isVisible())) {
      await fac.page.getByTestId('confirm-owners-open').click();
    }
    await fac.page.getByTestId('confirm-responsible-engineering').click();
    await fac.page.getByTestId('confirm-supporting-marketing').click();
    for (const p of [alice, bruno]) {
      await expect.poll(async () => (await p.note(ids.fac))?.responsible, POLL).toBe('engineering');
      await expect.poll(() => p.page.getByTestId('owner-responsible').getAttribute('data-key'), POLL).toBe('engineering');
    }
    expect(await alice.page.getByTestId('owner-responsible').textContent()).toContain('Owner: Engineering');
    await expect.poll(async () => (await bruno.note(ids.fac))?.supporting, POLL).toEqual(['marketing']);
    await bruno.page.screenshot({ path: '/tmp/conv-owner-confirmed-laptop.png' });
  });

  it('the facilitator opens voting; participants spend dots, never more than they have; results show when it closes', async () => {
    await fac.openVotingPanel();
    await fac.page.getByTestId('voting-per-person').fill('2');
    await fac.page.getByTestId('voting-open').click();
    await fac.page.getByTestId('voting-phase-warning').waitFor();
    await fac.page.getByTestId('voting-to-phase').click();
    await expect.poll(() => alice.page.getByTestId('phase-name').textContent(), POLL).toBe('Vote');

    await expect.poll(() => alice.dotsLeft(), POLL).toBe(2);
    await alice.selectNote(ids.fac);
    await alice.page.getByTestId('dot-add').click();
    await expect.poll(() => alice.dotsLeft(), POLL).toBe(1);
    await alice.page.getByTestId('dot-add').click();
    await expect.poll(() => alice.dotsLeft(), POLL).toBe(0);
    // No third dot: the button is disabled and the doc still says 2.
    expect(await alice.page.getByTestId('dot-add').isDisabled()).toBe(true);
    expect(await alice.page.getByTestId('dot-status').textContent()).toContain('No dots left');

    // Bruno: +1, −1 (taken back), then +1 on the canvas button of another note.
    await bruno.selectNote(ids.alice1);
    await bruno.page.getByTestId('dot-add').click();
    await expect.poll(() => bruno.dotsLeft(), POLL).toBe(1);
    await bruno.page.getByTestId('dot-remove').click();
    await expect.poll(() => bruno.dotsLeft(), POLL).toBe(2);
    const r = await bruno.rectOf(ids.bruno1);
    // The "+ Dot" button sits at the bottom right of the note (76 x 26 world units, 12 from the edges).
    const s = r.w / 200;
    await bruno.page.mouse.click(r.x + r.w - (12 + 38) * s, r.y + r.h - (12 + 13) * s);
    await expect.poll(() => bruno.dotsLeft(), POLL).toBe(1);
    await bruno.selectNote(ids.alice1);
    await bruno.page.getByTestId('dot-add').click();
    await expect.poll(() => bruno.dotsLeft(), POLL).toBe(0);
    await alice.page.screenshot({ path: '/tmp/conv-voting-open-laptop.png' });

    await expect.poll(async () => (await fac.note(ids.fac))?.dots, POLL).toBe(2);
    await fac.page.getByTestId('voting-close').click();
    await expect.poll(() => alice.page.getByTestId('dots-left').count(), POLL).toBe(0);
    await alice.selectNote(ids.fac);
    await expect.poll(() => alice.page.getByTestId('note-dots-total').textContent(), POLL).toContain('2 dots');
    await bruno.selectNote(ids.bruno1);
    await expect.poll(() => bruno.page.getByTestId('note-dots-total').textContent(), POLL).toContain('1 dot');
    await alice.page.screenshot({ path: '/tmp/conv-voting-results-laptop.png' });
  });

  it('the facilitator sorts the stage by dots', async () => {
    await fac.openVotingPanel();
    await fac.page.getByTestId(`sort-stage-${stageId}`).click();
    await expect.poll(async () => (await alice.stageOrder(stageId)).slice(0, 3), POLL)
      .toEqual([ids.fac, ids.alice1, ids.bruno1]);
    await fac.fromMenu('toolbar-voting');
  });

  it('merging by drag keeps both texts, one Ctrl+Z undoes it, and merging by multi-select works too', async () => {
    await fac.zoomToStage(stageId);
    await fac.dragNoteOnto(ids.alice2, ids.bruno1);
    const dialog = fac.page.getByTestId('merge-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('merge-text').allTextContents())
      .toEqual(['One engineer on call for every big deal', 'An engineer joins every large deal']);
    await fac.page.screenshot({ path: '/tmp/conv-merge-dialog-laptop.png' });
    await fac.page.getByTestId('merge-confirm').click();
    for (const p of [alice, bruno]) {
      await expect.poll(async () => (await p.note(ids.alice2)) === undefined, POLL).toBe(true);
      await expect.poll(async () => (await p.note(ids.bruno1))?.merged, POLL).toEqual(['An engineer joins every large deal']);
    }
    expect((await alice.note(ids.bruno1))?.text).toBe('One engineer on call for every big deal');

    await fac.page.keyboard.press('Control+z');
    await expect.poll(async () => (await alice.note(ids.alice2))?.text, POLL).toBe('An engineer joins every large deal');
    await expect.poll(async () => (await alice.note(ids.bruno1))?.merged, POLL).toEqual([]);

    await fac.zoomToStage(stageId);
    await fac.selectNote(ids.bruno1, true);
    await fac.selectNote(ids.alice2, true);
    await fac.page.getByTestId('merge-bar').waitFor();
    await fac.page.getByTestId('merge-selected').click();
    await fac.page.getByTestId('merge-confirm').click();
    for (const p of [alice, bruno]) {
      await expect.poll(async () => (await p.note(ids.bruno1))?.merged, POLL).toEqual(['An engineer joins every large deal']);
      await expect.poll(async () => (await p.stageOrder(stageId)).length, POLL).toBe(3);
    }
    await bruno.selectNote(ids.bruno1);
    await bruno.page.getByTestId('merged-list').waitFor();
    expect(await bruno.page.getByTestId('merged-item').textContent()).toContain('Alice Rossi');
  });

  it('the facilitator accepts and parks notes (button and quick key); everyone sees it', async () => {
    await fac.selectNote(ids.fac);
    await fac.page.getByTestId('status-accepted').click();
    await fac.selectNote(ids.alice1);
    await fac.page.keyboard.press('p');
    for (const p of [alice, bruno]) {
      await expect.poll(async () => (await p.note(ids.fac))?.status, POLL).toBe('accepted');
      await expect.poll(async () => (await p.note(ids.alice1))?.status, POLL).toBe('parked');
    }
    await alice.selectNote(ids.fac);
    expect(await alice.page.getByTestId('note-status').getAttribute('data-status')).toBe('accepted');
    // Participants get no status buttons.
    expect(await alice.page.getByTestId('status-accepted').count()).toBe(0);
    // The facilitator can still reword an accepted note.
    await fac.editNote(ids.fac, 'Technical pre-sales desk in every region');
    await expect.poll(async () => (await bruno.note(ids.fac))?.text, POLL).toBe('Technical pre-sales desk in every region');
    await bruno.page.getByTestId('toolbar-fit').click();
    await bruno.zoomToStage(stageId);
    await bruno.page.screenshot({ path: '/tmp/conv-status-laptop.png' });
  });

  it('phone (390x844): the list view adds a note, proposes an owner and votes', async () => {
    const carla = new ConvergePage(await newPage(PHONE));
    await carla.open(links.participant);
    await carla.join('Carla Bianchi', 'marketing');
    await carla.page.getByTestId('phone-view').waitFor();
    // Writing needs a writing phase.
    await fac.setPhase('brainstorm');
    await carla.page.getByTestId('phone-composer').waitFor();
    await carla.page.getByTestId('phone-note-text').fill('Marketing kit for the first visit');
    await carla.page.getByTestId('phone-kind-bestPractice').click();
    await carla.page.getByTestId('phone-add').click();
    await expect.poll(async () => (await fac.notes()).find((n) => n.text === 'Marketing kit for the first visit')?.kind, POLL)
      .toBe('best practice');
    await expect.poll(() => carla.page.getByTestId('phone-note').count(), POLL).toBe(4);
    await carla.page.screenshot({ path: '/tmp/conv-phone-compose.png' });
    const card = carla.page.getByTestId('phone-note').filter({ hasText: 'One engineer on call' });
    await card.getByTestId('phone-propose').selectOption('engineering');
    await expect.poll(() => fac.page.evaluate((id) =>
      [...(window.__tabella!.snapshot().proposalsByNote.get(id)?.values() ?? [])], ids.bruno1), POLL).toContain('engineering');

    await fac.openVotingPanel();
    await fac.page.getByTestId('voting-open').click();
    await fac.setPhase('vote');
    await expect.poll(() => carla.dotsLeft(), POLL).toBe(2);
    await card.getByTestId('dot-add').click();
    await expect.poll(() => carla.dotsLeft(), POLL).toBe(1);
    await expect.poll(() => card.getByTestId('note-dots-mine').getAttribute('data-count'), POLL).toBe('1');
    await carla.page.screenshot({ path: '/tmp/conv-phone-list.png' });
    await carla.page.getByTestId('phone-view').evaluate((el) => el.scrollTo(0, 0));
    await carla.page.screenshot({ path: '/tmp/conv-phone-list-top.png' });
    // The canvas is one tap away.
    await carla.page.getByTestId('phone-switch').click();
    await carla.page.getByTestId('phone-view').waitFor({ state: 'detached' });
    await carla.page.screenshot({ path: '/tmp/conv-phone-canvas.png' });
  });
});
