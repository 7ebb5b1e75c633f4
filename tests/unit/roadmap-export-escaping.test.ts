import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addNote, buildRoadmap, exportFileName, initializeBoard, mergeNotes, readBoard, serverExportName, setNoteStatus,
} from '../../shared/src/index.js';
import { neutralizeCell } from '../../server/src/exports/csv.js';
import { contentDisposition } from '../../server/src/exports/filename.js';
import { escapeMarkdown, renderMarkdown } from '../../server/src/exports/markdown.js';
import { me, system } from './helpers.js';

describe('export escaping', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const cell of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeCell(cell)).toBe(`'${cell}`);
    for (const cell of ['Qualità', '1+1', 'a=b', '', ' =x']) expect(neutralizeCell(cell)).toBe(cell);
  });

  it('escapes Markdown so user text stays one line of plain text', () => {
    expect(escapeMarkdown('# Title')).toBe('\\# Title');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('[x](http://e.x)')).toBe('\\[x\\]\\(http\\://e.x\\)');
    expect(escapeMarkdown('<script>')).toBe('\\<script\\>');
    expect(escapeMarkdown('![i](x) *b* _i_ `c` ~s~ &amp;')).toBe('\\!\\[i\\]\\(x\\) \\*b\\* \\_i\\_ \\`c\\` \\~s\\~ \\&amp;');
    expect(escapeMarkdown('line\n# two\r\nthree')).toBe('line \\# two three');
    expect(escapeMarkdown('see www.evil.example')).toBe('see www\\.evil.example');
    expect(escapeMarkdown("L'FAE è qui, 48 ore.")).toBe("L'FAE è qui, 48 ore.");
  });

  it('names every export tabella-<title>-<yyyy-mm-dd>-<what>.<ext>, safe from any title', () => {
    const day = new Date(2026, 11, 2, 9, 30);
    expect(serverExportName('Workshop di visione: qualità & velocità', 'roadmap.pdf', day, true)).toBe('tabella-workshop-di-visione-qualita-velocita-2026-12-02-roadmap.pdf');
    expect(serverExportName('Привет', 'board.json', day, true)).toBe('tabella-2026-12-02-board.json');
    expect(serverExportName('Привет', 'board.json', day)).toBe('tabella-привет-2026-12-02-board.json');
    expect(serverExportName('"../../etc/passwd"', 'roadmap.md', day, true)).toBe('tabella-etc-passwd-2026-12-02-roadmap.md');
    expect(serverExportName('', 'feedback.csv', day)).toBe('tabella-2026-12-02-feedback.csv');
    // The canvas PNGs follow the same pattern.
    expect(exportFileName('Vision workshop', 'segment-2', 'png', day)).toBe('tabella-vision-workshop-2026-12-02-segment-2.png');
    expect(serverExportName('x'.repeat(200), 'roadmap.csv', day)).toBe(`tabella-${'x'.repeat(60)}-2026-12-02-roadmap.csv`);
    expect(contentDisposition('Qualità "x"', 'roadmap.csv', day)).toBe(
      `attachment; filename="tabella-qualita-x-2026-12-02-roadmap.csv"; filename*=UTF-8''tabella-qualita-x-2026-12-02-roadmap.csv`,
    );
    expect(contentDisposition('Città', 'board.json', day)).toBe(
      `attachment; filename="tabella-citta-2026-12-02-board.json"; filename*=UTF-8''tabella-citta-2026-12-02-board.json`,
    );
  });

  it('escapes the texts and authors of notes still to decide and of merged notes', () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { title: 'T', template: 'vision-workshop', language: 'en' }, system, 1);
    const stageId = readBoard(doc).segments[0]!.stages[0]!.id;
    const mallory = { id: 'mallory', name: '# <img src=x> [m](http://e.x)', department: '' };
    const kept = addNote(doc, { stageId, text: 'Kept' }, mallory, me);
    const merged = addNote(doc, { stageId, text: '## Merged | <b>bold</b>' }, mallory, me);
    const open = addNote(doc, { stageId, text: '- [open](http://e.x)' }, mallory, me);
    mergeNotes(doc, kept, [merged], me);
    setNoteStatus(doc, kept, 'accepted', me);
    const md = renderMarkdown(buildRoadmap(readBoard(doc), { now: 2 }));
    expect(open).toBeTruthy();
    expect(md).toContain('- \\- \\[open\\]\\(http\\://e.x\\) · \\# \\<img src\\=x\\> \\[m\\]\\(http\\://e.x\\)\n');
    expect(md).toContain('  - \\#\\# Merged \\| \\<b\\>bold\\</b\\> — \\# \\<img src\\=x\\> \\[m\\]\\(http\\://e.x\\)\n');
    expect(md).not.toMatch(/(^|[^\\])<(img|b)\b/);
    expect(md).not.toMatch(/(^|[^\\])\]\(http/);
  });
});
