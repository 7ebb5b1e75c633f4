import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ExportFile } from '../../shared/src/index.js';
import { renderExport } from '../../server/src/exports/render.js';
import { xmlSafe, xmlSafeRoadmap } from '../../server/src/exports/xml-text.js';
import { buildRoadmap, readBoard } from '../../shared/src/index.js';
import * as Y from 'yjs';
import { hostileBoard, OFFICE_FILES, type HostileField } from '../support/hostile-board.js';

/**
 * Every user-typed text of a board (title, segment and stage names, buyer
 * steps, descriptions, department and member names, notes and their authors,
 * merged notes, commitments, feedback, booklet texts, company name) replaced
 * by a seeded mix of characters XML 1.0 forbids and legal ones that are easy
 * to get wrong (support/hostile-board.ts), written into the maps as a
 * facilitator's raw update could. The office files are read back with fflate
 * and fast-xml-parser, not with the libraries that wrote them: every XML part
 * (document properties included) must be well-formed, down to each character,
 * and must say exactly what the same board says with the forbidden characters
 * taken out beforehand (`expected`).
 */

const NOW = Date.UTC(2025, 2, 13, 17);
const SEEDS = Array.from({ length: 30 }, (_, i) => 1000 + i);
/** The seeds whose board is also rendered cleaned, to compare every text (a deck takes a few hundred ms). */
const COMPARED = new Set(SEEDS.filter((_, i) => i % 5 === 0));

/**
 * Where each export shows a user's text (its marker found in some XML part):
 * every board must show all of them, whatever characters surround the marker.
 */
const SHOWN: Record<string, string[]> = {
  'roadmap.docx': [
    'title', 'segment name', 'stage name', 'stage buyer step', 'department name', 'note text', 'commitment text', 'commitment by',
    'booklet foreword', 'booklet executiveSummary', 'booklet segment', 'booklet stage', 'company',
    'segment description', 'note author', 'note merged text', 'note merged author', 'feedback blocker', 'feedback comment', 'feedback rep',
  ],
  'roadmap.pptx': [
    'title', 'segment name', 'stage name', 'stage buyer step', 'department name', 'note text', 'commitment text', 'commitment by',
    'booklet foreword', 'booklet executiveSummary', 'booklet segment', 'booklet stage', 'company',
    'segment description',
  ],
  'roadmap.xlsx': [
    'title', 'segment name', 'stage name', 'stage buyer step', 'department name', 'note text', 'commitment text', 'commitment by',
    'booklet foreword', 'booklet executiveSummary', 'booklet segment', 'booklet stage', 'company',
    'note author', 'note merged author',
  ],
};

/** What XML 1.0's Char production excludes, as a JS string can hold it (lone surrogates included). */
// eslint-disable-next-line no-control-regex -- the characters under test
const FORBIDDEN_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
// (with the `u` flag a lone surrogate is one code point, a pair another: the lookarounds are belt and braces)
const strip = (text: string): string => text.replace(FORBIDDEN_RE, '');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/**
 * What a text becomes on its way to the exports, minus what XML forbids. A
 * board travels as a Yjs update, whose strings are UTF-8: a lone surrogate
 * reaches the server (and every other client) as U+FFFD, the replacement
 * character, before any renderer sees it; the other forbidden characters
 * arrive as typed and are the renderers' to drop.
 */
const expected = (text: string): string => strip(text.replace(LONE_SURROGATE, '\ufffd'));

function xmlCharCode(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Why one XML part is not well-formed XML 1.0, or undefined. */
function xmlProblem(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'not UTF-8';
  }
  FORBIDDEN_RE.lastIndex = 0;
  const bad = FORBIDDEN_RE.exec(text);
  if (bad) return `U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, bad.index - 40), bad.index))}`;
  for (const ref of text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const code = ref[1]!.startsWith('x') ? Number.parseInt(ref[1]!.slice(1), 16) : Number.parseInt(ref[1]!, 10);
    if (!xmlCharCode(code)) return `character reference ${ref[0]}`;
  }
  const verdict = XMLValidator.validate(text);
  return verdict === true ? undefined : `${verdict.err.code}: ${verdict.err.msg} (line ${verdict.err.line})`;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, trimValues: false });

/**
 * Every text node and attribute value of an XML part, in document order,
 * entities decoded, compared without their spacing: a reader trims some texts
 * (names, the company) before a renderer drops a forbidden character, so
 * `'Rossi \u0001'` shows as `'Rossi '` where the cleaned board shows `'Rossi'`
 * (and a list of names as `'Rossi , Bianchi'`): a cosmetic space, not a lost
 * character. Left out: Word's creation time (docx writes the clock's, not the
 * roadmap's), bare numbers and `_Toc` bookmark numbers (docx numbers drawings
 * and bookmarks across documents, not per document) and
 * `xml:space="preserve"` (which a text that ends in a space gets).
 */
function textsOf(xml: string): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      if (!/^(\d{4}-\d\d-\d\dT[\d:.]+Z|\d+|preserve)$/.test(node)) out.push(node.replace(/\s+/g, '').replace(/_Toc\d+/g, '_Toc'));
    }
    else if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(parser.parse(xml));
  return out;
}

/** Where two lists of texts first differ, with a little context, or undefined. */
function difference(got: string[], want: string[]): string | undefined {
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  if (i === got.length && i === want.length) return undefined;
  const around = (list: string[]): string => JSON.stringify(list.slice(Math.max(0, i - 2), i + 2).map((t) => t.slice(0, 160)));
  return `text ${i}: ${around(got)} where the cleaned board has ${around(want)}`;
}

interface Read { problems: string[]; parts: Map<string, string> }

function readOffice(body: Buffer): Read {
  const problems: string[] = [];
  const parts = new Map<string, string>();
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(body)))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const problem = xmlProblem(bytes);
    if (problem) problems.push(`${name}: ${problem}`);
    else parts.set(name, strFromU8(bytes));
  }
  return { problems, parts };
}

const render = async (file: ExportFile, state: Uint8Array): Promise<Buffer> => (await renderExport(file, state, { now: NOW })).body;

/** The places whose marker shows in `read`'s parts (markers are plain letters and digits: searched in the raw XML). */
function shown(read: Read, fields: HostileField[]): Set<string> {
  const all = [...read.parts.values()].join('\n');
  return new Set(fields.filter((f) => all.includes(f.marker)).map((f) => f.place));
}

describe('office exports of texts hostile to XML', () => {
  it('the oracle sees what is wrong: forbidden characters, references to them, broken markup', () => {
    expect(xmlProblem(new TextEncoder().encode('<a>ok &amp; &#x1F600; \t</a>'))).toBeUndefined();
    expect(xmlProblem(new TextEncoder().encode('<a>\u0001</a>'))).toMatch(/U\+0001/);
    expect(xmlProblem(new TextEncoder().encode('<a>\uffff</a>'))).toMatch(/U\+ffff/);
    expect(xmlProblem(new TextEncoder().encode('<a>&#1;</a>'))).toMatch(/reference/);
    expect(xmlProblem(new TextEncoder().encode('<a>&#xD800;</a>'))).toMatch(/reference/);
    expect(xmlProblem(new TextEncoder().encode('<a><b></a>'))).toBeDefined();
    expect(xmlProblem(new Uint8Array([0x3c, 0x61, 0x3e, 0xed, 0xa0, 0x80, 0x3c, 0x2f, 0x61, 0x3e]))).toBe('not UTF-8');
    expect(strip('a\u0000b\ud800c\udfffd😀e\uffff')).toBe('abcd😀e');
  });

  for (const file of OFFICE_FILES) {
    it(`${file}: every XML part of ${SEEDS.length} hostile boards is well-formed and shows each text minus the forbidden characters`, async () => {
      for (const seed of SEEDS) {
        const hostile = hostileBoard(seed);
        const read = readOffice(await render(file, hostile.state));
        expect(read.problems, `seed ${seed}`).toEqual([]);
        const seen = shown(read, hostile.fields);
        expect(SHOWN[file]!.filter((place) => !seen.has(place)), `seed ${seed}: texts not shown`).toEqual([]);
        if (!COMPARED.has(seed)) continue;
        const cleaned = readOffice(await render(file, hostileBoard(seed, expected).state));
        expect(cleaned.problems, `seed ${seed} (stripped)`).toEqual([]);
        expect([...read.parts.keys()].sort(), `seed ${seed}`).toEqual([...cleaned.parts.keys()].sort());
        for (const [name, xml] of read.parts) expect(difference(textsOf(xml), textsOf(cleaned.parts.get(name)!)), `seed ${seed}: ${name}`).toBeUndefined();
      }
    }, 120_000);
  }

  it('the PDF, Markdown and CSV of hostile boards render (forbidden characters and all)', async () => {
    for (const seed of SEEDS.slice(0, 3)) {
      const { state, fields } = hostileBoard(seed);
      for (const file of ['roadmap.pdf', 'roadmap.md', 'roadmap.csv'] as const) {
        const body = await render(file, state);
        expect(body.length, `seed ${seed}: ${file}`).toBeGreaterThan(1000);
        if (file !== 'roadmap.pdf') expect(body.toString('utf8')).toContain(fields.find((f) => f.place === 'note text')!.marker);
      }
    }
  }, 60_000);

  it('xmlSafe drops exactly what XML 1.0 forbids; xmlSafeRoadmap keeps shared objects shared and the logo as it is', () => {
    expect(xmlSafe('a\u0000b\u000bc\u001fd\ufffee\uffff\ud800f\udc00g')).toBe('abcdefg');
    expect(xmlSafe('\t\n\r <&]]> 😀 \u200f e\u0301 \ufffd')).toBe('\t\n\r <&]]> 😀 \u200f e\u0301 \ufffd');
    expect(xmlSafe('😀'.slice(0, 1) + 'x' + '😀'.slice(1))).toBe('x');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, hostileBoard(SEEDS[0]!).state);
    const roadmap = buildRoadmap(readBoard(doc), { now: NOW });
    const safe = xmlSafeRoadmap(roadmap);
    expect(safe).not.toBe(roadmap);
    expect(safe.brand.logo?.bytes).toBe(roadmap.brand.logo?.bytes);
    // eslint-disable-next-line no-control-regex -- the characters under test
    expect(JSON.stringify(safe)).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    // A note listed in its stage and among the votes is one object in the roadmap, and in the copy too.
    const inStages = (r: typeof roadmap, item: unknown): boolean =>
      r.segments.flatMap((s) => s.stages).some((st) => [...st.actions, ...st.open, ...st.parked, ...st.questions].includes(item as never));
    expect(inStages(roadmap, roadmap.votes[0]!.item)).toBe(true);
    expect(inStages(safe, safe.votes[0]!.item)).toBe(true);
    expect(xmlSafeRoadmap(safe)).toBe(safe);
  });
});
