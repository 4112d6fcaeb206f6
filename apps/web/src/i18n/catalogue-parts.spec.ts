import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import en from './en.json';
import { CATALOGUE_PARTS, partOf, type CataloguePart } from './parts';

// Each part of the catalogue must hold every section the components it serves use: a key of a later part shows as
// its key until that part arrives. This reads the code as the build does — each component with what it imports
// statically (a dynamic import() is loaded later, with its own part) — and names the sections each one uses.
const SRC = path.resolve(__dirname, '..');

/** The files `roots` load, each with its static imports of the app's own modules. */
function staticClosure(roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = roots.map((root) => path.join(SRC, root));
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
      const base = path.resolve(path.dirname(file), spec);
      const resolved = ['.tsx', '.ts', '/index.ts', '/index.tsx'].map((ext) => base + ext).find(existsSync);
      if (resolved) pending.push(resolved);
    }
  }
  return [...seen];
}

const SECTIONS = new Set(Object.keys(en));

/** The catalogue sections a file's code names: `t('section.key')`, `` t(`section.${…}`) `` or a key kept as a string. */
function sectionsUsed(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const named = [...code.matchAll(/['"`]([A-Za-z]+)\.[A-Za-z$]/g)].map(([, section]) => section);
  return [...new Set(named)].filter((section) => SECTIONS.has(section));
}

/** Where each part is first needed, and the parts loaded by then. */
const SERVED: { part: CataloguePart; roots: string[]; loaded: CataloguePart[] }[] = [
  { part: 'first', roots: ['main.tsx', 'pages/sign-in.page.tsx', 'pages/root-redirect.page.tsx'], loaded: ['first'] },
  {
    part: 'frame',
    roots: [
      'layout/app.layout.tsx',
      'pages/committee-home.page.tsx',
      'pages/agency-home.page.tsx',
      'pages/provider-home.page.tsx',
    ],
    loaded: ['first', 'frame'],
  },
];

describe('the catalogue’s parts', () => {
  it.each(SERVED)('hold every section the components of the $part part use', ({ roots, loaded }) => {
    const outside = staticClosure(roots).flatMap((file) =>
      sectionsUsed(file)
        .filter((section) => !loaded.includes(partOf(section)))
        .map((section) => `${path.relative(SRC, file)} uses "${section}" (in ${partOf(section)})`),
    );
    expect(outside).toEqual([]);
  });

  it('name sections the catalogue has, each in one part', () => {
    const listed = Object.values(CATALOGUE_PARTS).flat();
    expect(listed.filter((section) => !SECTIONS.has(section))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('reads the code it checks: the frame uses the navigation’s words', () => {
    const frame = staticClosure(['layout/app.layout.tsx']);
    expect(frame.map((file) => path.relative(SRC, file))).toContain('layout/main-nav.tsx');
    expect(frame.flatMap(sectionsUsed)).toEqual(expect.arrayContaining(['nav', 'sections', 'header']));
  });
});
