/**
 * An ASCII-safe file name from a board title: accents folded ("Qualità" ->
 * "Qualita"), anything else that is not a letter, digit, dot, dash or
 * underscore becomes a dash. Safe inside a quoted Content-Disposition
 * filename and on every file system.
 */
export function exportFilename(title: string, suffix: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
    .replace(/[-.]+$/g, '');
  return `${base || 'tabella-board'}-${suffix}`;
}

/** RFC 6266 header: an ASCII filename plus the UTF-8 original title. */
export function contentDisposition(title: string, suffix: string): string {
  const ascii = exportFilename(title, suffix);
  const utf8 = encodeURIComponent(`${title.trim() || 'tabella-board'}-${suffix}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
