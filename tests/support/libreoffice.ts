import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Converts `files` to PDF in `outdir` with one LibreOffice run (its start is
 * the slow part), under a profile of its own in `work`, so nothing is shared
 * with another run. Each PDF is named after its source file.
 */
export function convertToPdf(files: string[], outdir: string, work: string): Promise<{ code: number | null; output: string }> {
  const profile = pathToFileURL(join(work, 'profile')).href;
  return new Promise((resolve, reject) => {
    const child = spawn('soffice', [
      `-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nologo', '--convert-to', 'pdf', '--outdir', outdir, ...files,
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
