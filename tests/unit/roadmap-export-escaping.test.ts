import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, buildRoadmap, initializeBoard, mergeNotes, readBoard, setNoteStatus } from '../../shared/src/index.js';
import { neutralizeCell } from '../../server/src/exports/csv.js';
import { contentDisposition, exportFilename } from '../../server/src/exports/filename.js';
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

  it('makes ASCII-safe file names from any title', () => {
    expect(exportFilename('Workshop di visione: qualità & velocità', 'roadmap.pdf')).toBe('Workshop-di-visione-qualita-velocita-roadmap.pdf');
    expect(exportFilename('Привет', 'board.json')).toBe('tabella-board-board.json');
    expect(exportFilename('"../../etc/passwd"', 'roadmap.md')).toBe('etc-passwd-roadmap.md');
    expect(contentDisposition('Qualità "x"', 'roadmap.csv')).toBe(
      `attachment; filename="Qualita-x-roadmap.csv"; filename*=UTF-8''Qualit%C3%A0%20%22x%22-roadmap.csv`,
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
