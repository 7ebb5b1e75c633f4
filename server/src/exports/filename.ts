import { serverExportName, type ExportFile } from '../../../shared/src/index.js';

/**
 * RFC 6266 header for an export: `filename=` the ASCII name (accents folded,
 * other letters dropped), `filename*=` the same name keeping letters of every
 * script; both `tabella-<title>-<yyyy-mm-dd>-<what>.<ext>` (exportFileName in
 * shared/, the same as the canvas PNGs). Safe inside the quoted filename and
 * on every file system: only a-z, 0-9, dashes and one dot.
 */
export function contentDisposition(title: string, file: ExportFile, date = new Date()): string {
  const ascii = serverExportName(title, file, date, true);
  const utf8 = encodeURIComponent(serverExportName(title, file, date)).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
