import { apiError } from '../api/serverApi.js';
import { EXPORT_FILES, type ExportFile, type OpenNotesChoice } from '../../../shared/src/index.js';

/** The server's files the Export menus offer; the adoption view offers feedback.csv. */
export const SERVER_EXPORTS: readonly ExportFile[] = EXPORT_FILES.filter((file) => file !== 'feedback.csv');

/** The file name from `Content-Disposition` (the UTF-8 `filename*` first), or a fallback. */
export function dispositionName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the ASCII name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** Hands a blob to the browser as a download with this name. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads a file the server renders. Fetched (rather than a plain link) so a
 * refusal shows as a message instead of a downloaded error page; the bytes are
 * the server's, untouched. `version` exports a saved version instead; `open:
 * 'omit'` asks for a booklet without the list of notes still to decide.
 */
export async function downloadExport(
  boardId: string, token: string, file: ExportFile, options: { version?: string; open?: OpenNotesChoice } = {},
): Promise<void> {
  const params = new URLSearchParams({ token });
  if (options.version) params.set('version', options.version);
  if (options.open) params.set('open', options.open);
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/export/${file}?${params.toString()}`);
  if (!response.ok) {
    throw apiError(response, await response.json().catch(() => undefined));
  }
  const blob = await response.blob();
  saveBlob(blob, dispositionName(response.headers.get('content-disposition'), file));
}
