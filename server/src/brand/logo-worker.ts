import { parentPort } from 'node:worker_threads';
import type { BrandLogo } from '../../../shared/src/schema/brand.js';
import { checkLogo, LogoRefused } from './logo-check.js';

/**
 * Worker-thread entry (logo-runner.ts): says `ready`, decodes one upload, and
 * answers with the logo to store or why it was refused. Built as its own file
 * next to main.js (package.json build:server).
 */
export type LogoReply =
  | { ready: true }
  | { ok: true; logo: BrandLogo }
  | { ok: false; problem: LogoRefused['problem']; reason: string };

const port = parentPort;
if (port) {
  port.once('message', (bytes: Uint8Array) => {
    let reply: LogoReply;
    try {
      reply = { ok: true, logo: checkLogo(bytes) };
    } catch (error) {
      reply = error instanceof LogoRefused
        ? { ok: false, problem: error.problem, reason: error.message }
        : { ok: false, problem: 'not-an-image', reason: 'the image could not be read' };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies LogoReply);
}
