/**
 * Where a worker thread's entry is, for a module at `moduleUrl` (its
 * import.meta.url) and the entry's base name. In the bundle (server/dist)
 * esbuild emits each worker as `<name>.js` next to main.js (package.json
 * build:server). From source (tsx, vitest) it is TypeScript: a data: URL entry
 * has tsx compile it inside the worker, since loader flags in a worker's
 * execArgv do not apply to its entry in Node 20.
 */
export function workerEntryUrl(moduleUrl: string, name: string): URL {
  if (!moduleUrl.endsWith('.ts')) return new URL(`./${name}.js`, moduleUrl);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`./${name}.ts`, moduleUrl).href;
  const code = `import { tsImport } from ${JSON.stringify(tsx)}; await tsImport(${JSON.stringify(entry)}, ${JSON.stringify(moduleUrl)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
