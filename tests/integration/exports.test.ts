import { parse } from 'csv-parse/sync';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildRoadmap, localOrigin, readBoard, setNoteStatus, systemOrigin, upsertMember, type BoardSnapshot,
} from '../../shared/src/index.js';
import { snapshotJson } from '../../server/src/exports/board-json.js';
import { connectMember, createBoard, joinBoard } from '../support/clients.js';
import { startTestServer } from '../support/in-process-server.js';
import { HOSTILE, runRoadmapScenario, type RoadmapScenario } from '../support/roadmap-scenario.js';
import { scenario } from '../support/seed-demo.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Board = Awaited<ReturnType<typeof createBoard>>;

let server: Server;

/** Export names carry the day they are made (exportFileName): today here, in local time. */
function today(): string {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

async function exampleWorkshop(language: 'en' | 'it', title: string): Promise<{ board: Board; s: RoadmapScenario; session: string }> {
  const board = await createBoard(server.url, { title, template: 'vision-workshop', language });
  const facilitator = await joinBoard(server.url, board.id, board.tokens.facilitator, 'Giulia Rossi', 'sales');
  const voters: string[] = [];
  for (const p of scenario.participants.slice(1, 12)) {
    voters.push((await joinBoard(server.url, board.id, board.tokens.participant, p.name, p.department)).memberId);
  }
  // The server writes through the live room, as any server-side change does.
  const s = await server.rooms.withRoom(board.id, (room) =>
    runRoadmapScenario(
      room.doc, language, { id: facilitator.memberId, name: 'Giulia Rossi', department: 'sales' },
      systemOrigin('test'), voters,
    ));
  return { board, s, session: facilitator.session };
}

async function currentSnapshot(boardId: string): Promise<BoardSnapshot> {
  return server.rooms.withRoom(boardId, (room) => readBoard(room.doc));
}

function exportUrl(board: Board, file: string, token: string | undefined, extra = ''): string {
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  return `${server.url}/api/boards/${board.id}/export/${file}${query}${extra}`;
}

async function download(board: Board, file: string, token: string, extra = ''): Promise<{ res: Response; body: Buffer }> {
  const res = await fetch(exportUrl(board, file, token, extra));
  expect(res.status, await res.clone().text().catch(() => '')).toBe(200);
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

async function pdfText(data: Buffer): Promise<{ pages: string[]; numPages: number }> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return { pages, numPages: pdf.numPages };
}

/** Wrapped lines split texts anywhere: compare without whitespace. */
const squash = (s: string): string => s.replace(/\s+/g, '');

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe('export access', () => {
  it('needs a valid token of the board; 401 for unknown boards (as for wrong tokens); 404 for unknown files; 400 for bad ids', async () => {
    const { board, session } = await exampleWorkshop('en', 'Access');
    expect((await fetch(exportUrl(board, 'roadmap.md', undefined))).status).toBe(401);
    expect((await fetch(exportUrl(board, 'roadmap.md', 'not-a-token'))).status).toBe(401);
    expect((await fetch(exportUrl(board, 'roadmap.md', board.tokens.viewer).replace(board.id, 'AAAAAAAAAAAAAAAA'))).status).toBe(401);
    expect((await fetch(exportUrl(board, 'roadmap.md', board.tokens.viewer).replace(board.id, 'bad!id'))).status).toBe(400);
    expect((await fetch(exportUrl(board, 'roadmap.exe', board.tokens.viewer))).status).toBe(404);
    expect((await fetch(exportUrl(board, 'roadmap.csv', board.tokens.viewer, '&delimiter=tab'))).status).toBe(400);
    const participant = await joinBoard(server.url, board.id, board.tokens.participant, 'Pat', 'sales');
    for (const token of [board.tokens.viewer, participant.session, session]) {
      expect((await fetch(exportUrl(board, 'board.json', token))).status).toBe(200);
    }
    // The bearer header works as for every other endpoint.
    const res = await fetch(exportUrl(board, 'roadmap.md', undefined), { headers: { authorization: `Bearer ${board.tokens.viewer}` } });
    expect(res.status).toBe(200);
  });
});

describe('exports of the example workshop (Italian)', () => {
  let board: Board;
  let s: RoadmapScenario;
  let snapshot: BoardSnapshot;

  beforeAll(async () => {
    ({ board, s } = await exampleWorkshop('it', 'Workshop di visione: qualità & velocità'));
    snapshot = await currentSnapshot(board.id);
  });

  it('roadmap.pdf: A4 booklet with every segment, stage, accepted action and owner, in Italian with accents', async () => {
    const { res, body } = await download(board, 'roadmap.pdf', board.tokens.viewer);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="tabella-workshop-di-visione-qualita-velocita-${today()}-roadmap\\.pdf"; filename\\*=UTF-8''`),
    );
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, numPages } = await pdfText(body);
    expect(numPages).toBeGreaterThanOrEqual(8);
    expect(numPages).toBeLessThanOrEqual(30);
    const all = squash(pages.join(' '));
    const roadmap = buildRoadmap(snapshot);
    for (const segment of roadmap.segments) {
      expect(all).toContain(squash(segment.name));
      for (const stage of segment.stages) {
        expect(all).toContain(squash(stage.name));
        for (const action of stage.actions) {
          expect(all).toContain(squash(action.text));
          expect(all).toContain(squash(action.responsible?.name ?? 'non assegnato'));
        }
      }
    }
    expect(roadmap.counts.actions).toBeGreaterThanOrEqual(10);
    for (const label of ['Indice', 'Matrice delle responsabilità', 'Di cosa siamo responsabili', 'Impegni', 'Idee accantonate', 'Domande aperte', 'Qualità']) {
      expect(all).toContain(squash(label));
    }
    // Page numbers on every page, in Italian.
    pages.forEach((text, i) => expect(squash(text)).toContain(squash(`Pagina ${i + 1} di ${numPages}`)));
    // Accents survive (embedded font, real Unicode text).
    expect(all).toContain(squash("L'FAE partecipa alla prima revisione della specifica"));
    expect(all).toContain(squash('Spedizioni e logistica'));
    // The commitment and the parked idea are in the booklet too.
    expect(all).toContain(squash('Spediamo i campioni entro 48 ore'));
    expect(all).toContain(squash('Un portale partner tutto nuovo'));
    // Every page is A4 portrait.
    const pdf = await getDocument({ data: new Uint8Array(body) }).promise;
    const view = (await pdf.getPage(1)).view;
    expect([Math.round(view[2]!), Math.round(view[3]!)]).toEqual([595, 842]);
    await pdf.destroy();
  });

  it('feedback.csv: one row per rep report, newest first, escaped like the roadmap', async () => {
    const { res, body } = await download(board, 'feedback.csv', board.tokens.viewer);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename="tabella-workshop-di-visione-qualita-velocita-${today()}-feedback.csv"`);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(body, { bom: true, delimiter: ';' }) as string[][];
    const [header, ...data] = rows;
    expect(header).toEqual(['Data', 'Segmento', 'Fase di vendita', "Passo dell'acquirente", 'Esito', "Cosa l'ha bloccato", 'Reparto coinvolto', 'Commento', 'Venditore']);
    expect(data).toHaveLength(snapshot.feedback.length);
    expect(data.length).toBeGreaterThan(0);
    const first = snapshot.feedback[0]!;
    const stage = snapshot.stagesById.get(first.stageId)!;
    expect(data[0]!.slice(2, 5)).toEqual([stage.name, stage.buyerStep, { worked: 'Ha funzionato', partly: 'In parte', blocked: 'Bloccato' }[first.outcome]]);
    for (const row of data) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('roadmap.csv: one row per note, UTF-8 BOM, CRLF, quoted, formulas neutralised', async () => {
    const { res, body } = await download(board, 'roadmap.csv', board.tokens.viewer);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename="tabella-workshop-di-visione-qualita-velocita-${today()}-roadmap.csv"`);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8');
    // Every record ends with CRLF (no bare LF).
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    // Italian boards use ';' (Excel's separator in Italian locales).
    const rows = parse(body, { bom: true, delimiter: ';', relax_column_count: false }) as string[][];
    const [header, ...data] = rows;
    expect(header).toEqual(['Segmento', 'Fase di vendita', "Passo dell'acquirente", 'Testo', 'Tipo', 'Stato', 'Responsabile', 'Supporto', 'Voti', 'Autori']);
    const onStages = [...snapshot.notesByStage.values()].flat();
    expect(data).toHaveLength(onStages.length);
    for (const row of data) expect(row).toHaveLength(10);
    const byText = new Map(data.map((r) => [r[3]!, r]));
    expect(byText.get(`'${HOSTILE.formula}`)).toBeDefined();
    expect(byText.get(`'${HOSTILE.plus}`)).toBeDefined();
    expect(byText.get(`'${HOSTILE.minus}`)).toBeDefined();
    expect(byText.get(`'${HOSTILE.at}`)).toBeDefined();
    for (const row of data) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const spedire = byText.get('Spedire i campioni di valutazione entro 48 ore')!;
    expect(spedire).toEqual([
      'OEM design-in', 'Campionatura e supporto alla valutazione', 'Valuta i campioni',
      'Spedire i campioni di valutazione entro 48 ore', 'Azione', 'Accettata', 'Spedizioni e logistica', 'Vendite', '3',
      expect.any(String),
    ]);
    expect(data.some((r) => r[6] === 'Qualità')).toBe(true);
    expect(data.find((r) => r[3] === 'Un portale partner tutto nuovo')![5]).toBe('Accantonata');
    const statuses = new Set(data.map((r) => r[5]));
    expect(statuses).toEqual(new Set(['Accettata', 'Aperta', 'Accantonata']));
    // A comma-separated copy on request.
    const comma = await download(board, 'roadmap.csv', board.tokens.viewer, '&delimiter=comma');
    expect(parse(comma.body, { bom: true })).toEqual(rows);
    expect(s.samples).toHaveLength(8);
  });

  it('roadmap.md: a heading per segment and stage, user text escaped', async () => {
    const { res, body } = await download(board, 'roadmap.md', board.tokens.viewer);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const md = body.toString('utf8');
    const roadmap = buildRoadmap(snapshot);
    expect(md.startsWith('# Workshop di visione: qualità \\& velocità\n')).toBe(true);
    for (const segment of roadmap.segments) {
      expect(md).toMatch(new RegExp(`^## .*Segmento ${segment.number}: ${segment.name.replace(/[()]/g, '\\\\?$&')}$`, 'm'));
      for (const stage of segment.stages) {
        expect(md).toContain(`\n### ${segment.number}.${stage.number} ${stage.name}\n`);
      }
    }
    for (const heading of ['## <a id="matrix"></a>Matrice delle responsabilità', '## Indice', '### Idee accantonate', '### Domande aperte']) {
      expect(md).toContain(heading);
    }
    // Hostile text is there, escaped: no heading, link, image, HTML or table cell of its own.
    expect(md).not.toContain(HOSTILE.markdown);
    expect(md).toContain('\\# Owned \\| by \\[everyone\\]\\(http\\://evil.example\\) \\<img src\\=x onerror\\=alert\\(1\\)\\> \\*now\\*');
    expect(md).not.toMatch(/^#+ Owned/m);
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).not.toMatch(/(^|[^\\])\]\(http/);
    // Each row of the vote table has exactly its 4 cells (no stray unescaped pipes).
    const voteTable = md.slice(md.indexOf('### Conteggio dei voti'), md.indexOf('### Riscontri dal campo'));
    const voteRows = voteTable.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(voteRows.length).toBeGreaterThan(0);
    for (const row of voteRows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(4);
    // And each stage overview row its 5 (the notes still to decide have their column).
    const overviewRows = md.split('\n').filter((l) => /^\| \d+ \| /.test(l) && !voteTable.includes(l));
    expect(overviewRows.length).toBeGreaterThan(0);
    for (const row of overviewRows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(5);
  });

  it('the facilitator\'s words and the client\'s brand are in the PDF and Markdown: foreword, summaries, company, logo', async () => {
    const pdf = await download(board, 'roadmap.pdf', board.tokens.viewer);
    const { pages } = await pdfText(pdf.body);
    const all = squash(pages.join(' '));
    for (const text of [s.texts.foreword.split('\n')[0]!, HOSTILE.formula, ...s.texts.segments, s.texts.stage.text, s.company]) {
      expect(all, text).toContain(squash(text));
    }
    expect(squash(pages[0]!)).toContain(squash(`Preparato per ${s.company}`));
    expect(all).toContain(squash('Sintesi per la direzione'));
    // The logo is drawn on the cover: an image painted on page 1, none elsewhere but there.
    const doc = await getDocument({ data: new Uint8Array(pdf.body), useSystemFonts: false, isEvalSupported: false }).promise;
    const ops = await (await doc.getPage(1)).getOperatorList();
    expect(ops.fnArray).toContain(OPS.paintImageXObject);
    await doc.destroy();

    const md = (await download(board, 'roadmap.md', board.tokens.viewer)).body.toString('utf8');
    expect(md).toContain('## <a id="foreword"></a>Prefazione');
    expect(md).toContain(`_Preparato per ${s.company.replace(/[.&]/g, (c) => (c === '&' ? '\\&' : c))}_`);
    for (const text of [...s.texts.segments, s.texts.stage.text]) expect(md).toContain(text);
    // Typed text stays text: the hostile Markdown of the executive summary is escaped.
    expect(md).toContain('\\# Owned \\| by \\[everyone\\]');
    expect(md).not.toContain('<img src=x');
  });

  it('board.json: versioned backup; its Yjs state reads back as the same board', async () => {
    const { res, body } = await download(board, 'board.json', board.tokens.viewer);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename="tabella-workshop-di-visione-qualita-velocita-${today()}-board.json"`);
    const backup = JSON.parse(body.toString('utf8')) as { format: string; version: number; exportedAt: string; board: string; snapshot: unknown };
    expect(backup.format).toBe('tabella-board');
    expect(backup.version).toBe(1);
    expect(Number.isNaN(Date.parse(backup.exportedAt))).toBe(false);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, new Uint8Array(Buffer.from(backup.board, 'base64')));
    const restored = readBoard(fresh);
    expect(restored).toEqual(snapshot);
    expect(restored.notesById.size).toBe(snapshot.notesById.size);
    expect(backup.snapshot).toEqual(JSON.parse(JSON.stringify(snapshotJson(snapshot))));
    const readable = backup.snapshot as { notes: unknown[]; members: unknown[]; votes: Record<string, { total: number }> };
    expect(readable.notes).toHaveLength(snapshot.notesById.size);
    expect(readable.members).toHaveLength(snapshot.members.length);
    expect(readable.votes[s.samples[1]!]!.total).toBe(3);
    // The deliverables' words and brand travel in the backup, the logo's bytes in its state.
    expect(restored.booklet.foreword).toBe(s.texts.foreword);
    expect(restored.brand.logo?.bytes).toEqual(snapshot.brand.logo?.bytes);
    expect(backup.snapshot).toMatchObject({
      booklet: { foreword: s.texts.foreword, stages: { [s.texts.stage.id]: s.texts.stage.text } },
      brand: { companyName: s.company, accentColor: '#0f766e', logo: { type: 'png', width: 240, height: 80 } },
    });
    fresh.destroy();
  });
});

describe('booklets never hide open work (#12)', () => {
  let board: Board;
  let s: RoadmapScenario;

  beforeAll(async () => {
    ({ board, s } = await exampleWorkshop('en', 'Open work'));
  });

  it('roadmap.md: counts the notes still to decide on the cover and per stage, and lists them in their own section', async () => {
    const md = (await download(board, 'roadmap.md', board.tokens.viewer)).body.toString('utf8');
    const roadmap = buildRoadmap(await currentSnapshot(board.id));
    expect(roadmap.counts.open).toBe(1);
    expect(md).toContain(`**Actions:** ${roadmap.counts.actions} · **[Still to decide](#still-to-decide):** 1\n`);
    expect(md).toMatch(/^\d+\. \[Still to decide\]\(#still-to-decide\)$/m);
    // The stage of the open note has accepted actions, and says what is still open there.
    expect(md).toContain('_1 note still to decide: see “[Still to decide](#still-to-decide)”._');
    // Stage overview: a column per stage with its figure.
    expect(md).toContain('| # | Sales stage | Buyer step | Actions | Still to decide |');
    const section = md.slice(md.indexOf('## <a id="still-to-decide"></a>Still to decide'), md.indexOf('## <a id="matrix"></a>'));
    expect(section).toContain('Notes nobody has accepted or parked yet');
    expect(section).toContain('### 3.1 Be found first\n\n- Idea still to discuss · Giulia Rossi\n');
    expect(s.open).toBeTruthy();
  });

  it('roadmap.md?open=omit: a final booklet without the list, the count still on the cover and the stage', async () => {
    const md = (await download(board, 'roadmap.md', board.tokens.viewer, '&open=omit')).body.toString('utf8');
    expect(md).not.toContain('Idea still to discuss');
    expect(md).not.toContain('#still-to-decide');
    expect(md).toContain('**Actions:** 15 · **Still to decide:** 1\n');
    expect(md).toContain('_1 note still to decide is not listed in this booklet._');
    expect(md).toContain('_1 note still to decide._');
    // The default, spelled out, is the full booklet; anything else is refused.
    const include = (await download(board, 'roadmap.md', board.tokens.viewer, '&open=include')).body.toString('utf8');
    expect(include).toContain('- Idea still to discuss · Giulia Rossi');
    expect((await fetch(exportUrl(board, 'roadmap.md', board.tokens.viewer, '&open=hide'))).status).toBe(400);
  });

  it('roadmap.md: merged notes\' texts and authors under the note that kept them', async () => {
    const md = (await download(board, 'roadmap.md', board.tokens.viewer)).body.toString('utf8');
    expect(md).toContain('· [1 note merged](#merged)');
    const merged = md.slice(md.indexOf('### <a id="merged"></a>Merged notes'), md.indexOf('### Vote counts'));
    expect(merged).toContain('- 1.2 Shape the spec: **FAE joins the first spec review with a reference design**\n  - An FAE at the spec review — Giulia Rossi\n');
  });

  it('roadmap.pdf: the figure on the cover and stages, the section, merged texts in the appendix; ?open=omit keeps the figure only', async () => {
    const full = await pdfText((await download(board, 'roadmap.pdf', board.tokens.viewer)).body);
    const all = squash(full.pages.join(' '));
    expect(squash(full.pages[0]!)).toContain(squash('Still to decide: 1'));
    expect(all).toContain(squash('1 note still to decide: see “Still to decide”.'));
    const section = full.pages.findIndex((p) => squash(p).includes(squash('Notes nobody has accepted or parked yet')));
    expect(section).toBeGreaterThan(1);
    expect(squash(full.pages.slice(section).join(' '))).toContain(squash('Idea still to discuss'));
    // Contents lists the section.
    expect(squash(full.pages[1]!)).toContain(squash('Still to decide'));
    const appendix = squash(full.pages.slice(full.pages.findIndex((p) => squash(p).includes('Parkedideas'))).join(' '));
    expect(appendix).toContain(squash('Merged notes'));
    expect(appendix).toContain(squash('An FAE at the spec review — Giulia Rossi'));

    const omitted = await pdfText((await download(board, 'roadmap.pdf', board.tokens.viewer, '&open=omit')).body);
    const rest = squash(omitted.pages.join(' '));
    expect(rest).not.toContain(squash('Idea still to discuss'));
    expect(squash(omitted.pages[0]!)).toContain(squash('Still to decide: 1'));
    expect(squash(omitted.pages[0]!)).toContain(squash('1 note still to decide is not listed in this booklet.'));
    expect(rest).toContain(squash('1 note still to decide.'));
    expect(omitted.numPages).toBeLessThan(full.numPages);
  });

  it('counts participants as distinct people', async () => {
    // 1 facilitator and 11 participants joined; names are unique per board, so a second
    // record under one name (an older board, a restored backup) is the same person.
    await server.rooms.withRoom(board.id, (room) => {
      upsertMember(room.doc, 'again1', { name: 'giulia  rossi', department: 'sales', role: 'participant', joinedAt: Date.now(), removed: false }, systemOrigin('test'));
    });
    const md = (await download(board, 'roadmap.md', board.tokens.viewer)).body.toString('utf8');
    expect(md).toContain('| **Total** | **12** |');
  });
});

describe('exports follow the live board', () => {
  // An accepted note is an action line (text, then two spaces and the owners line); an open one is listed under "Still to decide".
  const AS_ACTION = '- Idea still to discuss  \n';

  it('reads the loaded room while people are connected (edits not yet stored included)', async () => {
    const { board, s } = await exampleWorkshop('en', 'Live board');
    const before = (await download(board, 'roadmap.md', board.tokens.viewer)).body.toString('utf8');
    expect(before).not.toContain(AS_ACTION);
    expect(before).toContain('- Idea still to discuss · Giulia Rossi');
    const facilitator = await connectMember(server.url, board, 'facilitator', 'Fran', 'sales');
    await facilitator.synced;
    setNoteStatus(facilitator.doc, s.open, 'accepted', localOrigin(facilitator.memberId));
    const deadline = Date.now() + 10_000;
    let md = before;
    while (Date.now() < deadline) {
      md = (await download(board, 'roadmap.md', board.tokens.viewer)).body.toString('utf8');
      if (md.includes(AS_ACTION)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(md).toContain(AS_ACTION);
    expect(md).toContain('**[Still to decide](#still-to-decide):** 0');
    facilitator.destroy();
  });

  it('exports a saved version with ?version=, as it was when saved', async () => {
    const { board, s, session } = await exampleWorkshop('en', 'Versions');
    const saved = await fetch(`${server.url}/api/boards/${board.id}/versions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
      body: JSON.stringify({ name: 'End of day 1' }),
    });
    expect(saved.status).toBe(201);
    const version = (await saved.json()) as { id: string };
    await server.rooms.withRoom(board.id, (room) => setNoteStatus(room.doc, s.open, 'accepted', systemOrigin('test')));
    const now = (await download(board, 'roadmap.md', board.tokens.viewer)).body.toString('utf8');
    const then = (await download(board, 'roadmap.md', board.tokens.viewer, `&version=${version.id}`)).body.toString('utf8');
    expect(now).toContain(AS_ACTION);
    expect(then).not.toContain(AS_ACTION);
    expect(then).toContain('- Idea still to discuss · Giulia Rossi');
    expect((await fetch(exportUrl(board, 'roadmap.md', board.tokens.viewer, '&version=AAAAAAAAAAAA'))).status).toBe(404);
    expect((await fetch(exportUrl(board, 'roadmap.md', board.tokens.viewer, '&version=no:pe'))).status).toBe(400);
  });

  it('a board where nothing was accepted still yields a roadmap of its open notes', async () => {
    const board = await createBoard(server.url, { title: 'Nothing accepted', template: 'vision-workshop', language: 'en' });
    const { body } = await download(board, 'roadmap.pdf', board.tokens.viewer);
    const { numPages, pages } = await pdfText(body);
    expect(numPages).toBeGreaterThanOrEqual(6);
    expect(squash(pages.join(' '))).toContain(squash('No note was formally accepted'));
  });
});
