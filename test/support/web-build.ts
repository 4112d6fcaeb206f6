import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(__dirname, '../..');
export const WEB_DIST = path.join(root, 'dist/web');
const WEB_SOURCES = path.join(root, 'apps/web');

/** One entry of Vite's build manifest (`build.manifest: true`), keyed by source path. */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

function newestSource(dir: string): { file: string; mtimeMs: number } {
  let newest = { file: dir, mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    const candidate = entry.isDirectory() ? newestSource(file) : { file, mtimeMs: statSync(file).mtimeMs };
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

/**
 * The manifest of the web build in dist/web. `npm test` and `npm run test:integration` build first; a missing or
 * stale build fails here with what to run, rather than measuring or serving yesterday's app.
 */
export function readWebManifest(): Manifest {
  const file = path.join(WEB_DIST, '.vite/manifest.json');
  let builtAt: number;
  try {
    builtAt = statSync(file).mtimeMs;
  } catch {
    throw new Error(`No web build at ${file}: run \`npm run build:web\` first`);
  }
  const newest = newestSource(WEB_SOURCES);
  if (newest.mtimeMs > builtAt) {
    throw new Error(`The web build is older than ${path.relative(root, newest.file)}: run \`npm run build:web\` first`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

export function entryKey(manifest: Manifest): string {
  const keys = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  if (keys.length !== 1) throw new Error(`expected one entry in the web manifest, found ${keys.length}`);
  return keys[0];
}

/** The chunks a browser loads for these manifest keys: each one and everything it imports statically. */
export function staticClosure(manifest: Manifest, keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = [...keys];
  while (pending.length) {
    const key = pending.pop()!;
    if (seen.has(key)) continue;
    if (!manifest[key]) throw new Error(`${key} is not in the web manifest`);
    seen.add(key);
    pending.push(...(manifest[key].imports ?? []));
  }
  return [...seen];
}

export interface FirstLoad {
  files: string[];
  /** Uncompressed bytes of the JavaScript. */
  jsBytes: number;
  /** Bytes of the same files gzipped as the API sends them (zlib's default level). */
  jsGzipBytes: number;
}

/**
 * The JavaScript a first visit to a page downloads before the page shows: the entry chunk, and the lazily loaded
 * modules the page renders (its frame and the page), each with its static imports.
 */
export function firstLoad(manifest: Manifest, pageSources: readonly string[]): FirstLoad {
  const files = staticClosure(manifest, [entryKey(manifest), ...pageSources]).map((key) => manifest[key].file);
  let jsBytes = 0;
  let jsGzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(WEB_DIST, file));
    jsBytes += bytes.length;
    jsGzipBytes += gzipSync(bytes).length;
  }
  return { files, jsBytes, jsGzipBytes };
}
