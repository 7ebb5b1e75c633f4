import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The built client (`npm run build`). */
export const CLIENT_DIST = fileURLToPath(new URL('../../client/dist', import.meta.url));

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ChunkSet {
  /** Output files (`assets/...js`), in load order of discovery. */
  files: string[];
  /** Their gzipped size (node:zlib, default level), bytes. */
  gzipBytes: number;
  /** The sources bundled into them (from their source maps), e.g. `../../node_modules/konva/lib/Core.js`. */
  sources: string[];
}

export function readManifest(dist = CLIENT_DIST): Manifest {
  const file = `${dist}/.vite/manifest.json`;
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (client/vite.config.ts sets build.manifest)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/**
 * The scripts a page runs before it can be used: the chunk of manifest key `key`
 * and everything it imports statically, transitively (not its dynamic imports,
 * which load on demand). `exclude`: chunks already loaded (the entry's, when
 * measuring what the board adds).
 */
export function chunkSet(manifest: Manifest, key: string, exclude: ReadonlySet<string> = new Set(), dist = CLIENT_DIST): ChunkSet {
  const keys: string[] = [];
  const visit = (k: string) => {
    if (keys.includes(k) || exclude.has(manifest[k]?.file ?? '')) return;
    const chunk = manifest[k];
    if (!chunk) throw new Error(`no chunk ${k} in the manifest`);
    keys.push(k);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(key);
  const files = keys.map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
  let gzipBytes = 0;
  const sources: string[] = [];
  for (const f of files) {
    gzipBytes += gzipSync(readFileSync(`${dist}/${f}`)).length;
    const map = `${dist}/${f}.map`;
    if (existsSync(map)) sources.push(...(JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources);
  }
  return { files, gzipBytes, sources };
}

/** The entry chunk's manifest key (index.html): the one script every page starts with. */
export function entryKey(manifest: Manifest): string {
  const key = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!key) throw new Error('the manifest has no entry');
  return key;
}

/** What the home and join pages load (the entry and its static imports), and what opening the board adds. */
export function firstLoadSizes(dist = CLIENT_DIST): { page: ChunkSet; board: ChunkSet } {
  const manifest = readManifest(dist);
  const page = chunkSet(manifest, entryKey(manifest), new Set(), dist);
  const boardKey = Object.keys(manifest).find((k) => k.endsWith('app/BoardSession.tsx'));
  if (!boardKey) throw new Error('no board chunk (client/src/app/BoardSession.tsx) in the manifest');
  return { page, board: chunkSet(manifest, boardKey, new Set(page.files), dist) };
}
