/** Files `GET /api/boards/:id/export/<file>` renders (docs/protocol.md). */
export const EXPORT_FILES = ['roadmap.pdf', 'roadmap.md', 'roadmap.csv', 'board.json', 'feedback.csv'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export function isExportFile(value: unknown): value is ExportFile {
  return typeof value === 'string' && (EXPORT_FILES as readonly string[]).includes(value);
}
