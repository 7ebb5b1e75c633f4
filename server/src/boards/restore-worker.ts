import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { BackupProblem } from '../../../shared/src/index.js';
import { BackupRefused, readUpload } from './backup-upload.js';
import { prepareRestore } from './restore-job.js';

/**
 * Worker-thread entry (restore-runner.ts): says `ready`, then reads one
 * uploaded body and answers with the new board's state (and the create key
 * the body carried, for the server to check) or the reason it was refused.
 * Built as its own file next to main.js (package.json build:server).
 */
export interface RestoreRequest {
  /** The raw JSON body of POST /api/boards. */
  body: Uint8Array;
  now: number;
}

export type RestoreReply =
  | { ready: true }
  | { ok: true; state: Uint8Array; createKey: string | undefined }
  | { ok: false; reason: string; problem: BackupProblem; params: Readonly<Record<string, string | number>> };

/**
 * Linux: a thread's nice value is its own, so the worker yields the CPU to the
 * thread that serves every board (on a 2-core machine two restores would
 * otherwise take both cores from it). Best effort: elsewhere it just runs.
 */
function yieldToServer(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // no /proc, or not allowed: keep the default priority
  }
}

const port = parentPort;
if (port) {
  yieldToServer();
  port.once('message', ({ body, now }: RestoreRequest) => {
    let reply: RestoreReply;
    try {
      const upload = readUpload(body);
      reply = { ok: true, state: prepareRestore(upload.state, upload.title, now), createKey: upload.createKey };
    } catch (error) {
      reply = error instanceof BackupRefused
        ? { ok: false, reason: error.message, problem: error.problem, params: error.params }
        : { ok: false, reason: 'the backup could not be read', problem: 'unreadable', params: {} };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies RestoreReply);
}
