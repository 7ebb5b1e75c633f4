import { execFileSync } from 'node:child_process';

/**
 * A real filesystem failure for a running process, made with `prlimit`
 * (util-linux): its soft RLIMIT_FSIZE is set to `bytes`. Past that offset every
 * write to a regular file fails with EFBIG (Node ignores the SIGXFSZ that comes
 * with it, so the process lives on), and SQLite reports SQLITE_IOERR_WRITE, as
 * it would for a disk that fails or fills. With 1 byte, no write to the
 * database, its WAL or its journal can succeed, even into space the WAL already
 * has. Pipes (the server's stdout log) are not files and keep working.
 *
 * Only the soft limit changes, so lifting it needs no privilege
 * (CAP_SYS_RESOURCE): the returned function puts back the soft limit the
 * process had before.
 */
export function limitFileSize(pid: number, bytes = 1): () => void {
  const prlimit = (...args: string[]) => {
    try {
      return execFileSync('prlimit', ['--pid', String(pid), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(
          'prlimit not found: this test limits the server\'s file size with it. Install util-linux (apt-get install util-linux)',
          { cause: error },
        );
      }
      throw new Error(`prlimit ${args.join(' ')} failed for pid ${pid}: ${(error as { stderr?: string }).stderr ?? String(error)}`, {
        cause: error,
      });
    }
  };
  const before = prlimit('--fsize', '--raw', '--noheadings', '--output=SOFT').trim();
  prlimit(`--fsize=${bytes}:`);
  const now = prlimit('--fsize', '--raw', '--noheadings', '--output=SOFT').trim();
  if (now !== String(bytes)) throw new Error(`prlimit did not take: the soft file size limit of ${pid} is ${now}`);
  let lifted = false;
  return () => {
    if (lifted) return;
    lifted = true;
    prlimit(`--fsize=${before}:`);
  };
}
