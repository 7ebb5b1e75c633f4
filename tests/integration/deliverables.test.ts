import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { PNG } from 'pngjs';
import {
  CLOSE, LOGO_MAX_BYTES, initializeBoard, localOrigin, readBoard, setBookletText, setBrand, setLogo, systemOrigin,
  BOOKLET_SUMMARY_MAX, BOOKLET_TEXT_MAX, BRAND_NAME_MAX,
} from '../../shared/src/index.js';
import { restoreBody } from '../support/crafted-backups.js';
import { connectMember, createBoard, type Member } from '../support/clients.js';
import { storedDoc, useTestServer } from '../support/in-process-server.js';
import { rawSocket } from '../support/raw-socket.js';
import { testLogoJpeg, testLogoPng } from '../support/test-logo.js';

const fixture = useTestServer();

async function workshop() {
  const board = await createBoard(fixture.server.url, { title: 'Deliverables', template: 'vision-workshop', language: 'it', phase: 'brainstorm' });
  const fac = await connectMember(fixture.server.url, board, 'facilitator', 'Fiona Facile', 'management');
  const alice = await connectMember(fixture.server.url, board, 'participant', 'Alice Verdi', 'sales');
  fixture.open.push(fac, alice);
  await Promise.all([fac.synced, alice.synced]);
  return { board, fac, alice };
}

/** Sends `change`, made on a copy of `member`'s doc, as raw bytes; resolves with how the server closed. */
async function attempt(member: Member, boardId: string, change: (doc: Y.Doc) => void) {
  const copy = new Y.Doc();
  copy.clientID = member.doc.clientID + 9_999;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(member.doc));
  const sv = Y.encodeStateVector(copy);
  change(copy);
  const socket = await rawSocket(fixture.server.url, `/sync/${boardId}?token=${member.session}`);
  socket.sendUpdate(Y.encodeStateAsUpdate(copy, sv));
  return socket.closed;
}

const upload = (boardId: string, token: string, body: Uint8Array, type = 'image/png') =>
  fetch(`${fixture.server.url}/api/boards/${boardId}/brand/logo?token=${token}`, { method: 'PUT', headers: { 'Content-Type': type }, body: new Blob([new Uint8Array(body)]) });

describe('the deliverables\' words and the client\'s brand', () => {
  it('D1: the facilitator writes the foreword, summaries and brand; everyone reads them, they are stored', async () => {
    const { board, fac, alice } = await workshop();
    const segment = readBoard(fac.doc).segments[0]!;
    const origin = localOrigin(fac.memberId);
    setBookletText(fac.doc, { key: 'foreword' }, 'Due giorni di lavoro: qualità e velocità.\n\nSecondo paragrafo.', origin);
    setBookletText(fac.doc, { segmentId: segment.id }, 'Più presenza in progettazione.', origin);
    setBookletText(fac.doc, { stageId: segment.stages[0]!.id }, 'Qui si vince il progetto.', origin);
    setBrand(fac.doc, { companyName: 'Componenti Rossi S.p.A.', accentColor: '#0F766E' }, origin);
    await vi.waitFor(() => expect(readBoard(alice.doc).booklet.segments.get(segment.id)).toBe('Più presenza in progettazione.'));
    const stored = readBoard(await storedDoc(fixture.server, board.id));
    expect(stored.booklet.foreword).toBe('Due giorni di lavoro: qualità e velocità.\n\nSecondo paragrafo.');
    expect(stored.booklet.stages.get(segment.stages[0]!.id)).toBe('Qui si vince il progetto.');
    expect(stored.brand).toMatchObject({ companyName: 'Componenti Rossi S.p.A.', accentColor: '#0f766e', logo: null });
    expect(stored.problems).toEqual([]);
    // A saved version holds them, and so does its backup.
    const saved = await fetch(`${fixture.server.url}/api/boards/${board.id}/versions?token=${fac.session}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Fine giorno 1' }),
    });
    expect(saved.status).toBe(201);
    const { id: versionId } = (await saved.json()) as { id: string };
    const backup = await fetch(`${fixture.server.url}/api/boards/${board.id}/export/board.json?token=${fac.session}&version=${versionId}`);
    expect(((await backup.json()) as { snapshot: { booklet: { foreword: string }; brand: { companyName: string } } }).snapshot)
      .toMatchObject({ booklet: { foreword: stored.booklet.foreword }, brand: { companyName: 'Componenti Rossi S.p.A.' } });
    // A cleared text leaves nothing behind.
    setBookletText(fac.doc, { segmentId: segment.id }, '   ', origin);
    await vi.waitFor(async () => expect(readBoard(await storedDoc(fixture.server, board.id)).booklet.segments.size).toBe(0));
  });

  it('D2 (R2): a participant cannot write the booklet or the brand, with any bytes', async () => {
    const { board, alice } = await workshop();
    for (const change of [
      (doc: Y.Doc) => doc.getMap('booklet').set('foreword', 'mine now'),
      (doc: Y.Doc) => doc.getMap('brand').set('companyName', 'Evil Corp'),
      (doc: Y.Doc) => doc.getMap('brand').set('accentColor', '#000000'),
    ]) {
      expect(await attempt(alice, board.id, change)).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R2: /) });
    }
  });

  it('D3 (R11, R13): even a facilitator writes only valid texts, and never the logo', async () => {
    const { board } = await workshop();
    const refused: [(doc: Y.Doc) => void, RegExp][] = [
      [(doc) => doc.getMap('booklet').set('foreword', 'x'.repeat(BOOKLET_TEXT_MAX + 1)), /^R11: .*longer than/],
      [(doc) => doc.getMap('booklet').set('foreword', 42), /^R11: .*plain text/],
      [(doc) => doc.getMap('booklet').set('foreword', new Y.Map()), /^R11: /],
      [(doc) => doc.getMap('booklet').set('whatever', 'x'), /^R11: .*not a booklet text/],
      [(doc) => doc.getMap('brand').set('accentColor', 'red'), /^R11: .*#rrggbb/],
      [(doc) => doc.getMap('brand').set('logo', new Uint8Array([0x89, 0x50])), /^R13: /],
      [(doc) => doc.getMap('brand').set('logoWidth', 10), /^R13: /],
    ];
    // One facilitator per attempt: repeated refusals of one person hit the refusal limit first.
    for (const [i, [change, reason]] of refused.entries()) {
      const fac = await connectMember(fixture.server.url, board, 'facilitator', `Facilitatore ${i}`, 'management');
      fixture.open.push(fac);
      await fac.synced;
      expect(await attempt(fac, board.id, change)).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(reason) });
    }
    expect(readBoard(await storedDoc(fixture.server, board.id)).brand.logo).toBeNull();
  });

  it('D4: a PNG or JPEG logo is decoded on the server and written into the board for everyone', async () => {
    const { board, fac, alice } = await workshop();
    const png = testLogoPng(300, 100);
    const res = await upload(board.id, fac.session, png, 'application/octet-stream');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ type: 'png', width: 300, height: 100 });
    await vi.waitFor(() => expect(readBoard(alice.doc).brand.logo).toMatchObject({ type: 'png', width: 300, height: 100 }));
    // Stored re-encoded: the same pixels, an ordinary PNG.
    const stored = readBoard(await storedDoc(fixture.server, board.id)).brand.logo!;
    expect(PNG.sync.read(Buffer.from(stored.bytes)).data.equals(PNG.sync.read(png).data)).toBe(true);

    const jpeg = testLogoJpeg(120, 60);
    const asJpeg = await upload(board.id, fac.session, jpeg, 'image/png'); // a lying Content-Type changes nothing
    expect(asJpeg.status).toBe(200);
    const logo = readBoard(await storedDoc(fixture.server, board.id)).brand.logo!;
    expect(logo).toMatchObject({ type: 'jpeg', width: 120, height: 60 });
    expect(Buffer.from(logo.bytes).equals(jpeg)).toBe(true);

    const removed = await fetch(`${fixture.server.url}/api/boards/${board.id}/brand/logo?token=${fac.session}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    await vi.waitFor(() => expect(readBoard(alice.doc).brand.logo).toBeNull());
  });

  it('D5: anything that does not decode, or is too large, is refused with a clear error and changes nothing', async () => {
    const { board, fac, alice } = await workshop();
    const png = testLogoPng();
    const truncated = png.subarray(0, png.length - 40);
    const badCrc = Buffer.from(png);
    badCrc[40] = (badCrc[40]! + 1) % 256; // inside the compressed data: the chunk's CRC no longer matches
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const hugeHeader = Buffer.from(png);
    hugeHeader.writeUInt32BE(60_000, 16); // claims 60000 x 80: refused from the header, before inflating
    const jpegTruncated = testLogoJpeg().subarray(0, 200);
    const cases: [Uint8Array, number, string][] = [
      [svg, 400, 'logo-not-an-image'],
      [truncated, 400, 'logo-not-an-image'],
      [badCrc, 400, 'logo-not-an-image'],
      [jpegTruncated, 400, 'logo-not-an-image'],
      [new Uint8Array(0), 400, 'logo-not-an-image'],
      [hugeHeader, 413, 'logo-too-large'],
      [new Uint8Array(LOGO_MAX_BYTES + 1), 413, 'logo-too-large'],
    ];
    for (const [body, status, code] of cases) {
      const res = await upload(board.id, fac.session, body);
      expect(res.status, code).toBe(status);
      expect(await res.json()).toMatchObject({ code });
    }
    // Participants and wrong tokens cannot upload.
    expect((await upload(board.id, alice.session, png)).status).toBe(403);
    expect((await upload(board.id, 'wrong-token', png)).status).toBe(401);
    expect(readBoard(await storedDoc(fixture.server, board.id)).brand.logo).toBeNull();
  });

  it('D6: a restored backup keeps its words and a sound logo; a logo that does not decode is dropped, the board kept', async () => {
    const backup = (logo: Uint8Array) => {
      const doc = new Y.Doc();
      initializeBoard(doc, { title: 'Restored', template: 'vision-workshop', language: 'it' }, systemOrigin('t'));
      setBookletText(doc, { key: 'foreword' }, 'Prefazione già scritta', systemOrigin('t'));
      // Written as a crafted file would: the server never decoded these bytes.
      setLogo(doc, { bytes: logo, type: 'png', width: 240, height: 80 }, systemOrigin('t'));
      return restoreBody(Y.encodeStateAsUpdate(doc));
    };
    const restore = async (body: string) => {
      const res = await fetch(`${fixture.server.url}/api/boards`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      expect(res.status).toBe(201);
      return readBoard(await storedDoc(fixture.server, ((await res.json()) as { id: string }).id));
    };
    const sound = await restore(backup(testLogoPng()));
    expect(sound.booklet.foreword).toBe('Prefazione già scritta');
    expect(sound.brand.logo).toMatchObject({ type: 'png', width: 240, height: 80 });
    const crafted = await restore(backup(new TextEncoder().encode('<svg onload=alert(1)>')));
    expect(crafted.booklet.foreword).toBe('Prefazione già scritta');
    expect(crafted.brand.logo).toBeNull();
    expect(crafted.problems).toEqual([]);
  });
  it('D7 (R11, R13): nested types, a logo smuggled in a nested map, and deleting the logo are refused, even to a facilitator', async () => {
    const { board, fac } = await workshop();
    expect((await upload(board.id, fac.session, testLogoPng())).status).toBe(200);
    await vi.waitFor(() => expect(readBoard(fac.doc).brand.logo).not.toBeNull());
    const nestedMap = (entries: [string, unknown][]) => {
      const map = new Y.Map<unknown>();
      for (const [k, v] of entries) map.set(k, v);
      return map;
    };
    const text = (s: string) => {
      const t = new Y.Text();
      t.insert(0, s);
      return t;
    };
    const refused: [string, (doc: Y.Doc) => void, RegExp][] = [
      ['a Y.Text foreword', (doc) => doc.getMap('booklet').set('foreword', text('rich')), /^R11: /],
      ['a Y.Array summary', (doc) => doc.getMap('booklet').set('executiveSummary', Y.Array.from(['a', 'b'])), /^R11: /],
      ['a Y.Map with a foreword inside', (doc) => doc.getMap('booklet').set('foreword', nestedMap([['text', 'x']])), /^R11: /],
      ['a Y.Text company name', (doc) => doc.getMap('brand').set('companyName', text('Evil')), /^R11: /],
      ['a Y.Map company name', (doc) => doc.getMap('brand').set('companyName', nestedMap([['logo', new Uint8Array([1])]])), /^R11: /],
      ['a logo inside a new nested map', (doc) => doc.getMap('brand').set('extra', nestedMap([['logo', new Uint8Array([1])], ['logoType', 'png']])), /^R11: /],
      ['a nested map named logo', (doc) => doc.getMap('brand').set('logo', nestedMap([['bytes', new Uint8Array([1])]])), /^R13: /],
      ['a Y.Array under a booklet key', (doc) => doc.getMap('booklet').set(`segment:${readBoard(doc).segments[0]!.id}`, Y.Array.from([nestedMap([['logo', 1]])])), /^R11: /],
      ['deleting the logo', (doc) => doc.getMap('brand').delete('logo'), /^R13: /],
      ['deleting the logo type', (doc) => doc.getMap('brand').delete('logoType'), /^R13: /],
      ['writing and deleting the logo in one update', (doc) => doc.transact(() => {
        doc.getMap('brand').set('logoHeight', 1);
        doc.getMap('brand').delete('logoHeight');
      }), /^R13: /],
      ['a company name one past the limit', (doc) => doc.getMap('brand').set('companyName', 'x'.repeat(BRAND_NAME_MAX + 1)), /^R11: .*longer than/],
    ];
    // One facilitator per attempt: repeated refusals of one person hit the refusal limit first.
    for (const [i, [what, change, reason]] of refused.entries()) {
      const other = await connectMember(fixture.server.url, board, 'facilitator', `Facilitatore ${i}`, 'management');
      fixture.open.push(other);
      await other.synced;
      expect(await attempt(other, board.id, change), what).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(reason) });
    }
    const stored = readBoard(await storedDoc(fixture.server, board.id));
    expect(stored.brand.logo).toMatchObject({ type: 'png', width: 240, height: 80 });
    expect(stored.problems).toEqual([]);
  });

  it('D8 (R11): a booklet text is measured in UTF-16 units, as JavaScript counts: at the limit it is stored, one past it is refused', async () => {
    const { board, fac } = await workshop();
    const segment = readBoard(fac.doc).segments[0]!;
    // 3000 emoji are 6000 units (a surrogate pair each): exactly the limit, though only 3000 characters.
    const atLimit = '😀'.repeat(BOOKLET_TEXT_MAX / 2);
    const summaryAtLimit = 'é'.repeat(BOOKLET_SUMMARY_MAX - 2) + '🇮';
    expect(atLimit.length).toBe(BOOKLET_TEXT_MAX);
    expect(summaryAtLimit.length).toBe(BOOKLET_SUMMARY_MAX);
    const refused: [string, (doc: Y.Doc) => void][] = [
      ['one unit past the foreword limit', (doc) => doc.getMap('booklet').set('foreword', `${atLimit}x`)],
      ['one emoji past the summary limit', (doc) => doc.getMap('booklet').set('executiveSummary', `${atLimit}😀`.slice(0, BOOKLET_TEXT_MAX + 1))],
      ['one past a segment summary limit', (doc) => doc.getMap('booklet').set(`segment:${segment.id}`, `${summaryAtLimit}x`)],
    ];
    for (const [i, [what, change]] of refused.entries()) {
      const other = await connectMember(fixture.server.url, board, 'facilitator', `Facilitatore ${i}`, 'management');
      fixture.open.push(other);
      await other.synced;
      expect(await attempt(other, board.id, change), what).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(/^R11: .*longer than/) });
    }
    // Raw writes at the limit (no operation's trimming) are stored as sent.
    fac.doc.transact(() => {
      fac.doc.getMap('booklet').set('foreword', atLimit);
      fac.doc.getMap('booklet').set(`segment:${segment.id}`, summaryAtLimit);
    });
    await vi.waitFor(async () => expect(readBoard(await storedDoc(fixture.server, board.id)).booklet.foreword).toBe(atLimit));
    const stored = readBoard(await storedDoc(fixture.server, board.id));
    expect(stored.booklet.segments.get(segment.id)).toBe(summaryAtLimit);
    expect(stored.problems).toEqual([]);
  });

  it('D9 (R2, R11): a participant can write nothing in the booklet or the brand: nested types (R11 for anyone), deletions, the logo', async () => {
    const { board, fac, alice } = await workshop();
    setBookletText(fac.doc, { key: 'foreword' }, 'Scritto dal facilitatore', localOrigin(fac.memberId));
    expect((await upload(board.id, fac.session, testLogoPng())).status).toBe(200);
    await vi.waitFor(() => expect(readBoard(alice.doc).brand.logo).not.toBeNull());
    await vi.waitFor(() => expect(readBoard(alice.doc).booklet.foreword).toBe('Scritto dal facilitatore'));
    const changes: [string, (doc: Y.Doc) => void][] = [
      ['deleting the foreword', (doc) => doc.getMap('booklet').delete('foreword')],
      ['a Y.Text foreword', (doc) => doc.getMap('booklet').set('foreword', new Y.Text('mine'))],
      ['a nested map in the brand', (doc) => doc.getMap('brand').set('extra', new Y.Map())],
      ['deleting the logo', (doc) => doc.getMap('brand').delete('logo')],
      ['replacing the logo', (doc) => doc.getMap('brand').set('logo', new Uint8Array(testLogoPng()))],
      ['an unknown booklet key', (doc) => doc.getMap('booklet').set('afterword', 'x')],
    ];
    for (const [i, [what, change]] of changes.entries()) {
      const member = i === 0 ? alice : await connectMember(fixture.server.url, board, 'participant', `Partecipante ${i}`, 'sales');
      if (member !== alice) {
        fixture.open.push(member);
        await member.synced;
      }
      expect(await attempt(member, board.id, change), what).toEqual({ code: CLOSE.forbidden, reason: expect.stringMatching(what.includes('Y.Text') ? /^R11: / : /^R2: /) });
    }
    const stored = readBoard(await storedDoc(fixture.server, board.id));
    expect(stored.booklet.foreword).toBe('Scritto dal facilitatore');
    expect(stored.brand.logo).not.toBeNull();
  });
});
