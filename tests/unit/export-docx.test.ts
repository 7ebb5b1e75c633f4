import * as Y from 'yjs';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCENT, addNote, buildRoadmap, confirmOwners, initializeBoard, readBoard, roadmapLabels, setNoteStatus, upsertMember,
  type Roadmap,
} from '../../shared/src/index.js';
import { renderDocx } from '../../server/src/exports/docx.js';
import { HOSTILE, runRoadmapScenario, type RoadmapScenario } from '../support/roadmap-scenario.js';
import { ALICE, me, system } from './helpers.js';

/**
 * The Word booklet, read back with fflate and fast-xml-parser (not with the
 * library that wrote it): its paragraphs with their styles, its tables, its
 * header, footer, styles, settings, properties and media.
 */

const NOW = Date.UTC(2025, 2, 13, 17);

function exampleBoard(language: 'en' | 'it'): { doc: Y.Doc; s: RoadmapScenario; roadmap: Roadmap } {
  const doc = new Y.Doc();
  const title = language === 'it' ? 'Workshop di visione: qualità & velocità' : 'Vision workshop: quality & speed';
  initializeBoard(doc, { title, template: 'vision-workshop', language }, system, Date.UTC(2025, 2, 12, 8));
  for (const [id, department] of [['alice', 'sales'], ['v1', 'sales'], ['v2', 'fae'], ['v3', 'shipping']] as const) {
    upsertMember(doc, id, { name: `Person ${id}`, department, role: id === 'alice' ? 'facilitator' : 'participant', joinedAt: 1, removed: false }, system);
  }
  const s = runRoadmapScenario(doc, language, ALICE, me, ['v1', 'v2', 'v3']);
  return { doc, s, roadmap: buildRoadmap(readBoard(doc), { now: NOW }) };
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: false,
});

function parse(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}

function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attrs(node: XmlNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}

/** Every element named `tag` under `nodes`, in document order (not looking inside a match). */
function find(nodes: XmlNode[], tag: string): XmlNode[] {
  const out: XmlNode[] = [];
  const visit = (list: XmlNode[]): void => {
    for (const node of list) {
      if (tagOf(node) === tag) out.push(node);
      else visit(childrenOf(node));
    }
  };
  visit(nodes);
  return out;
}

/** A paragraph's text as Word shows it: its w:t texts, a line break for each w:br. */
function textOf(node: XmlNode): string {
  let text = '';
  const visit = (list: XmlNode[]): void => {
    for (const n of list) {
      const tag = tagOf(n);
      if (tag === 'w:t') text += childrenOf(n).map((c) => String(c['#text'] ?? '')).join('');
      else if (tag === 'w:br') text += '\n';
      else if (tag === 'w:tab') text += '\t';
      else visit(childrenOf(n));
    }
  };
  visit([node]);
  return text;
}

/** The text directly in an element (a field instruction, a property), trimmed. */
function instruction(node: XmlNode): string {
  return childrenOf(node).map((c) => String(c['#text'] ?? '')).join('').trim();
}

interface Para {
  style: string;
  text: string;
}

function paragraphs(nodes: XmlNode[]): Para[] {
  return find(nodes, 'w:p').map((p) => {
    const style = find(childrenOf(p), 'w:pStyle')[0];
    return { style: style ? attrs(style)['w:val'] ?? '' : '', text: textOf(p) };
  });
}

/** A table as rows of cell texts. */
function tables(nodes: XmlNode[]): string[][][] {
  // Tables are not nested in the booklet, so every w:tbl is found at its own level.
  return find(nodes, 'w:tbl').map((tbl) => find(childrenOf(tbl), 'w:tr').map((tr) => find(childrenOf(tr), 'w:tc').map((tc) => textOf(tc))));
}

interface Booklet {
  files: Record<string, Uint8Array>;
  xml: string;
  body: XmlNode[];
  paras: Para[];
  texts: string[];
  tables: string[][][];
  part: (name: string) => string;
}

async function render(roadmap: Roadmap, open?: 'include' | 'omit'): Promise<Booklet> {
  const buffer = await renderDocx(roadmap, open ? { open } : {});
  const files = unzipSync(new Uint8Array(buffer));
  const part = (name: string): string => {
    const bytes = files[name];
    if (!bytes) throw new Error(`${name} is missing`);
    return strFromU8(bytes);
  };
  const xml = part('word/document.xml');
  const body = parse(xml);
  const paras = paragraphs(body);
  return { files, xml, body, paras, texts: paras.map((p) => p.text), tables: tables(body), part };
}

/** Accepted action texts of the roadmap. */
function actionTexts(roadmap: Roadmap): string[] {
  return roadmap.segments.flatMap((s) => s.stages.flatMap((st) => st.actions.map((a) => a.text)));
}

function tint(color: string, amount: number): string {
  const n = Number.parseInt(color.slice(1), 16);
  const mix = (c: number): string => Math.round(255 - (255 - c) * amount).toString(16).padStart(2, '0');
  return `${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`.toUpperCase();
}

describe('roadmap.docx', () => {
  for (const language of ['en', 'it'] as const) {
    it(`holds the booklet's content as text, under Word's heading styles (${language})`, async () => {
      const { s, roadmap } = exampleBoard(language);
      const t = roadmapLabels(language);
      const b = await render(roadmap);
      const headings = (style: string): string[] => b.paras.filter((p) => p.style === style).map((p) => p.text);

      for (const segment of roadmap.segments) {
        expect(headings('Heading1')).toContain(`${t.segment} ${segment.number}: ${segment.name}`);
        expect(b.texts).toContain(segment.description);
        for (const stage of segment.stages) expect(headings('Heading2')).toContain(`${segment.number}.${stage.number}  ${stage.name}`);
      }
      s.texts.segments.forEach((summary) => expect(b.texts).toContain(summary));
      expect(b.texts).toContain(s.texts.stage.text);

      // The foreword's blank line separates two paragraphs; the hostile one is kept verbatim as text.
      expect(headings('Heading1')).toEqual(expect.arrayContaining([t.foreword, t.executiveSummary]));
      for (const paragraph of s.texts.foreword.split('\n\n')) expect(b.texts).toContain(paragraph);
      expect(b.texts).toContain(s.texts.executiveSummary);

      const actions = actionTexts(roadmap);
      expect(actions.length).toBeGreaterThan(10);
      // Each action is a line of its own in a cell of its stage's table (under its kind, above its votes).
      const cellLines = b.tables.flat(2).flatMap((c) => c.split('\n'));
      for (const text of actions) expect(cellLines).toContain(text);
      for (const text of Object.values(HOSTILE)) expect(cellLines).toContain(text);
      // Nothing a user typed became markup: no HTML element, no hyperlink, no field but ours.
      expect(find(b.body, 'img')).toHaveLength(0);
      expect(find(b.body, 'w:hyperlink').every((h) => (attrs(h)['w:anchor'] ?? '').startsWith('_Toc'))).toBe(true);
      const fields = find(b.body, 'w:instrText').map(instruction);
      expect(fields.filter((f) => !/^PAGEREF _Toc\d+ \\h$/.test(f))).toEqual(['TOC \\h \\o "1-2"']);

      const accents = language === 'it' ? ['qualità', 'Qualità', '«'] : [];
      for (const accent of accents) expect(b.texts.join('\n')).toContain(accent);

      for (const d of roadmap.byDepartment.filter((x) => x.responsible.length > 0)) {
        expect(headings('Heading2')).toContain(d.department.name);
      }
      expect(roadmap.commitments).toHaveLength(1);
      expect(b.tables.flat(2).join('\n')).toContain(roadmap.commitments[0]!.text);
      expect(headings('Heading1')).toEqual(expect.arrayContaining([t.stillToDecide, t.responsibilityMatrix, t.whatWeOwn, t.commitments, t.appendix]));
      expect(b.texts).toContain(s.texts.foreword.split('\n\n')[0]);

      // The styles are Word's own headings, and the document is in the board's language.
      const styles = b.part('word/styles.xml');
      expect(styles).toMatch(/w:styleId="Heading1"/);
      expect(styles).toMatch(/w:styleId="Heading2"/);
      const docDefaults = find(parse(styles), 'w:docDefaults');
      expect(find(docDefaults, 'w:lang').map((n) => attrs(n)['w:val'])).toContain(language === 'it' ? 'it-IT' : 'en-GB');
      expect(b.part('word/settings.xml')).toMatch(/<w:updateFields( w:val="(true|1)")?\/>/);

      const core = b.part('docProps/core.xml');
      expect(core).toContain(`<dc:creator>Tabella</dc:creator>`);
      expect(find(parse(core), 'dc:title').map(instruction)).toEqual([roadmap.title]);
    });
  }

  it('has real tables for each stage overview and the matrix, cells shaded with the department colour', async () => {
    const { roadmap } = exampleBoard('en');
    const t = roadmapLabels('en');
    const b = await render(roadmap);
    for (const segment of roadmap.segments) {
      const overview = b.tables.find((tb) => tb[0]?.includes(t.salesStage) && tb.slice(1).some((row) => row[1] === segment.stages[0]!.name));
      expect(overview).toBeDefined();
      expect(overview!.slice(1).map((row) => row[1])).toEqual(segment.stages.map((st) => st.name));
      expect(overview!.slice(1).map((row) => row[3])).toEqual(segment.stages.map((st) => String(st.actions.length)));
    }
    // One matrix table per segment: its stages as columns, every department as a row, R/S counts in the cells.
    const matrices = b.tables.filter((tb) => tb[0]?.[0] === t.departmentPages && tb[0]?.at(-1) === t.total);
    expect(matrices).toHaveLength(roadmap.segments.length);
    for (const [i, matrix] of matrices.entries()) {
      expect(matrix[0]!.slice(1, -1)).toEqual(roadmap.segments[i]!.stages.map((st) => `${st.number}. ${st.name}`));
      expect(matrix.slice(1).map((row) => row[0])).toEqual(roadmap.matrix.rows.map((r) => r.department.name));
    }
    const shippingRow = roadmap.matrix.rows.find((r) => r.department.key === 'shipping')!;
    const oem = roadmap.segments[0]!;
    const column = oem.stages.findIndex((st) => st.id === shippingRow.cells.find((c) => c.responsible > 0)!.stageId);
    expect(matrices[0]!.find((row) => row[0] === shippingRow.department.name)![column + 1]).toBe('R 1');
    // The cell is shaded with the department's colour, as in the PDF.
    const fills = find(b.body, 'w:shd').map((n) => attrs(n)['w:fill']);
    expect(fills).toContain(tint(shippingRow.department.color, 0.22));
  });

  it('shows the logo at its aspect ratio, the brand in the header and page fields in the footer', async () => {
    const { roadmap, s } = exampleBoard('it');
    const b = await render(roadmap);
    const media = Object.keys(b.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(b.files[media[0]!]!).equals(Buffer.from(roadmap.brand.logo!.bytes))).toBe(true);
    const extent = find(b.body, 'wp:extent')[0]!;
    expect(Number(attrs(extent).cx) / Number(attrs(extent).cy)).toBeCloseTo(240 / 80, 2);

    const headers = Object.keys(b.files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => b.part(n));
    const header = headers.find((h) => h.includes('Componenti'))!;
    expect(paragraphs(parse(header)).map((p) => p.text).join('')).toContain(s.company);
    expect(header).toContain(`w:color w:val="${roadmap.brand.accentColor.slice(1).toUpperCase()}"`);

    const footers = Object.keys(b.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => b.part(n));
    const footer = footers.find((f) => /PAGE/.test(f))!;
    const instructions = find(parse(footer), 'w:instrText').map(instruction);
    expect(instructions).toEqual(expect.arrayContaining([expect.stringMatching(/^PAGE\b/), expect.stringMatching(/^NUMPAGES\b/)]));
    expect(paragraphs(parse(footer)).map((p) => p.text).join('')).toMatch(/^Pagina .* di /);
  });

  it('omits the notes still to decide but keeps their count when asked', async () => {
    const { roadmap, s, doc } = exampleBoard('en');
    const t = roadmapLabels('en');
    const openText = readBoard(doc).notesById.get(s.open)!.text;
    const included = await render(roadmap, 'include');
    expect(included.texts.join('\n')).toContain(openText);
    expect(included.paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).toContain(t.stillToDecide);

    const omitted = await render(roadmap, 'omit');
    expect(omitted.xml).not.toContain(openText);
    expect(omitted.paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).not.toContain(t.stillToDecide);
    expect(omitted.texts).toContain(t.openOmitted(1));
    expect(omitted.texts.join('\n')).toContain(`${t.stillToDecide}: 1`);
    expect(omitted.texts).toContain(`${t.openCount(1)}.`);
  });

  it('renders a board with no brand, no booklet texts and no notes, and keeps odd characters out of the XML', async () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { title: 'Bare', template: 'vision-workshop', language: 'en' }, system, 1);
    const empty = buildRoadmap(readBoard(doc), { now: NOW });
    const b = await render(empty);
    const t = roadmapLabels('en');
    expect(Object.keys(b.files).some((n) => n.startsWith('word/media/'))).toBe(false);
    expect(b.paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).not.toContain(t.foreword);
    const header = Object.keys(b.files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => b.part(n)).join('');
    expect(header).toContain('Bare');
    expect(header).toContain(`w:color w:val="${DEFAULT_ACCENT.slice(1).toUpperCase()}"`);

    // Texts a roadmap could carry: line breaks kept, characters XML cannot hold dropped, the rest verbatim.
    const stageId = readBoard(doc).segments[0]!.stages[0]!.id;
    const id = addNote(doc, { stageId, text: 'Kept' }, ALICE, me);
    setNoteStatus(doc, id, 'accepted', me);
    confirmOwners(doc, id, { responsible: 'sales', supporting: [] }, me);
    const roadmap = buildRoadmap(readBoard(doc), { now: NOW });
    roadmap.segments[0]!.stages[0]!.actions[0]!.text = 'first line\nsecond \u0001line \uD800& <b>';
    roadmap.foreword = 'One\nstill one\n\n\nTwo';
    const odd = await render(roadmap);
    expect(odd.tables.flat(2)).toContain('first line\nsecond line & <b>');
    expect(odd.texts).toEqual(expect.arrayContaining(['One\nstill one', 'Two']));
  });

  it('renders a 300-note board (time logged)', async () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { title: 'Grande', template: 'vision-workshop', language: 'it' }, system, 1);
    const stages = readBoard(doc).segments.flatMap((s) => s.stages);
    const departments = ['sales', 'fae', 'engineering', 'marketing', 'shipping'];
    for (let i = 0; i < 300; i++) {
      const id = addNote(doc, { stageId: stages[i % stages.length]!.id, text: `Nota ${i}: qualità e velocità ${'parola '.repeat(i % 25)}` }, ALICE, me);
      if (i % 3 === 0) continue;
      setNoteStatus(doc, id, 'accepted', me);
      confirmOwners(doc, id, { responsible: departments[i % 5]!, supporting: [departments[(i + 1) % 5]!] }, me);
    }
    const roadmap = buildRoadmap(readBoard(doc), { now: NOW });
    let last = performance.now();
    let longest = 0;
    const probe = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    const started = performance.now();
    const buffer = await renderDocx(roadmap);
    const elapsed = performance.now() - started;
    clearInterval(probe);
    console.log(`roadmap.docx, 300 notes (200 actions): ${elapsed.toFixed(0)} ms, ${buffer.length} bytes, longest event-loop block ${Math.max(longest, performance.now() - last).toFixed(0)} ms`);
    const xml = strFromU8(unzipSync(new Uint8Array(buffer))['word/document.xml']!);
    for (let i = 1; i < 300; i += 3) expect(xml).toContain(`Nota ${i}: qualità`);
  });
});
