/** Files `GET /api/boards/:id/export/<file>` renders (docs/protocol.md). */
export const EXPORT_FILES = ['roadmap.pdf', 'roadmap.md', 'roadmap.csv', 'board.json', 'feedback.csv'] as const;
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
export const BOOKLET_FILES: readonly ExportFile[] = ['roadmap.pdf', 'roadmap.md'];

export function isOpenNotesChoice(value: unknown): value is OpenNotesChoice {
  return typeof value === 'string' && (OPEN_NOTES_CHOICES as readonly string[]).includes(value);
}
