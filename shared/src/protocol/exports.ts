/** Files `GET /api/boards/:id/export/<file>` renders (docs/protocol.md). */
export const EXPORT_FILES = [
  'roadmap.pdf', 'roadmap.md', 'roadmap.csv', 'roadmap.docx', 'roadmap.pptx', 'roadmap.xlsx', 'board.json', 'feedback.csv',
] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export function isExportFile(value: unknown): value is ExportFile {
  return typeof value === 'string' && (EXPORT_FILES as readonly string[]).includes(value);
}

/**
 * `&open=` of a booklet export (roadmap.pdf, roadmap.md): whether it lists the
 * notes still to decide. `include` (the default, also when absent) lists them
 * in their own section ("Still to decide") and points to it from each stage;
 * `omit` is the facilitator's choice for a final booklet: the notes are not
 * listed, but the cover and each stage still say how many there are, so open
 * work is never hidden silently.
 */
export const OPEN_NOTES_CHOICES = ['include', 'omit'] as const;
export type OpenNotesChoice = (typeof OPEN_NOTES_CHOICES)[number];

/** The booklets `&open=` applies to; the CSV lists every note whatever its status. */
export const BOOKLET_FILES: readonly ExportFile[] = ['roadmap.pdf', 'roadmap.md', 'roadmap.docx'];

export function isOpenNotesChoice(value: unknown): value is OpenNotesChoice {
  return typeof value === 'string' && (OPEN_NOTES_CHOICES as readonly string[]).includes(value);
}

/**
 * One name for every exported file, the server's and the canvas PNGs:
 * `tabella-<board-title-slug>-<yyyy-mm-dd>-<what>.<ext>`, for example
 * `tabella-vision-workshop-2026-12-02-roadmap.pdf`. The slug is the title in
 * lower case with accents folded ("Qualità" -> "qualita") and every run of
 * other characters a single dash, at most 60 characters; `ascii` also drops
 * letters outside A-Z (the Content-Disposition `filename=` fallback), and a
 * title with nothing left is left out (`tabella-2026-12-02-board.json`). The
 * date is the day the file is made, in the local time of whoever makes it.
 */
export function exportFileName(title: string, what: string, ext: string, date: Date, ascii = false): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return ['tabella', slug, day, what].filter(Boolean).join('-') + `.${ext}`;
}

/** The name of an export file of the server (`roadmap.pdf` -> what `roadmap`, ext `pdf`). */
export function serverExportName(title: string, file: ExportFile, date: Date, ascii = false): string {
  const dot = file.lastIndexOf('.');
  return exportFileName(title, file.slice(0, dot), file.slice(dot + 1), date, ascii);
}
