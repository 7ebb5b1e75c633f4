import { writeSync } from 'node:fs';
import pino, { type Logger } from 'pino';

/** After a failed write, log lines are dropped this long before writing is tried again. */
export const LOG_RETRY_MS = 1_000;

/**
 * Where the log goes (stdout): logging must never take the server down or
 * hold it up. pino's default destination (sonic-boom) emits an `'error'` that
 * nobody handles when a write fails (EFBIG past a file size limit, ENOSPC on a
 * full disk), and the process dies. Here a failed write drops that line and
 * every line for `LOG_RETRY_MS`; the next line after that tries again. The
 * first failure says so once on stderr, and the recovery says how many lines
 * were lost. Writes are synchronous, as Node's own stdout is for files and
 * pipes on Linux, so a line is out (or known lost) when `write` returns.
 */
export class LogDestination {
  private retryAt: number | undefined;
  private dropped = 0;
  /** A line was cut off by a failure: the next one starts on a new line. */
  private torn = false;

  constructor(
    private readonly fd = 1,
    private readonly notice: (text: string) => void = toStderr,
  ) {}

  write(line: string): void {
    const now = performance.now();
    if (this.retryAt !== undefined && now < this.retryAt) {
      this.dropped += 1;
      return;
    }
    try {
      writeAll(this.fd, this.torn ? `\n${line}` : line, () => (this.torn = true));
      this.torn = false;
    } catch (error) {
      this.dropped += 1;
      if (this.retryAt === undefined) {
        this.notice(`Tabella cannot write its log (${(error as NodeJS.ErrnoException).code ?? String(error)}): log lines are dropped until it can again; the server keeps running.\n`);
      }
      this.retryAt = now + LOG_RETRY_MS;
      return;
    }
    if (this.retryAt !== undefined) {
      this.notice(`Tabella can write its log again; ${this.dropped} log line(s) were dropped.\n`);
      this.retryAt = undefined;
      this.dropped = 0;
    }
  }
}

/** Writes all of `text`, or throws; `partly` is called once some bytes of it are out. */
function writeAll(fd: number, text: string, partly: () => void): void {
  let buffer = Buffer.from(text);
  while (buffer.length > 0) {
    const written = writeSync(fd, buffer);
    if (written > 0 && written < buffer.length) partly();
    buffer = buffer.subarray(written);
  }
}

/** stderr may be broken too: then the notice is lost, never the server. */
function toStderr(text: string): void {
  try {
    writeSync(2, text);
  } catch {
    // Nowhere left to say it.
  }
}

/** The process's logger: JSON lines on stdout through a `LogDestination`. */
export function createLogger(level: string): Logger {
  return pino({ level }, new LogDestination());
}
