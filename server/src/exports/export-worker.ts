import { parentPort } from 'node:worker_threads';
import type { ExportFile } from '../../../shared/src/index.js';
import { renderExport, type ExportOptions, type RenderedExport } from './render.js';

/**
 * Worker-thread entry (export-runner.ts): renders exports one at a time, as
 * asked. Built as its own file next to main.js (package.json build:server).
 */
export interface ExportJob {
  id: number;
  file: ExportFile;
  state: Uint8Array;
  options: ExportOptions;
}

export type ExportReply =
  | { ready: true }
  | { id: number; ok: true; rendered: RenderedExport }
  | { id: number; ok: false; message: string };

const port = parentPort;
if (port) {
  port.on('message', (job: ExportJob) => {
    renderExport(job.file, job.state, job.options).then(
      (rendered) => {
        const body = rendered.body;
        // Handed over, not copied: the body is this worker's and it is done with it.
        const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
        port.postMessage({ id: job.id, ok: true, rendered } satisfies ExportReply, owned ? [body.buffer as ArrayBuffer] : []);
      },
      (error: unknown) => port.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ExportReply),
    );
  });
  port.postMessage({ ready: true } satisfies ExportReply);
}
