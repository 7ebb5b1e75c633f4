import { afterAll, describe, expect, it } from 'vitest';
import { addNote, duplicatePairKey, localOrigin, readBoard, setPhase } from '../../shared/src/index.js';
import { connectMember, createBoard } from '../support/clients.js';
import { useBrowserSession } from './support/session.js';
import { DuplicatesPage } from './pages/DuplicatesPage.js';

const POLL = { timeout: 15_000, interval: 100 };

/**
 * An Italian board in the cluster phase, its notes written by a real
 * y-websocket client (as 60 people would have): the facilitator's panel lists
 * the true duplicates, merges one with one click, dismisses another, and after
 * a reload the dismissed pair stays away. Participants see no suggestions.
 */
describe('duplicate suggestions in the cluster phase', () => {
  const session = useBrowserSession();
  const ids: Record<string, string> = {};
  let board: Awaited<ReturnType<typeof createBoard>>;
  let fac: DuplicatesPage;
  let writer: Awaited<ReturnType<typeof connectMember>> | undefined;
  afterAll(() => writer?.destroy());

  it('a facilitator in the cluster phase sees the likely duplicates of an Italian board', async () => {
    const url = session.server.url;
    board = await createBoard(url, { title: 'Workshop vendite Bologna', template: 'vision-workshop', language: 'it' });
    writer = await connectMember(url, board, 'facilitator', 'Marta Bianchi', 'sales');
    await writer.synced;
    const w = writer;
    const [first, second] = readBoard(w.doc).segments[0]!.stages;
    const o = localOrigin(w.memberId);
    const add = (key: string, stageId: string, text: string) => {
      ids[key] = addNote(w.doc, { stageId, text }, w.author, o);
    };
    add('samples', first!.id, 'Spedire i campioni di valutazione entro 48 ore');
    add('quote', first!.id, 'Inviare il preventivo entro 48 ore');
    add('fae', first!.id, "L'FAE partecipa alla prima revisione della specifica");
    add('training', first!.id, 'Formazione per i nuovi venditori dei distributori');
    add('crossRef', first!.id, 'Tabella equivalenze codici concorrenti');
    add('delay', first!.id, 'Avvisare il cliente quando una consegna slitta');
    add('samples2', first!.id, 'Campioni di valutazione spediti entro 48 ore');
    add('fae2', first!.id, "Far partecipare l'FAE alla prima revisione delle specifiche");
    add('crossRef2', second!.id, 'Tabella di equivalenze con i codici della concorrenza');
    add('credit', second!.id, "Verifica del credito prima della conferma d'ordine");
    add('delay2', second!.id, 'Informare i clienti quando le consegne slittano');
    add('moq', second!.id, 'Ridurre il lotto minimo per i prototipi');
    setPhase(w.doc, 'cluster', o);

    fac = new DuplicatesPage(await session.newPage({ width: 1920, height: 1080 }, { locale: 'it-IT' }));
    await fac.open(board.links.facilitator);
    await fac.join('Giulia Neri', 'management');
    await expect.poll(async () => (await fac.notes()).length, POLL).toBe(12);
    await expect.poll(() => fac.toggle.textContent(), POLL).toBe('Possibili doppioni (4)');
    await fac.openPanel();
    const pairs = ['samples', 'fae', 'crossRef', 'delay'].map((k) => duplicatePairKey(ids[k]!, ids[`${k}2`]!));
    expect((await fac.pairKeys()).sort()).toEqual([...pairs].sort());
    // The near miss (samples vs quote, same frame, other subject) is not suggested.
    expect(await fac.pairKeys()).not.toContain(duplicatePairKey(ids.samples!, ids.quote!));
    expect(await fac.seriousA11yViolations()).toEqual([]);
    await fac.page.screenshot({ path: '/tmp/duplicates-panel-1920.png' });
  });

  it('merges a pair with one click: one note left, the other kept in its merged notes', async () => {
    await fac.merge(duplicatePairKey(ids.samples!, ids.samples2!));
    // The older note stays (no dots on either) and keeps the other's text.
    await expect.poll(() => fac.note(ids.samples2!), POLL).toBeUndefined();
    expect(await fac.note(ids.samples!)).toEqual({
      text: 'Spedire i campioni di valutazione entro 48 ore',
      merged: ['Campioni di valutazione spediti entro 48 ore'],
    });
    await expect.poll(() => fac.pairKeys(), POLL).toHaveLength(3);
    // Focus moved on to the next pair: the keyboard user carries on.
    expect(await fac.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('duplicate-merge');
  });

  it('dismisses a pair, which does not come back after a reload', async () => {
    const dismissed = duplicatePairKey(ids.fae!, ids.fae2!);
    await fac.dismiss(dismissed);
    await expect.poll(() => fac.pairKeys(), POLL).not.toContain(dismissed);
    expect(await fac.dismissed()).toEqual([dismissed]);

    await fac.page.reload();
    await fac.waitReady();
    await expect.poll(() => fac.toggle.textContent(), POLL).toBe('Possibili doppioni (2)');
    await fac.openPanel();
    expect((await fac.pairKeys()).sort()).toEqual(
      [duplicatePairKey(ids.crossRef!, ids.crossRef2!), duplicatePairKey(ids.delay!, ids.delay2!)].sort(),
    );
    expect(await fac.dismissed()).toEqual([dismissed]);
  });

  it('participants are offered no suggestions', async () => {
    const alice = new DuplicatesPage(await session.newPage(undefined, { locale: 'it-IT' }));
    await alice.open(board.links.participant);
    await alice.join('Alice Rossi', 'sales');
    await expect.poll(async () => (await alice.notes()).length, POLL).toBe(11);
    expect(await alice.toggle.count()).toBe(0);
  });
});
